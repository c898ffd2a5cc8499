import { describeService } from '../../../../test/support/describe-service';
import { elbv2Fixtures } from './fixtures';
import { elbv2 } from '.';

describeService(elbv2, elbv2Fixtures);
