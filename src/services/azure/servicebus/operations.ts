import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the Service Bus collector, all on management.azure.com (never the namespace's
 * messaging endpoint, *.servicebus.windows.net). api-version 2024-01-01 (REST reference "Service
 * Bus control plane, stable 2024-01-01", Namespaces - List / Namespaces - Get Network Rule Set):
 * the namespace carries sku, properties.minimumTlsVersion ('1.0' | '1.1' | '1.2'),
 * publicNetworkAccess ('Enabled' | 'Disabled' | 'SecuredByPerimeter'), disableLocalAuth and
 * encryption.keySource ('Microsoft.KeyVault', present only with a customer-managed key); the
 * network rule set (always named 'default') carries defaultAction, ipRules and virtualNetworkRules.
 *
 * Authorization rules and their keys (listKeys) are never read: whether SAS works at all is
 * disableLocalAuth on the namespace.
 */
export const ops = {
  listNamespaces: azureOperation({
    id: 'Namespaces_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.ServiceBus/namespaces',
    apiVersion: '2024-01-01',
    permission: 'Microsoft.ServiceBus/namespaces/read',
  }),
  getNetworkRuleSet: azureOperation({
    id: 'Namespaces_GetNetworkRuleSet',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ServiceBus/namespaces/{namespaceName}/networkRuleSets/default',
    apiVersion: '2024-01-01',
    permission: 'Microsoft.ServiceBus/namespaces/networkrulesets/read',
  }),
};
