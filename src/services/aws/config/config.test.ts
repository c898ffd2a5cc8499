import { describeService } from '../../../../test/support/describe-service';
import { configFixtures } from './fixtures';
import { config } from '.';

describeService(config, configFixtures);
