import { describeService } from '../../../../test/support/describe-service';
import { inventoryFixtures } from './fixtures';
import { inventory } from '.';

describeService(inventory, inventoryFixtures);
