import { describeService } from '../../../../test/support/describe-service';
import { snsFixtures } from './fixtures';
import { sns } from '.';

describeService(sns, snsFixtures);
