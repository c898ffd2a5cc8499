import { describeService } from '../../../../test/support/describe-service';
import { securityHubFixtures } from './fixtures';
import { securityhub } from '.';

describeService(securityhub, securityHubFixtures);
