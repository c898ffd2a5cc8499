import { describeService } from '../../../../test/support/describe-service';
import { detectiveFixtures } from './fixtures';
import { detective } from '.';

describeService(detective, detectiveFixtures);
