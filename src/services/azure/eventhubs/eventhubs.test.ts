import { describeService } from '../../../../test/support/describe-service';
import { eventHubFixtures } from './fixtures';
import { eventhubs } from '.';

describeService(eventhubs, eventHubFixtures);
