import { describeService } from '../../../../test/support/describe-service';
import { kmsFixtures } from './fixtures';
import { kms } from '.';

describeService(kms, kmsFixtures);
