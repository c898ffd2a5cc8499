import { defineService } from '../../../kit';
import { collectServiceBusNamespaces } from './collect';
import { ops } from './operations';
import { serviceBusNamespace } from './resource';
import { serviceBusCustomerManagedKey } from './rules/customer-managed-key';
import { serviceBusLocalAuth } from './rules/local-auth';
import { serviceBusMinTls } from './rules/min-tls';
import { serviceBusPublicNetwork } from './rules/public-network';
import { serviceBusSim } from './sim';

/** Azure Service Bus: namespaces by subscription and each namespace's network rule set, through ARM. */
export const servicebus = defineService({
  id: 'azure.servicebus',
  provider: 'azure',
  service: 'servicebus',
  title: 'Azure Service Bus',
  hipaaListName: 'Service Bus',
  namespace: 'Microsoft.ServiceBus',
  scope: 'global',
  operations: Object.values(ops),
  resources: [serviceBusNamespace],
  rules: [serviceBusMinTls, serviceBusPublicNetwork, serviceBusLocalAuth, serviceBusCustomerManagedKey],
  collect: collectServiceBusNamespaces,
  sim: serviceBusSim,
});
