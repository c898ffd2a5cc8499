import { describeService } from '../../../../test/support/describe-service';
import { rdsFixtures } from './fixtures';
import { rds } from '.';

describeService(rds, rdsFixtures);
