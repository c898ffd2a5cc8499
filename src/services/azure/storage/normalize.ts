import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { StorageAccountProperties } from './resource';
import type { z } from 'zod';
import type { blobDiagnosticSettingSchema, blobServiceSchema, publicContainerSchema } from './resource';

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
    // "The default value is null, which is equivalent to true."
    allowSharedKeyAccess: flag(props.allowSharedKeyAccess) ?? true,
    ...networkOf(props.networkAcls),
  };
  return { id, name, location, tags: tagsOf(account.tags), properties };
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

function networkOf(
  value: unknown,
): Pick<StorageAccountProperties, 'networkDefaultAction' | 'networkRuleCount'> {
  const acls = record(value);
  const action = text(acls?.defaultAction);
  if (!acls || !action) return {};
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    networkDefaultAction: action,
    networkRuleCount: count(acls.ipRules) + count(acls.virtualNetworkRules) + count(acls.ipv6Rules),
  };
}

/** A retention policy's days when it is enabled; null when it is off or absent (ARM: off unless enabled). */
function retentionDays(value: unknown): number | null {
  const policy = record(value);
  if (!policy || policy.enabled !== true) return null;
  return typeof policy.days === 'number' && Number.isInteger(policy.days) ? policy.days : null;
}

/** BlobServices_GetServiceProperties → the blob service's data-protection settings. */
export function normalizeBlobService(body: unknown): z.infer<typeof blobServiceSchema> {
  const props = record(record(body)?.properties) ?? {};
  return {
    blobSoftDeleteDays: retentionDays(props.deleteRetentionPolicy),
    containerSoftDeleteDays: retentionDays(props.containerDeleteRetentionPolicy),
    // "Versioning is enabled if set to true"; omitted on an account that never turned it on.
    versioning: props.isVersioningEnabled === true,
  };
}

/** BlobContainers_List entries → the containers whose publicAccess is Blob or Container. */
export function publicContainersOf(items: readonly unknown[]): z.infer<typeof publicContainerSchema>[] {
  return items.flatMap((item) => {
    const container = record(item);
    const name = text(container?.name);
    const access = text(record(container?.properties)?.publicAccess);
    if (!name || !access || access.toLowerCase() === 'none') return [];
    return [{ name, publicAccess: access }];
  });
}

/**
 * DiagnosticSettings_List entries → each setting's destinations and whether it exports StorageRead:
 * by category, or by the allLogs category group (every category). The audit group is not counted:
 * the blob-service log reference lists its categories without group membership.
 */
export function blobDiagnosticSettingsOf(
  items: readonly unknown[],
): z.infer<typeof blobDiagnosticSettingSchema>[] {
  return items.flatMap((item) => {
    const setting = record(item);
    const name = text(setting?.name);
    if (!name) return [];
    const props = record(setting?.properties) ?? {};
    const logs = Array.isArray(props.logs) ? props.logs.map(record) : [];
    const storageRead = logs.some(
      (log) =>
        log?.enabled === true &&
        (text(log.category)?.toLowerCase() === 'storageread' ||
          text(log.categoryGroup)?.toLowerCase() === 'alllogs'),
    );
    const destinations = [
      ...(text(props.workspaceId) ? ['Log Analytics workspace'] : []),
      ...(text(props.storageAccountId) ? ['storage account'] : []),
      ...(text(props.eventHubAuthorizationRuleId) ? ['event hub'] : []),
      ...(text(props.marketplacePartnerId) ? ['partner solution'] : []),
    ];
    return [{ name, storageRead, destinations }];
  });
}
export { resourceGroupOf } from '../../../kit';
