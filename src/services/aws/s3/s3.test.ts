import { describeService } from '../../../../test/support/describe-service';
import { s3Fixtures } from './fixtures';
import { s3 } from '.';

describeService(s3, s3Fixtures);
