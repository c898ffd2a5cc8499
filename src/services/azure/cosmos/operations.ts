import { azureOperation } from '../../../kit';

/**
 * The one ARM read the Cosmos DB collector makes, on management.azure.com: the account list, which
 * carries every setting the rules need. api-version 2024-05-15 (the newest stable
 * Microsoft.DocumentDB version in Microsoft Learn's "API version change log for deployment of
 * Microsoft.DocumentDB/databaseAccounts"; minimalTlsVersion 'Tls' | 'Tls11' | 'Tls12' is reported
 * since 2022-11-15): publicNetworkAccess, isVirtualNetworkFilterEnabled, ipRules
 * ({ ipAddressOrRange }; '0.0.0.0' = "Accept connections from within public Azure datacenters"),
 * virtualNetworkRules, disableLocalAuth, keyVaultKeyUri (present only with a customer-managed key),
 * locations (each with a display-name locationName and failoverPriority) and backupPolicy
 * (Periodic with periodicModeProperties.backupStorageRedundancy, or Continuous).
 *
 * Never the account keys (DatabaseAccounts_ListKeys is a POST and is not declared) and never the
 * data plane (*.documents.azure.com).
 */
export const ops = {
  listAccounts: azureOperation({
    id: 'DatabaseAccounts_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.DocumentDB/databaseAccounts',
    apiVersion: '2024-05-15',
    permission: 'Microsoft.DocumentDB/databaseAccounts/read',
  }),
};
