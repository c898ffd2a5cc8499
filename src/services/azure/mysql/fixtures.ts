import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { ServerProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const serverPath = (name: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.DBforMySQL/flexibleServers/${name}`;

export function compliantServerProperties(): ServerProperties {
  return {
    resourceGroup: 'rg-phi',
    version: '8.0.21',
    state: 'Ready',
    publicNetworkAccess: 'Disabled',
    delegatedSubnet: null,
    geoRedundantBackup: 'Enabled',
    backupRetentionDays: 35,
    dataEncryptionType: 'AzureKeyVault',
    primaryKeyUri: 'https://nwv-kv-phi.vault.azure.net/keys/mysql',
    firewallRules: [],
    requireSecureTransport: 'ON',
    tlsVersion: 'TLSv1.2,TLSv1.3',
  };
}

interface Options {
  name?: string;
  phi?: boolean;
  region?: string;
  properties?: Partial<Record<keyof ServerProperties, unknown>>;
  missing?: (keyof ServerProperties)[];
}

export function server(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'nwv-mysql-phi';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantServerProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'azure',
    type: 'azure.mysql.flexible-server',
    nativeId: serverPath(name),
    name,
    scopeId: subscription,
    // eastus2 pairs with centralus: both approved in the demo engagement (`approved` below).
    region: options.region ?? 'eastus2',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [11],
  };
}

/** The demo engagement's Azure regions (FIXTURE_APPROVED_REGIONS has no eastus2 or centralus). */
const approved = { approvedRegions: ['eastus', 'westus2', 'eastus2', 'centralus'] };
const open = { publicNetworkAccess: 'Enabled' };
const allAzure = {
  name: 'AllowAllAzureServicesAndResourcesWithinAzureIps_2021-3-4_10-12-44',
  startIpAddress: '0.0.0.0',
  endIpAddress: '0.0.0.0',
};
const everyone = { name: 'migration-temp', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' };
const office = { name: 'office', startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.31' };

export const mysqlFixtures: ServiceFixtures = {
  'azure.mysql.secure-transport': {
    pass: [
      {
        name: 'ON',
        resource: server(),
        detail: 'MySQL server nwv-mysql-phi requires TLS on every connection (require_secure_transport ON).',
      },
    ],
    fail: [
      {
        name: 'OFF',
        resource: server({ properties: { requireSecureTransport: 'OFF' } }),
        detail:
          'MySQL server nwv-mysql-phi has require_secure_transport OFF: it accepts connections without TLS. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'parameter not read',
        resource: server({ missing: ['requireSecureTransport'] }),
        detail: /^Not assessed: the require_secure_transport parameter of MySQL server nwv-mysql-phi/,
      },
    ],
  },
  'azure.mysql.min-tls': {
    pass: [
      {
        name: 'TLSv1.2,TLSv1.3 (MySQL 8.0 default)',
        resource: server(),
        detail: 'MySQL server nwv-mysql-phi accepts only TLS 1.2 or later (tls_version TLSv1.2,TLSv1.3).',
      },
      {
        name: 'TLSv1.2 alone',
        resource: server({ properties: { tlsVersion: 'TLSv1.2' } }),
        detail: '(tls_version TLSv1.2)',
      },
    ],
    fail: [
      {
        name: 'TLSv1,TLSv1.1,TLSv1.2 (an old MySQL 5.7 setting)',
        resource: server({ properties: { tlsVersion: 'TLSv1,TLSv1.1,TLSv1.2' } }),
        detail:
          'MySQL server nwv-mysql-phi accepts TLSv1 and TLSv1.1 (tls_version TLSv1,TLSv1.1,TLSv1.2): TLS below 1.2. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'TLSv1.1 with spaces, on a server not classified as PHI',
        resource: server({ phi: false, properties: { tlsVersion: 'TLSv1.1, TLSv1.2' } }),
        detail: 'accepts TLSv1.1 (tls_version TLSv1.1, TLSv1.2): TLS below 1.2.',
      },
    ],
    notApplicable: [
      {
        name: 'parameter not read',
        resource: server({ missing: ['tlsVersion'] }),
        detail: /^Not assessed: the tls_version parameter of MySQL server nwv-mysql-phi/,
      },
    ],
  },
  'azure.mysql.firewall-open-to-internet': {
    pass: [
      {
        name: 'public access disabled (rules moot)',
        resource: server({ properties: { firewallRules: [everyone] } }),
        detail:
          'MySQL server nwv-mysql-phi has public network access disabled: its firewall rules admit no one.',
      },
      {
        name: 'public, narrow rules only',
        resource: server({ properties: { ...open, firewallRules: [office, allAzure] } }),
        detail: 'has public network access Enabled and no firewall rule wider than a /8 (2 rules).',
      },
    ],
    fail: [
      {
        name: '0.0.0.0–255.255.255.255',
        resource: server({ properties: { ...open, firewallRules: [allAzure, everyone] } }),
        detail:
          'MySQL server nwv-mysql-phi accepts connections from the internet: firewall rule migration-temp allows 0.0.0.0–255.255.255.255 (4,294,967,296 addresses), and public network access is Enabled. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'firewall rules not read',
        resource: server({ properties: open, missing: ['firewallRules'] }),
        detail: /^Not assessed: the firewall rules of MySQL server nwv-mysql-phi/,
      },
      {
        name: 'server not read',
        resource: server({ missing: ['publicNetworkAccess'] }),
        detail: /^Not assessed: the public network access setting/,
      },
    ],
  },
  'azure.mysql.firewall-allows-all-azure': {
    pass: [
      {
        name: 'public, no all-Azure rule',
        resource: server({ properties: { ...open, firewallRules: [office] } }),
        detail: 'MySQL server nwv-mysql-phi has no firewall rule admitting all of Azure (0.0.0.0–0.0.0.0).',
      },
    ],
    fail: [
      {
        name: 'the portal rule',
        resource: server({ properties: { ...open, firewallRules: [allAzure] } }),
        detail:
          "MySQL server nwv-mysql-phi has firewall rule AllowAllAzureServicesAndResourcesWithinAzureIps_2021-3-4_10-12-44 (0.0.0.0–0.0.0.0), which admits connections from every Azure tenant's resources. It is classified as PHI (tag data-classification=phi).",
      },
    ],
    notApplicable: [
      {
        name: 'firewall rules not read',
        resource: server({ properties: open, missing: ['firewallRules'] }),
        detail: /^Not assessed: the firewall rules of MySQL server nwv-mysql-phi/,
      },
    ],
  },
  'azure.mysql.geo-backup-region': {
    pass: [
      {
        name: 'eastus2 to centralus',
        context: approved,
        resource: server(),
        detail: 'MySQL server nwv-mysql-phi has geo-redundant backup to centralus, an approved region.',
      },
    ],
    fail: [
      {
        name: 'eastus to westus',
        context: approved,
        resource: server({ region: 'eastus' }),
        detail:
          'MySQL server nwv-mysql-phi has geo-redundant backup enabled: its backups are copied to westus, the pair of eastus, outside the approved regions (eastus, westus2, eastus2, centralus). It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'a region without a catalogued pair',
        context: approved,
        resource: server({ region: 'israelcentral' }),
        detail: 'the paired region of israelcentral is not in the catalog',
      },
    ],
    notApplicable: [
      {
        name: 'geo-redundant backup disabled',
        context: approved,
        resource: server({ properties: { geoRedundantBackup: 'Disabled' } }),
        detail: 'MySQL server nwv-mysql-phi keeps its backups in eastus2 (geo-redundant backup disabled).',
      },
      {
        name: 'no approved regions',
        resource: server(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'not reported',
        context: approved,
        resource: server({ properties: { geoRedundantBackup: null } }),
        detail: 'reports no geo-redundant backup setting',
      },
      {
        name: 'server not read',
        context: approved,
        resource: server({ missing: ['geoRedundantBackup'] }),
        detail: /^Not assessed: the backup settings of MySQL server nwv-mysql-phi/,
      },
    ],
  },
  'azure.mysql.customer-managed-key': {
    pass: [
      {
        name: 'Key Vault key',
        resource: server(),
        detail:
          'MySQL server nwv-mysql-phi encrypts its storage with customer-managed key https://nwv-kv-phi.vault.azure.net/keys/mysql.',
      },
    ],
    fail: [
      {
        name: 'system-managed on a PHI server',
        resource: server({ properties: { dataEncryptionType: 'SystemManaged', primaryKeyUri: null } }),
        detail:
          'MySQL server nwv-mysql-phi encrypts its storage with a system-managed key, not a customer-managed key. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not reported',
        resource: server({ properties: { dataEncryptionType: null } }),
        detail: 'reports no data encryption type',
      },
      {
        name: 'server not read',
        resource: server({ missing: ['dataEncryptionType'] }),
        detail: /^Not assessed: the data encryption settings of MySQL server nwv-mysql-phi/,
      },
    ],
  },
};
