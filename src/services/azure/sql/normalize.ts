import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type {
  Auditing,
  DatabaseProperties,
  EncryptionProtector,
  FirewallRule,
  ReplicationLink,
  ServerProperties,
} from './resource';

/**
 * Pure conversion of ARM Microsoft.Sql JSON (api-version 2023-08-01) into a resource's parts.
 * Absent and null properties stay absent: nothing is invented.
 */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  sku?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedParts<P> {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: P;
}

/** What Servers_List alone says about a server; the per-server reads are added by the collector. */
export type ServerBase = Pick<
  ServerProperties,
  'resourceGroup' | 'fullyQualifiedDomainName' | 'minimalTlsVersion' | 'publicNetworkAccess'
>;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const integer = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

export function normalizeServer(server: ArmResource): NormalizedParts<ServerBase> | null {
  const id = text(server.id);
  const name = text(server.name);
  const location = text(server.location);
  if (!id || !name || !location) return null;
  const props = server.properties ?? {};
  const fqdn = text(props.fullyQualifiedDomainName);
  return {
    id,
    name,
    location,
    tags: tagsOf(server.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      ...(fqdn ? { fullyQualifiedDomainName: fqdn } : {}),
      // Omitted on servers that never set a minimum: kept as null so the evidence shows it.
      minimalTlsVersion: text(props.minimalTlsVersion) ?? null,
      publicNetworkAccess: text(props.publicNetworkAccess) ?? null,
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

/**
 * Entra-only authentication from the azureADOnlyAuthentications list: on when the Default entry
 * (the only one a server has) says true; a list without it means the setting was never turned on.
 */
export function normalizeEntraOnly(items: readonly ArmResource[]): boolean {
  return items.some((item) => flag(item.properties?.azureADOnlyAuthentication) === true);
}

export function normalizeAuditing(body: ArmResource): Auditing | undefined {
  const props = body.properties ?? {};
  const state = text(props.state);
  if (!state) return undefined;
  return {
    state,
    retentionDays: integer(props.retentionDays) ?? null,
    storageEndpoint: text(props.storageEndpoint) ?? null,
    azureMonitorTarget: flag(props.isAzureMonitorTargetEnabled) ?? false,
  };
}

export function normalizeEncryptionProtector(body: ArmResource): EncryptionProtector | undefined {
  const props = body.properties ?? {};
  const serverKeyType = text(props.serverKeyType);
  if (!serverKeyType) return undefined;
  return {
    serverKeyType,
    serverKeyName: text(props.serverKeyName) ?? null,
    uri: text(props.uri) ?? null,
    autoRotationEnabled: flag(props.autoRotationEnabled) ?? null,
  };
}

/** '/subscriptions/…/servers/s/databases/notes/replicationLinks/<guid>' → 'notes' */
function databaseOfLink(id: string): string | undefined {
  return /\/databases\/([^/]+)\/replicationLinks\//i.exec(id)?.[1];
}

export function normalizeReplicationLink(link: ArmResource): ReplicationLink | null {
  const props = link.properties ?? {};
  const partnerServer = text(props.partnerServer);
  const databaseName = databaseOfLink(text(link.id) ?? '');
  if (!partnerServer || !databaseName) return null;
  return {
    databaseName,
    partnerServer,
    partnerDatabase: text(props.partnerDatabase) ?? null,
    partnerLocation: text(props.partnerLocation) ?? null,
    role: text(props.role) ?? null,
    linkType: text(props.linkType) ?? null,
  };
}

/** The logical master database lives on every server; it holds no user data and has no TDE of its own. */
export function isSystemDatabase(name: string): boolean {
  return name.toLowerCase() === 'master';
}

export interface DatabaseReads {
  database: ArmResource;
  /** The transparentDataEncryption/current answer, when it was read */
  tde?: ArmResource;
}

/**
 * One database. PHI classification: a database holds whatever its server holds, so its tags are
 * the server's overlaid with its own; `inheritedTagKeys` names those that came from the server.
 */
export function normalizeDatabase(
  reads: DatabaseReads,
  server: NormalizedParts<ServerBase>,
): NormalizedParts<DatabaseProperties> | null {
  const { database } = reads;
  const id = text(database.id);
  const name = text(database.name);
  if (!id || !name) return null;
  const props = database.properties ?? {};
  const ownTags = tagsOf(database.tags);
  const status = text(props.status);
  const skuName = text(record(database.sku)?.name);
  const tde = reads.tde ? text(reads.tde.properties?.state) : undefined;
  return {
    id,
    name,
    location: text(database.location) ?? server.location,
    tags: { ...server.tags, ...ownTags },
    properties: {
      serverName: server.name,
      serverId: server.id,
      resourceGroup: resourceGroupOf(id),
      ...(status ? { status } : {}),
      ...(skuName ? { skuName } : {}),
      ...(tde ? { transparentDataEncryption: tde } : {}),
      backupStorageRedundancy:
        text(props.currentBackupStorageRedundancy) ?? text(props.requestedBackupStorageRedundancy) ?? null,
      inheritedTagKeys: Object.keys(server.tags).filter((key) => !(key in ownTags)),
    },
  };
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

/** 0.0.0.0–0.0.0.0: "Allow Azure services and resources to access this server" (every Azure tenant). */
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
