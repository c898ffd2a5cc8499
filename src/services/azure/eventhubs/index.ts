import { defineService } from '../../../kit';
import { collectEventHubNamespaces } from './collect';
import { ops } from './operations';
import { eventHubNamespace } from './resource';
import { eventHubCustomerManagedKey } from './rules/customer-managed-key';
import { eventHubLocalAuth } from './rules/local-auth';
import { eventHubMinTls } from './rules/min-tls';
import { eventHubPublicNetwork } from './rules/public-network';
import { eventHubSim } from './sim';

/** Azure Event Hubs: namespaces by subscription and each namespace's network rule set, through ARM. */
export const eventhubs = defineService({
  id: 'azure.eventhubs',
  provider: 'azure',
  service: 'eventhubs',
  title: 'Azure Event Hubs',
  hipaaListName: 'Event Hubs',
  namespace: 'Microsoft.EventHub',
  scope: 'global',
  operations: Object.values(ops),
  resources: [eventHubNamespace],
  rules: [eventHubMinTls, eventHubPublicNetwork, eventHubLocalAuth, eventHubCustomerManagedKey],
  collect: collectEventHubNamespaces,
  sim: eventHubSim,
});
