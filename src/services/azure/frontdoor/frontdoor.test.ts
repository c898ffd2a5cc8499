import { describeService } from '../../../../test/support/describe-service';
import { frontDoorFixtures } from './fixtures';
import { frontdoor } from '.';

describeService(frontdoor, frontDoorFixtures);
