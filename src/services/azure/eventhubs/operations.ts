import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the Event Hubs collector, all on management.azure.com (never the namespace's
 * AMQP/Kafka endpoint, *.servicebus.windows.net). api-version 2024-01-01 (REST reference "Event
 * Hubs, 2024-01-01", Namespaces - List / Namespaces - Get Network Rule Set):
 * the namespace carries sku, properties.minimumTlsVersion ('1.0' | '1.1' | '1.2'),
 * publicNetworkAccess ('Enabled' | 'Disabled' | 'SecuredByPerimeter'), disableLocalAuth and
 * encryption.keySource ('Microsoft.KeyVault', present only with a customer-managed key); the
 * network rule set (always named 'default') carries defaultAction, ipRules and virtualNetworkRules.
 *
 * Authorization rules and their keys (listKeys) are never read: whether SAS works at all is
 * disableLocalAuth on the namespace. The Kafka endpoint honours the same settings.
 */
export const ops = {
  listNamespaces: azureOperation({
    id: 'Namespaces_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.EventHub/namespaces',
    apiVersion: '2024-01-01',
    permission: 'Microsoft.EventHub/namespaces/read',
  }),
  getNetworkRuleSet: azureOperation({
    id: 'Namespaces_GetNetworkRuleSet',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.EventHub/namespaces/{namespaceName}/networkRuleSets/default',
    apiVersion: '2024-01-01',
    permission: 'Microsoft.EventHub/namespaces/networkrulesets/read',
  }),
};
