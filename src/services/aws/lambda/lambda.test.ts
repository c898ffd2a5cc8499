import { describeService } from '../../../../test/support/describe-service';
import { lambdaFixtures } from './fixtures';
import { lambda } from '.';

describeService(lambda, lambdaFixtures);
