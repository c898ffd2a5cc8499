import { describeService } from '../../../../test/support/describe-service';
import { authorizationFixtures } from './fixtures';
import { authorization } from '.';

describeService(authorization, authorizationFixtures);
