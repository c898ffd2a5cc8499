import { describeService } from '../../../../test/support/describe-service';
import { sqsFixtures } from './fixtures';
import { sqs } from '.';

describeService(sqs, sqsFixtures);
