import { describeService } from '../../../../test/support/describe-service';
import { macieFixtures } from './fixtures';
import { macie } from '.';

describeService(macie, macieFixtures);
