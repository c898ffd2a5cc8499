import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { defineService } from '../../../kit';
import { collectInventory } from './collect';
import { ops } from './operations';
import { inventoryResource } from './resource';
import { inventoryPhiInIneligibleService } from './rules/phi-in-ineligible-service';
import { inventorySim } from './sim';

/**
 * The AWS inventory: every tagged resource of each account and region, whatever its service,
 * through the Resource Groups Tagging API; judged against the dated HIPAA eligible services list.
 * The tagging API reads ARNs and tags only, and is itself not on the list (src/catalog).
 */
export const inventory = defineService({
  id: 'aws.inventory',
  provider: 'aws',
  service: 'inventory',
  title: 'AWS Resource Groups Tagging API',
  hipaaListName: 'tag',
  scope: 'regional',
  client: ResourceGroupsTaggingAPIClient,
  operations: Object.values(ops),
  resources: [inventoryResource],
  rules: [inventoryPhiInIneligibleService],
  collect: collectInventory,
  sim: inventorySim,
});
