import { describeService } from '../../../../test/support/describe-service';
import { ec2Fixtures } from './fixtures';
import { ec2 } from '.';

describeService(ec2, ec2Fixtures);
