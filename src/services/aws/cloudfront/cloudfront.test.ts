import { describeService } from '../../../../test/support/describe-service';
import { cloudfrontFixtures } from './fixtures';
import { cloudfront } from '.';

describeService(cloudfront, cloudfrontFixtures);
