import { azureOperation } from '../../../kit';

/**
 * Every ARM read the Key Vault collector makes, all on management.azure.com (never the vault's
 * data plane, *.vault.azure.net). api-version 2023-07-01 (azure-rest-api-specs,
 * Microsoft.KeyVault/stable/2023-07-01): vaults report enablePurgeProtection (omitted until turned
 * on), enableSoftDelete and softDeleteRetentionInDays (default 90); the key resource carries
 * attributes.exp and, since 2022-07-01, rotationPolicy ("omitted if empty"). Keys_List answers
 * attributes and keyUri only, so the rotation policy is read with Keys_Get per key.
 *
 * Secrets_List (2023-07-01, "intended for internal use in ARM deployments"): each secret's
 * attributes (enabled, nbf, exp omitted when unset, created, updated), contentType, secretUri. The
 * REST reference says of SecretProperties.value: "'value' will never be returned from the service"
 * — the list carries no secret value; the data-plane GetSecret is never called (the guard refuses it).
 *
 * DiagnosticSettings_List on the vault, api-version 2021-05-01-preview (Microsoft.Insights
 * {resourceUri}/providers/Microsoft.Insights/diagnosticSettings; not paged): logs[] by category
 * (AuditEvent, AzurePolicyEvaluationDetails) or categoryGroup ('audit', 'allLogs').
 *
 * Keys are read through ARM, which needs only the management-plane action
 * Microsoft.KeyVault/vaults/keys/read (in the Reader role): no data-plane access policy or role is
 * granted, and no key material, secret or certificate is ever returned.
 */
export const ops = {
  listVaults: azureOperation({
    id: 'Vaults_ListBySubscription',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/vaults',
    apiVersion: '2023-07-01',
    permission: 'Microsoft.KeyVault/vaults/read',
  }),
  listKeys: azureOperation({
    id: 'Keys_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/keys',
    apiVersion: '2023-07-01',
    permission: 'Microsoft.KeyVault/vaults/keys/read',
  }),
  getKey: azureOperation({
    id: 'Keys_Get',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/keys/{keyName}',
    apiVersion: '2023-07-01',
    permission: 'Microsoft.KeyVault/vaults/keys/read',
  }),
  listSecrets: azureOperation({
    id: 'Secrets_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/secrets',
    apiVersion: '2023-07-01',
    permission: 'Microsoft.KeyVault/vaults/secrets/read',
  }),
  listDiagnosticSettings: azureOperation({
    id: 'DiagnosticSettings_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/providers/Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    permission: 'Microsoft.Insights/DiagnosticSettings/Read',
  }),
};
