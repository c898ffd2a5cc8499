import { describeService } from '../../../../test/support/describe-service';
import { logsFixtures } from './fixtures';
import { logs } from '.';

describeService(logs, logsFixtures);
