import { describeService } from '../../../../test/support/describe-service';
import { mysqlFixtures } from './fixtures';
import { mysql } from '.';

describeService(mysql, mysqlFixtures);
