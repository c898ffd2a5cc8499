import { defineService } from '../../../kit';
import { collectGraphResources } from './collect';
import { ops } from './operations';
import { graphResource } from './resource';
import { resourceGraphPhiInUnlistedService } from './rules/phi-in-unlisted-service';
import { resourceGraphSim } from './sim';

/**
 * The Azure inventory: every resource of the subscription through Azure Resource Graph (one POST
 * query, paged by $skipToken), judged against the Azure services this product knows.
 */
export const resourcegraph = defineService({
  id: 'azure.resourcegraph',
  provider: 'azure',
  service: 'resourcegraph',
  title: 'Azure Resource Graph',
  hipaaListName: 'Azure Resource Graph',
  namespace: 'Microsoft.ResourceGraph',
  scope: 'global',
  operations: Object.values(ops),
  resources: [graphResource],
  rules: [resourceGraphPhiInUnlistedService],
  collect: collectGraphResources,
  sim: resourceGraphSim,
});
