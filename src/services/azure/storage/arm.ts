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

export function armStorageAccount(subscriptionId: string, account: ScenarioStorageAccount): object {
  const geo = isGeoRedundantSku(account.sku);
  const secondary = geo ? (account.secondaryLocation ?? azurePairedRegions[account.location] ?? null) : null;
  const readAccess = account.sku.startsWith('Standard_RA');
  const serviceEncryption = { keyType: 'Account', enabled: true, lastEnabledTime: account.createdAt };
  return {
    sku: { name: account.sku, tier: account.sku.startsWith('Premium') ? 'Premium' : 'Standard' },
    kind: account.kind,
    id: `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.Storage/storageAccounts/${account.name}`,
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
      allowSharedKeyAccess: true,
      networkAcls: {
        ipv6Rules: [],
        bypass: 'AzureServices',
        virtualNetworkRules: [],
        ipRules: [],
        defaultAction: 'Allow',
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
