import { describeService } from '../../../../test/support/describe-service';
import { cloudTrailFixtures } from './fixtures';
import { cloudtrail } from '.';

describeService(cloudtrail, cloudTrailFixtures);
