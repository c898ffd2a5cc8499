import { describeService } from '../../../../test/support/describe-service';
import { resourceGraphFixtures } from './fixtures';
import { resourcegraph } from '.';

describeService(resourcegraph, resourceGraphFixtures);
