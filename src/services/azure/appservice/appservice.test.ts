import { describeService } from '../../../../test/support/describe-service';
import { appServiceFixtures } from './fixtures';
import { appservice } from '.';

describeService(appservice, appServiceFixtures);
