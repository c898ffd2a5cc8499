import { describeService } from '../../../../test/support/describe-service';
import { efsFixtures } from './fixtures';
import { efs } from '.';

describeService(efs, efsFixtures);
