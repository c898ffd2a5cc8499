import { flagOf as flag, normalizeRegion, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { AccountProperties, ReplicaLocation } from './resource';

/**
 * Pure conversion of ARM Microsoft.DocumentDB/databaseAccounts JSON (api-version 2024-05-15) into a
 * resource's parts. Absent and null settings stay null: nothing is invented.
 */

export interface ArmAccount {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  kind?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedAccount {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: AccountProperties;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

function replicaLocations(value: unknown): ReplicaLocation[] {
  const seen = new Set<string>();
  const locations = list(value).flatMap((entry) => {
    const name = text(record(entry)?.locationName);
    if (!name) return [];
    const location = normalizeRegion(name);
    if (seen.has(location)) return [];
    seen.add(location);
    const priority = record(entry)?.failoverPriority;
    return [{ location, failoverPriority: typeof priority === 'number' ? priority : null }];
  });
  return locations.sort((a, b) => (a.failoverPriority ?? 99) - (b.failoverPriority ?? 99));
}

export function normalizeAccount(account: ArmAccount): NormalizedAccount | null {
  const id = text(account.id);
  const name = text(account.name);
  const location = text(account.location);
  if (!id || !name || !location) return null;
  const props = account.properties ?? {};
  const kind = text(account.kind);
  const backup = record(props.backupPolicy);
  const periodic = record(backup?.periodicModeProperties);
  return {
    id,
    name,
    location: normalizeRegion(location),
    tags: tagsOf(account.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      ...(kind ? { kind } : {}),
      publicNetworkAccess: text(props.publicNetworkAccess) ?? null,
      virtualNetworkFilterEnabled: flag(props.isVirtualNetworkFilterEnabled) ?? null,
      ipRules: list(props.ipRules).flatMap((rule) => {
        const range = text(record(rule)?.ipAddressOrRange);
        return range ? [range.trim()] : [];
      }),
      virtualNetworkRuleCount: list(props.virtualNetworkRules).length,
      minimalTlsVersion: text(props.minimalTlsVersion) ?? null,
      // ARM reports disableLocalAuth false on accounts that never set it; absent means the same.
      disableLocalAuth: flag(props.disableLocalAuth) ?? false,
      keyVaultKeyUri: text(props.keyVaultKeyUri) ?? null,
      locations: replicaLocations(props.locations),
      backupPolicyType: text(backup?.type) ?? null,
      backupStorageRedundancy: text(periodic?.backupStorageRedundancy) ?? null,
    },
  };
}

/** '0.0.0.0' as an IP rule: "Accept connections from within public Azure datacenters". */
export function isAllAzureIpRule(range: string): boolean {
  return range === '0.0.0.0' || range === '0.0.0.0/32';
}

function ipv4(address: string): number | undefined {
  const parts = address.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** A range wider than a /8 (16,777,216 addresses) is treated as open to the internet. */
export const BROAD_PREFIX = 8;

/** An IP rule that admits the internet at large: a CIDR shorter than /8, such as 0.0.0.0/0. */
export function isInternetWideIpRule(range: string): boolean {
  const [address = '', prefix] = range.split('/');
  if (prefix === undefined || ipv4(address) === undefined || !/^\d{1,2}$/.test(prefix)) return false;
  return Number(prefix) < BROAD_PREFIX;
}

/**
 * Whether the account filters public traffic at all: with no IP rule and the virtual network filter
 * off, Cosmos DB accepts connections from every network.
 */
export function acceptsAllNetworks(
  properties: Pick<AccountProperties, 'ipRules' | 'virtualNetworkFilterEnabled'>,
): boolean {
  return properties.ipRules.length === 0 && properties.virtualNetworkFilterEnabled !== true;
}
