import { describeService } from '../../../../test/support/describe-service';
import { iamFixtures } from './fixtures';
import { iam } from '.';

describeService(iam, iamFixtures);
