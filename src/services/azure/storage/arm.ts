import { azurePairedRegions, isGeoRedundantSku } from '../../../catalog/azure-regions';
import type { ScenarioStorageAccount } from './sim';

/** ARM JSON as the real Resource Manager returns it (api-version 2023-05-01 and later; the collector reads 2026-09-01). */

function endpoints(name: string, suffix: string): Record<string, string> {
  const host = (service: string) => `https://${name}${suffix}.${service}.core.windows.net/`;
  return {
    blob: host('blob'),
    queue: host('queue'),
    table: host('table'),
    file: host('file'),
    dfs: host('dfs'),
    web: host('z13.web'),
  };
}

export function accountId(subscriptionId: string, account: ScenarioStorageAccount): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account.name}`;
}

const skuOf = (account: ScenarioStorageAccount) => ({
  name: account.sku,
  tier: account.sku.startsWith('Premium') ? 'Premium' : 'Standard',
});

/** A retention policy as BlobServices_GetServiceProperties answers it: days only while enabled. */
function retention(days: number | null, allowPermanentDelete: boolean): object {
  return days === null
    ? { ...(allowPermanentDelete ? { allowPermanentDelete: false } : {}), enabled: false }
    : { ...(allowPermanentDelete ? { allowPermanentDelete: false } : {}), enabled: true, days };
}

/**
 * The answer of BlobServices_GetServiceProperties (Blob Services - Get Service Properties, REST
 * reference): cors, deleteRetentionPolicy and containerDeleteRetentionPolicy always; isVersioningEnabled
 * only once it has been set.
 */
export function armBlobService(subscriptionId: string, account: ScenarioStorageAccount): object {
  const blob = account.blobService;
  return {
    sku: skuOf(account),
    id: `${accountId(subscriptionId, account)}/blobServices/default`,
    name: 'default',
    type: 'Microsoft.Storage/storageAccounts/blobServices',
    properties: {
      cors: { corsRules: [] },
      deleteRetentionPolicy: retention(blob.deleteRetentionDays, true),
      containerDeleteRetentionPolicy: retention(blob.containerDeleteRetentionDays, false),
      ...(blob.versioning !== null ? { isVersioningEnabled: blob.versioning } : {}),
    },
  };
}

/** One entry of BlobContainers_List (ListContainerItem): container metadata, never blobs. */
export function armContainer(
  subscriptionId: string,
  account: ScenarioStorageAccount,
  container: ScenarioStorageAccount['containers'][number],
): object {
  return {
    id: `${accountId(subscriptionId, account)}/blobServices/default/containers/${container.name}`,
    name: container.name,
    type: 'Microsoft.Storage/storageAccounts/blobServices/containers',
    etag: '"0x8DC1A2B3C4D5E6F"',
    properties: {
      deleted: false,
      remainingRetentionDays: 0,
      defaultEncryptionScope: '$account-encryption-key',
      denyEncryptionScopeOverride: false,
      publicAccess: container.publicAccess,
      leaseStatus: 'Unlocked',
      leaseState: 'Available',
      lastModifiedTime: account.createdAt,
      hasImmutabilityPolicy: false,
      hasLegalHold: false,
    },
  };
}

/** One entry of DiagnosticSettings_List on the blob service (2021-05-01-preview), destinations omitted when unset. */
export function armBlobDiagnosticSetting(
  subscriptionId: string,
  account: ScenarioStorageAccount,
  setting: ScenarioStorageAccount['blobDiagnosticSettings'][number],
): object {
  const resourceGroup = `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}`;
  const off = { enabled: false, days: 0 };
  const categories = ['StorageRead', 'StorageWrite', 'StorageDelete'];
  return {
    id: `${accountId(subscriptionId, account)}/blobServices/default/providers/microsoft.insights/diagnosticSettings/${setting.name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: setting.name,
    location: null,
    kind: null,
    tags: null,
    properties: {
      ...(setting.destination === 'workspace'
        ? {
            workspaceId: `${resourceGroup}/providers/Microsoft.OperationalInsights/workspaces/${setting.destinationName}`,
          }
        : {}),
      ...(setting.destination === 'storage'
        ? {
            storageAccountId: `${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${setting.destinationName}`,
          }
        : {}),
      ...(setting.destination === 'eventhub'
        ? {
            eventHubAuthorizationRuleId: `${resourceGroup}/providers/Microsoft.EventHub/namespaces/${setting.destinationName}/authorizationrules/RootManageSharedAccessKey`,
            eventHubName: null,
          }
        : {}),
      metrics: [{ timeGrain: null, category: 'Transaction', enabled: true, retentionPolicy: off }],
      logs: setting.allLogs
        ? [{ category: null, categoryGroup: 'allLogs', enabled: true, retentionPolicy: off }]
        : categories.map((category) => ({
            category,
            categoryGroup: null,
            enabled: setting.categories.includes(category as never),
            retentionPolicy: off,
          })),
      logAnalyticsDestinationType: null,
    },
  };
}

export function armStorageAccount(subscriptionId: string, account: ScenarioStorageAccount): object {
  const geo = isGeoRedundantSku(account.sku);
  const secondary = geo ? (account.secondaryLocation ?? azurePairedRegions[account.location] ?? null) : null;
  const readAccess = account.sku.startsWith('Standard_RA');
  const serviceEncryption = { keyType: 'Account', enabled: true, lastEnabledTime: account.createdAt };
  return {
    sku: skuOf(account),
    kind: account.kind,
    id: accountId(subscriptionId, account),
    name: account.name,
    type: 'Microsoft.Storage/storageAccounts',
    location: account.location,
    tags: account.tags,
    properties: {
      dnsEndpointType: 'Standard',
      defaultToOAuthAuthentication: false,
      publicNetworkAccess: account.publicNetworkAccess,
      keyCreationTime: { key1: account.createdAt, key2: account.createdAt },
      allowCrossTenantReplication: false,
      privateEndpointConnections: [],
      minimumTlsVersion: account.minimumTlsVersion,
      allowBlobPublicAccess: account.allowBlobPublicAccess,
      // null = ARM omits allowSharedKeyAccess ("null, which is equivalent to true")
      ...(account.allowSharedKeyAccess !== null
        ? { allowSharedKeyAccess: account.allowSharedKeyAccess }
        : {}),
      networkAcls: {
        ipv6Rules: [],
        bypass: 'AzureServices',
        virtualNetworkRules: [],
        ipRules: account.networkIpRules.map((value) => ({ value, action: 'Allow' })),
        defaultAction: account.networkDefaultAction,
      },
      supportsHttpsTrafficOnly: account.httpsOnly,
      encryption: {
        requireInfrastructureEncryption: account.encryption.requireInfrastructureEncryption,
        services: { file: serviceEncryption, blob: serviceEncryption },
        keySource: account.encryption.keySource,
      },
      accessTier: 'Hot',
      provisioningState: 'Succeeded',
      creationTime: account.createdAt,
      primaryEndpoints: endpoints(account.name, ''),
      primaryLocation: account.location,
      statusOfPrimary: 'available',
      ...(secondary ? { secondaryLocation: secondary, statusOfSecondary: 'available' } : {}),
      ...(readAccess ? { secondaryEndpoints: endpoints(account.name, '-secondary') } : {}),
    },
  };
}
