import { describeService } from '../../../../test/support/describe-service';
import { monitorFixtures } from './fixtures';
import { monitor } from '.';

describeService(monitor, monitorFixtures);
