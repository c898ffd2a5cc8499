import { describeService } from '../../../../test/support/describe-service';
import { backupFixtures } from './fixtures';
import { backup } from '.';

describeService(backup, backupFixtures);
