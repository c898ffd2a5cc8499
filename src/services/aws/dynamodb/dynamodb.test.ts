import { describeService } from '../../../../test/support/describe-service';
import { dynamodbFixtures } from './fixtures';
import { dynamodb } from '.';

describeService(dynamodb, dynamodbFixtures);
