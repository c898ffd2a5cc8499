import { describeService } from '../../../../test/support/describe-service';
import { serviceBusFixtures } from './fixtures';
import { servicebus } from '.';

describeService(servicebus, serviceBusFixtures);
