import { describeService } from '../../../../test/support/describe-service';
import { apimFixtures } from './fixtures';
import { apim } from '.';

describeService(apim, apimFixtures);
