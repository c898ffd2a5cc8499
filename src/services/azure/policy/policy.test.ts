import { describeService } from '../../../../test/support/describe-service';
import { policyFixtures } from './fixtures';
import { policy } from '.';

describeService(policy, policyFixtures);
