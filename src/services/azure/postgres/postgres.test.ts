import { describeService } from '../../../../test/support/describe-service';
import { postgresFixtures } from './fixtures';
import { postgres } from '.';

describeService(postgres, postgresFixtures);
