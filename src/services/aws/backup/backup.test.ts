import { describeService } from '../../../../test/support/describe-service';
import { backupFixtures } from './fixtures';
import { awsBackup } from '.';

describeService(awsBackup, backupFixtures);
