import { describeService } from '../../../../test/support/describe-service';
import { cosmosFixtures } from './fixtures';
import { cosmos } from '.';

describeService(cosmos, cosmosFixtures);
