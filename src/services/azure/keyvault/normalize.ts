import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { KeyProperties, RotationPolicy, SecretProperties, VaultProperties } from './resource';

/**
 * Pure conversion of ARM Key Vault JSON (as Microsoft.KeyVault answers it) into a resource's parts.
 * Absent and null properties stay absent unless ARM documents a default for them.
 */

export interface ArmVault {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface ArmKey {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedVault {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: VaultProperties;
}

export interface NormalizedKey {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: KeyProperties;
}

/** ARM's documented default retention when a vault does not report softDeleteRetentionInDays. */
export const DEFAULT_RETENTION_DAYS = 90;

/** The first api-version whose key resource carries rotationPolicy (absent from 2021-10-01's keys.json). */
export const ROTATION_POLICY_API_VERSION = '2022-07-01';

/** api-versions are dates ('2023-07-01', '2021-11-01-preview'): they order as strings. */
export function exposesRotationPolicy(apiVersion: string): boolean {
  return apiVersion.slice(0, 10) >= ROTATION_POLICY_API_VERSION;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

/** Key Vault times are whole seconds since 1970 (attributes.exp, created); anything else is not a time. */
export function unixTime(value: unknown): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  const date = new Date(value * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

export function normalizeVault(vault: ArmVault): NormalizedVault | null {
  const id = text(vault.id);
  const name = text(vault.name);
  const location = text(vault.location);
  if (!id || !name || !location) return null;
  const props = vault.properties ?? {};
  const retention = props.softDeleteRetentionInDays;
  const rbac = flag(props.enableRbacAuthorization);
  const network = text(props.publicNetworkAccess);
  const properties: VaultProperties = {
    resourceGroup: resourceGroupOf(id),
    skuName: text(record(props.sku)?.name) ?? 'unknown',
    // null, not true: the evidence should show that ARM did not say (the rule explains the default).
    enableSoftDelete: flag(props.enableSoftDelete) ?? null,
    softDeleteRetentionInDays:
      typeof retention === 'number' && Number.isInteger(retention) ? retention : DEFAULT_RETENTION_DAYS,
    // ARM omits enablePurgeProtection on a vault that never turned it on (it accepts only true).
    purgeProtection: flag(props.enablePurgeProtection) ?? false,
    ...(rbac !== undefined ? { enableRbacAuthorization: rbac } : {}),
    ...(network ? { publicNetworkAccess: network } : {}),
    ...networkOf(props.networkAcls),
  };
  return { id, name, location, tags: tagsOf(vault.tags), properties };
}

/** networkAcls → its default action (null when the vault reports none) and its rule count. */
function networkOf(value: unknown): Pick<VaultProperties, 'networkDefaultAction' | 'networkRuleCount'> {
  const acls = record(value);
  const action = text(acls?.defaultAction);
  if (!acls || !action) return { networkDefaultAction: null, networkRuleCount: 0 };
  const count = (list: unknown) => (Array.isArray(list) ? list.length : 0);
  return {
    networkDefaultAction: action,
    networkRuleCount: count(acls.ipRules) + count(acls.virtualNetworkRules),
  };
}

/**
 * DiagnosticSettings_List entries → each setting's destinations and whether it exports AuditEvent:
 * by category, or by the audit or allLogs category group (Key Vault's audit group is AuditEvent).
 */
export function vaultDiagnosticSettingsOf(
  items: readonly unknown[],
): NonNullable<VaultProperties['diagnostics']>['settings'] {
  return items.flatMap((item) => {
    const setting = record(item);
    const name = text(setting?.name);
    if (!name) return [];
    const props = record(setting?.properties) ?? {};
    const logs = Array.isArray(props.logs) ? props.logs.map(record) : [];
    const auditEvent = logs.some((log) => {
      if (log?.enabled !== true) return false;
      const category = text(log.category)?.toLowerCase();
      const group = text(log.categoryGroup)?.toLowerCase();
      return category === 'auditevent' || group === 'audit' || group === 'alllogs';
    });
    const destinations = [
      ...(text(props.workspaceId) ? ['Log Analytics workspace'] : []),
      ...(text(props.storageAccountId) ? ['storage account'] : []),
      ...(text(props.eventHubAuthorizationRuleId) ? ['event hub'] : []),
      ...(text(props.marketplacePartnerId) ? ['partner solution'] : []),
    ];
    return [{ name, auditEvent, destinations }];
  });
}

export interface NormalizedSecret {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: SecretProperties;
}

/**
 * One Secrets_List entry (ARM: attributes, contentType and URIs; the value is never returned). Tags
 * are the vault's overlaid with the secret's own, as for keys.
 */
export function normalizeSecret(entry: ArmKey, vault: NormalizedVault): NormalizedSecret | null {
  const id = text(entry.id);
  const name = text(entry.name);
  if (!id || !name) return null;
  const props = entry.properties ?? {};
  const attributes = record(props.attributes) ?? {};
  const ownTags = tagsOf(entry.tags);
  const enabled = flag(attributes.enabled);
  const createdOn = unixTime(attributes.created);
  const contentType = text(props.contentType);
  return {
    id,
    name,
    location: text(entry.location) ?? vault.location,
    tags: { ...vault.tags, ...ownTags },
    properties: {
      vaultName: vault.name,
      vaultId: vault.id,
      resourceGroup: resourceGroupOf(id),
      ...(enabled !== undefined ? { enabled } : {}),
      // attributes.exp is omitted when the secret has no expiry date.
      expiresOn: unixTime(attributes.exp) ?? null,
      ...(createdOn ? { createdOn } : {}),
      ...(contentType ? { contentType } : {}),
      inheritedTagKeys: Object.keys(vault.tags).filter((key) => !(key in ownTags)),
    },
  };
}

function normalizeRotationPolicy(value: unknown): RotationPolicy | null {
  const policy = record(value);
  if (!policy) return null;
  const actions = Array.isArray(policy.lifetimeActions) ? policy.lifetimeActions : [];
  return {
    lifetimeActions: actions.flatMap((entry) => {
      const action = record(entry);
      const type = text(record(action?.action)?.type);
      if (!type) return [];
      const trigger = record(action?.trigger);
      return [
        {
          type,
          timeAfterCreate: text(trigger?.timeAfterCreate) ?? null,
          timeBeforeExpiry: text(trigger?.timeBeforeExpiry) ?? null,
        },
      ];
    }),
    expiryTime: text(record(policy.attributes)?.expiryTime) ?? null,
  };
}

export interface KeyReads {
  /** The key as Keys_List listed it (attributes and keyUri) */
  listed: ArmKey;
  /** The key as Keys_Get answered it, when that read succeeded */
  detail?: ArmKey;
  /** The api-version Keys_Get was sent with */
  apiVersion: string;
}

/**
 * One key, from its Keys_List entry and (when read) its Keys_Get answer; Keys_Get wins where both
 * say something. PHI classification: a key protects whatever its vault protects, so the key's tags
 * are the vault's tags overlaid with the key's own (the key's own value wins for a shared tag key);
 * `inheritedTagKeys` names the tags that came from the vault, so a report can tell them apart.
 */
export function normalizeKey(reads: KeyReads, vault: NormalizedVault): NormalizedKey | null {
  const source = reads.detail ?? reads.listed;
  const id = text(source.id) ?? text(reads.listed.id);
  const name = text(source.name) ?? text(reads.listed.name);
  if (!id || !name) return null;
  const props = source.properties ?? reads.listed.properties ?? {};
  const attributes = record(props.attributes) ?? record(reads.listed.properties?.attributes) ?? {};
  const ownTags = tagsOf(source.tags ?? reads.listed.tags);
  const inheritedTagKeys = Object.keys(vault.tags).filter((key) => !(key in ownTags));
  const enabled = flag(attributes.enabled);
  const keyType = text(props.kty);
  const createdOn = unixTime(attributes.created);
  const readPolicy = reads.detail !== undefined && exposesRotationPolicy(reads.apiVersion);
  const properties: KeyProperties = {
    vaultName: vault.name,
    vaultId: vault.id,
    resourceGroup: resourceGroupOf(id),
    ...(enabled !== undefined ? { enabled } : {}),
    ...(keyType ? { keyType } : {}),
    // attributes.exp is omitted when the key has no expiry date.
    expiresOn: unixTime(attributes.exp) ?? null,
    ...(createdOn ? { createdOn } : {}),
    ...(readPolicy ? { rotationPolicy: normalizeRotationPolicy(props.rotationPolicy) } : {}),
    inheritedTagKeys,
  };
  return {
    id,
    name,
    location: text(source.location) ?? vault.location,
    tags: { ...vault.tags, ...ownTags },
    properties,
  };
}
