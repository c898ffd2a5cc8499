import { describeService } from '../../../../test/support/describe-service';
import { sqlFixtures } from './fixtures';
import { sql } from '.';

describeService(sql, sqlFixtures);
