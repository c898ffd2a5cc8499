import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { StorageAccountProperties } from './resource';

/** Pure conversion of one ARM storage-account JSON object (as ARM sends it) into a resource's parts. */

const geoRedundantSkus = /_(RAGRS|GRS|GZRS|RAGZRS)$/i;

export interface ArmStorageAccount {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  kind?: unknown;
  tags?: unknown;
  sku?: { name?: unknown } | null;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedStorageAccount {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: StorageAccountProperties;
}

export function normalizeStorageAccount(account: ArmStorageAccount): NormalizedStorageAccount | null {
  const id = text(account.id);
  const name = text(account.name);
  const location = text(account.location);
  if (!id || !name || !location) return null;
  const props = account.properties ?? {};
  const skuName = text(account.sku?.name) ?? 'unknown';
  const encryption = props.encryption as
    { keySource?: unknown; requireInfrastructureEncryption?: unknown } | undefined;
  const secondary = text(props.secondaryLocation) ?? null;
  const properties: StorageAccountProperties = {
    resourceGroup: resourceGroupOf(id),
    kind: text(account.kind) ?? 'unknown',
    skuName,
    // ARM omits these on accounts that never set them; the values are ARM's documented defaults for that case.
    httpsOnly: flag(props.supportsHttpsTrafficOnly) ?? true,
    minimumTlsVersion: text(props.minimumTlsVersion) ?? 'TLS1_0',
    allowBlobPublicAccess: flag(props.allowBlobPublicAccess) ?? false,
    primaryLocation: text(props.primaryLocation) ?? location,
    secondaryLocation: secondary,
    geoReplicated: geoRedundantSkus.test(skuName),
    ...(encryption
      ? {
          encryption: {
            keySource: text(encryption.keySource) ?? 'Microsoft.Storage',
            requireInfrastructureEncryption: encryption.requireInfrastructureEncryption === true,
          },
        }
      : {}),
    ...(text(props.publicNetworkAccess)
      ? { publicNetworkAccess: text(props.publicNetworkAccess) as string }
      : {}),
  };
  return { id, name, location, tags: tagsOf(account.tags), properties };
}
export { resourceGroupOf } from '../../../kit';
