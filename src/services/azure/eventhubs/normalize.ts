import { flagOf as flag, normalizeRegion, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { NamespaceProperties, NetworkRuleSet } from './resource';

/**
 * Pure conversion of Microsoft.EventHub JSON (api-version 2024-01-01) into a resource's parts.
 * Absent and null properties stay null or absent: a missing setting is reported as missing.
 */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  sku?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedNamespace {
  id: string;
  name: string;
  /** 'eastus': Event Hubs answers display names ('East US'), normalized here */
  location: string;
  tags: Record<string, string>;
  properties: NamespaceProperties;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const count = (value: unknown): number => (Array.isArray(value) ? value.length : 0);

export function normalizeNetworkRuleSet(body: unknown): NetworkRuleSet {
  const props = record(record(body)?.properties) ?? {};
  const publicNetworkAccess = text(props.publicNetworkAccess);
  const trusted = flag(props.trustedServiceAccessEnabled);
  return {
    defaultAction: text(props.defaultAction) ?? null,
    ...(publicNetworkAccess ? { publicNetworkAccess } : {}),
    ipRuleCount: count(props.ipRules),
    virtualNetworkRuleCount: count(props.virtualNetworkRules),
    ...(trusted !== undefined ? { trustedServiceAccessEnabled: trusted } : {}),
  };
}

/** A namespace of Namespaces_List; null when it lacks an id, name or location. */
export function normalizeNamespace(
  namespace: ArmResource,
  networkRuleSet?: NetworkRuleSet,
): NormalizedNamespace | null {
  const id = text(namespace.id);
  const name = text(namespace.name);
  const location = text(namespace.location);
  if (!id || !name || !location) return null;
  const props = namespace.properties ?? {};
  const encryption = record(props.encryption);
  const keySource = text(encryption?.keySource) ?? null;
  const vaultKey = Array.isArray(encryption?.keyVaultProperties)
    ? record(encryption.keyVaultProperties[0])
    : undefined;
  const infrastructure = flag(encryption?.requireInfrastructureEncryption);
  const minimumTls = props.minimumTlsVersion;
  const properties: NamespaceProperties = {
    resourceGroup: resourceGroupOf(id),
    skuName: text(record(namespace.sku)?.name) ?? 'unknown',
    minimumTlsVersion:
      typeof minimumTls === 'string' && minimumTls !== ''
        ? minimumTls
        : typeof minimumTls === 'number'
          ? minimumTls.toFixed(1)
          : null,
    publicNetworkAccess: text(props.publicNetworkAccess) ?? null,
    disableLocalAuth: flag(props.disableLocalAuth) ?? null,
    encryptionKeySource: keySource,
    ...(keySource?.toLowerCase() === 'microsoft.keyvault'
      ? {
          customerManagedKey: {
            keyVaultUri: text(vaultKey?.keyVaultUri) ?? null,
            keyName: text(vaultKey?.keyName) ?? null,
          },
        }
      : {}),
    ...(infrastructure !== undefined ? { requireInfrastructureEncryption: infrastructure } : {}),
    privateEndpointConnectionCount: count(props.privateEndpointConnections),
    ...(networkRuleSet ? { networkRuleSet } : {}),
  };
  return { id, name, location: normalizeRegion(location), tags: tagsOf(namespace.tags), properties };
}
