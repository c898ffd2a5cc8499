import { ResourceGroupsTaggingAPIClient } from '@aws-sdk/client-resource-groups-tagging-api';
import { defineService } from '../../../kit';
import { collectInventory } from './collect';
import { ops } from './operations';
import { inventoryResource } from './resource';
import { inventoryPhiInIneligibleService } from './rules/phi-in-ineligible-service';
import { inventorySim } from './sim';

/**
 * The AWS inventory: every resource of each account and region, whatever its service, from
 * Resource Explorer where an index exists, AWS Config where a recorder is recording, and the Resource
 * Groups Tagging API (which lists only resources that have or had tags), merged by ARN; judged
 * against the dated HIPAA eligible services list. The sources read ARNs, types and tags only; the
 * list name is the tagging API's ('tag'), itself not on the list (src/catalog).
 */
export const inventory = defineService({
  id: 'aws.inventory',
  provider: 'aws',
  service: 'inventory',
  title: 'AWS resource inventory (Resource Explorer, AWS Config, Resource Groups Tagging API)',
  hipaaListName: 'tag',
  scope: 'regional',
  client: ResourceGroupsTaggingAPIClient,
  operations: Object.values(ops),
  resources: [inventoryResource],
  rules: [inventoryPhiInIneligibleService],
  inventorySources: [
    { operation: 'ListResources', label: 'Resource Explorer' },
    { operation: 'SelectResourceConfig', label: 'AWS Config' },
    {
      operation: 'GetResources',
      label: 'tagging API',
      misses: 'resources that never had tags are not listed',
    },
  ],
  collect: collectInventory,
  sim: inventorySim,
});
