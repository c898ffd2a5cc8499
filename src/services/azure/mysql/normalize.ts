import { normalizeRegion, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { FirewallRule, ServerProperties } from './resource';

/**
 * Pure conversion of ARM Microsoft.DBforMySQL/flexibleServers JSON (api-version 2023-12-30)
 * into a resource's parts. Absent and null properties stay absent: nothing is invented.
 */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

/** What Servers_List alone says; firewall rules and server parameters are added by the collector. */
export type ServerBase = Omit<ServerProperties, 'firewallRules' | 'requireSecureTransport' | 'tlsVersion'>;

export interface NormalizedServer {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: ServerBase;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

export function normalizeServer(server: ArmResource): NormalizedServer | null {
  const id = text(server.id);
  const name = text(server.name);
  // Flexible servers answer their location as a display name ('East US'): kept as 'eastus'.
  const location = text(server.location);
  if (!id || !name || !location) return null;
  const props = server.properties ?? {};
  const network = record(props.network) ?? {};
  const backup = record(props.backup) ?? {};
  const encryption = record(props.dataEncryption) ?? {};
  const version = text(props.version);
  const state = text(props.state);
  const retention = backup.backupRetentionDays;
  return {
    id,
    name,
    location: normalizeRegion(location),
    tags: tagsOf(server.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      ...(version ? { version } : {}),
      ...(state ? { state } : {}),
      publicNetworkAccess: text(network.publicNetworkAccess) ?? null,
      delegatedSubnet: text(network.delegatedSubnetResourceId) ?? null,
      geoRedundantBackup: text(backup.geoRedundantBackup) ?? null,
      ...(typeof retention === 'number' && Number.isInteger(retention)
        ? { backupRetentionDays: retention }
        : {}),
      dataEncryptionType: text(encryption.type) ?? null,
      primaryKeyUri: text(encryption.primaryKeyURI) ?? null,
    },
  };
}

export function normalizeFirewallRule(rule: ArmResource): FirewallRule | null {
  const props = rule.properties ?? {};
  const name = text(rule.name);
  const startIpAddress = text(props.startIpAddress);
  const endIpAddress = text(props.endIpAddress);
  if (!name || !startIpAddress || !endIpAddress) return null;
  return { name, startIpAddress, endIpAddress };
}

/** A server parameter's current value (Configurations_Get properties.value), when reported. */
export function configurationValue(body: ArmResource): string | undefined {
  return text(body.properties?.value);
}

/** Dotted IPv4 → number; undefined for anything else. */
export function ipv4(address: string): number | undefined {
  const parts = address.trim().split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const octet = Number(part);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** 0.0.0.0–0.0.0.0: "Allow public access from any Azure service within Azure" (every Azure tenant). */
export function isAllowAllAzureRule(rule: FirewallRule): boolean {
  return ipv4(rule.startIpAddress) === 0 && ipv4(rule.endIpAddress) === 0;
}

/** A range wider than a /8 (16,777,216 addresses) is treated as open to the internet. */
export const BROAD_RANGE_ADDRESSES = 2 ** 24;

/** How many addresses a firewall rule admits; 0 for the Azure-services rule or an unreadable range. */
export function ruleAddressCount(rule: FirewallRule): number {
  const start = ipv4(rule.startIpAddress);
  const end = ipv4(rule.endIpAddress);
  if (start === undefined || end === undefined || end < start || isAllowAllAzureRule(rule)) return 0;
  return end - start + 1;
}

/** A rule that admits the internet at large: the whole IPv4 range, or more than a /8. */
export function isInternetWideRule(rule: FirewallRule): boolean {
  return ruleAddressCount(rule) > BROAD_RANGE_ADDRESSES;
}

/** tls_version 'TLSv1,TLSv1.1,TLSv1.2' → ['TLSv1', 'TLSv1.1', 'TLSv1.2'] */
export function tlsVersionsOf(value: string): string[] {
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
