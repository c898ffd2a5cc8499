import { describeService } from '../../../../test/support/describe-service';
import { guardDutyFixtures } from './fixtures';
import { guardduty } from '.';

describeService(guardduty, guardDutyFixtures);
