import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { DatabaseProperties, ServerProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const serverPath = (name: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.Sql/servers/${name}`;

export function compliantServerProperties(): ServerProperties {
  return {
    resourceGroup: 'rg-phi',
    fullyQualifiedDomainName: 'nwv-sql-phi.database.windows.net',
    minimalTlsVersion: '1.2',
    publicNetworkAccess: 'Disabled',
    firewallRules: [],
    entraOnlyAuthentication: true,
    auditing: {
      state: 'Enabled',
      retentionDays: 365,
      storageEndpoint: 'https://nwvaudit.blob.core.windows.net/',
      azureMonitorTarget: true,
    },
    encryptionProtector: {
      serverKeyType: 'AzureKeyVault',
      serverKeyName: 'nwv-kv-phi_tde_0123',
      uri: 'https://nwv-kv-phi.vault.azure.net/keys/tde/0123',
      autoRotationEnabled: true,
    },
    replicationLinks: [
      {
        databaseName: 'notes',
        partnerServer: 'nwv-sql-phi-dr',
        partnerDatabase: 'notes',
        partnerLocation: 'West US 2',
        role: 'Primary',
        linkType: 'GEO',
      },
    ],
  };
}

export function compliantDatabaseProperties(): DatabaseProperties {
  return {
    serverName: 'nwv-sql-phi',
    serverId: serverPath('nwv-sql-phi'),
    resourceGroup: 'rg-phi',
    status: 'Online',
    skuName: 'GP_Gen5_2',
    transparentDataEncryption: 'Enabled',
    backupStorageRedundancy: 'Geo',
    inheritedTagKeys: ['data-classification'],
  };
}

interface Options<P> {
  name?: string;
  phi?: boolean;
  region?: string;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
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

export function server(options: Options<ServerProperties> = {}): NormalizedResource {
  const name = options.name ?? 'nwv-sql-phi';
  return build('azure.sql.server', serverPath(name), name, compliantServerProperties(), options);
}

export function database(options: Options<DatabaseProperties> = {}): NormalizedResource {
  const name = options.name ?? 'notes';
  return build(
    'azure.sql.database',
    `${serverPath('nwv-sql-phi')}/databases/${name}`,
    name,
    compliantDatabaseProperties(),
    options,
  );
}

const open = { publicNetworkAccess: 'Enabled' };
const allAzure = { name: 'AllowAllWindowsAzureIps', startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' };
const everyone = { name: 'any', startIpAddress: '0.0.0.0', endIpAddress: '255.255.255.255' };
/** The demo engagement's Azure regions (FIXTURE_APPROVED_REGIONS has no eastus2 or westus2). */
const approved = { approvedRegions: ['eastus', 'westus2', 'eastus2', 'centralus'] };
const office = { name: 'office', startIpAddress: '203.0.113.10', endIpAddress: '203.0.113.10' };

export const sqlFixtures: ServiceFixtures = {
  'azure.sql.min-tls': {
    pass: [
      { name: 'TLS 1.2', resource: server(), detail: 'SQL server nwv-sql-phi requires TLS 1.2 or later.' },
      {
        name: 'TLS 1.3',
        resource: server({ properties: { minimalTlsVersion: '1.3' } }),
        detail: 'requires TLS 1.3 or later.',
      },
    ],
    fail: [
      {
        name: 'None',
        resource: server({ properties: { minimalTlsVersion: 'None' } }),
        detail:
          'SQL server nwv-sql-phi has minimal TLS version None: it sets no minimum, so the server itself does not refuse TLS 1.0 and 1.1. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: '1.1',
        resource: server({ properties: { minimalTlsVersion: '1.1' } }),
        detail: 'has minimal TLS version 1.1, below 1.2.',
      },
      {
        name: 'not reported (a server that never set one)',
        resource: server({ phi: false, properties: { minimalTlsVersion: null } }),
        detail:
          'SQL server nwv-sql-phi reports no minimal TLS version: it sets no minimum, so the server itself does not refuse TLS 1.0 and 1.1.',
      },
    ],
    notApplicable: [
      {
        name: 'server not read',
        resource: server({ missing: ['minimalTlsVersion'] }),
        detail: /^Not assessed: the minimal TLS version of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.firewall-open-to-internet': {
    pass: [
      {
        name: 'public access disabled (rules moot)',
        resource: server({ properties: { firewallRules: [everyone] } }),
        detail: 'SQL server nwv-sql-phi has public network access disabled: its firewall rules admit no one.',
      },
      {
        name: 'secured by perimeter',
        resource: server({
          properties: { publicNetworkAccess: 'SecuredByPerimeter', firewallRules: [everyone] },
        }),
        detail: 'is secured by a network security perimeter',
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
        resource: server({ properties: { ...open, firewallRules: [office, everyone] } }),
        detail:
          'SQL server nwv-sql-phi accepts connections from the internet: firewall rule any allows 0.0.0.0–255.255.255.255 (4,294,967,296 addresses), and public network access is Enabled. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'a range wider than a /8, public access not reported',
        resource: server({
          phi: false,
          properties: {
            publicNetworkAccess: null,
            firewallRules: [{ name: 'wide', startIpAddress: '1.0.0.0', endIpAddress: '126.255.255.255' }],
          },
        }),
        detail:
          'firewall rule wide allows 1.0.0.0–126.255.255.255 (2,113,929,216 addresses), and public network access is not reported as disabled.',
      },
    ],
    notApplicable: [
      {
        name: 'firewall rules not read',
        resource: server({ properties: open, missing: ['firewallRules'] }),
        detail: /^Not assessed: the firewall rules of SQL server nwv-sql-phi/,
      },
      {
        name: 'server not read',
        resource: server({ missing: ['publicNetworkAccess'] }),
        detail: /^Not assessed: the public network access setting/,
      },
    ],
  },
  'azure.sql.firewall-allows-all-azure': {
    pass: [
      {
        name: 'public, no all-Azure rule',
        resource: server({ properties: { ...open, firewallRules: [office] } }),
        detail: 'SQL server nwv-sql-phi has no firewall rule admitting all of Azure (0.0.0.0–0.0.0.0).',
      },
      {
        name: 'public access disabled',
        resource: server({ properties: { firewallRules: [allAzure] } }),
        detail: 'has public network access disabled',
      },
    ],
    fail: [
      {
        name: 'AllowAllWindowsAzureIps',
        resource: server({ properties: { ...open, firewallRules: [allAzure] } }),
        detail:
          "SQL server nwv-sql-phi has firewall rule AllowAllWindowsAzureIps (0.0.0.0–0.0.0.0), which admits connections from every Azure tenant's resources. It is classified as PHI (tag data-classification=phi).",
      },
    ],
    notApplicable: [
      {
        name: 'firewall rules not read',
        resource: server({ properties: open, missing: ['firewallRules'] }),
        detail: /^Not assessed: the firewall rules of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.entra-only-auth': {
    pass: [
      {
        name: 'on',
        resource: server(),
        detail: 'SQL server nwv-sql-phi accepts Microsoft Entra authentication only.',
      },
    ],
    fail: [
      {
        name: 'off',
        resource: server({ properties: { entraOnlyAuthentication: false } }),
        detail:
          'SQL server nwv-sql-phi has Microsoft Entra-only authentication off: it accepts SQL logins with passwords. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not read',
        resource: server({ missing: ['entraOnlyAuthentication'] }),
        detail: /^Not assessed: the Entra-only authentication setting of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.auditing': {
    pass: [
      {
        name: 'storage 365 days and Azure Monitor',
        resource: server(),
        detail:
          'SQL server nwv-sql-phi audits database activity to a storage account and Azure Monitor, kept 365 days in storage.',
      },
      {
        name: 'storage, unlimited (0)',
        resource: server({
          properties: {
            auditing: {
              state: 'Enabled',
              retentionDays: 0,
              storageEndpoint: 'https://a.blob.core.windows.net/',
              azureMonitorTarget: false,
            },
          },
        }),
        detail: 'to a storage account, kept without a time limit in storage.',
      },
      {
        name: 'Azure Monitor only (retention set there)',
        resource: server({
          properties: {
            auditing: { state: 'Enabled', retentionDays: 0, storageEndpoint: null, azureMonitorTarget: true },
          },
        }),
        detail: 'to Azure Monitor (retention is set on the Azure Monitor destination).',
      },
    ],
    fail: [
      {
        name: 'disabled',
        resource: server({
          properties: {
            auditing: {
              state: 'Disabled',
              retentionDays: 0,
              storageEndpoint: null,
              azureMonitorTarget: false,
            },
          },
        }),
        detail:
          'SQL server nwv-sql-phi has server auditing disabled: database activity is not recorded. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: '30 days in storage',
        resource: server({
          properties: {
            auditing: {
              state: 'Enabled',
              retentionDays: 30,
              storageEndpoint: 'https://a.blob.core.windows.net/',
              azureMonitorTarget: false,
            },
          },
        }),
        detail: 'keeps audit records in its storage account for 30 days, below the 90 days required.',
      },
      {
        name: 'enabled without destination',
        resource: server({
          properties: {
            auditing: {
              state: 'Enabled',
              retentionDays: 0,
              storageEndpoint: null,
              azureMonitorTarget: false,
            },
          },
        }),
        detail: 'has auditing enabled but no destination',
      },
    ],
    notApplicable: [
      {
        name: 'not read',
        resource: server({ missing: ['auditing'] }),
        detail: /^Not assessed: the auditing settings of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.tde': {
    pass: [
      {
        name: 'enabled',
        resource: database(),
        detail: 'SQL database notes on server nwv-sql-phi has transparent data encryption enabled.',
      },
    ],
    fail: [
      {
        name: 'disabled',
        resource: database({ properties: { transparentDataEncryption: 'Disabled' } }),
        detail:
          'SQL database notes on server nwv-sql-phi has transparent data encryption disabled: its data files and backups are not encrypted at rest. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not read',
        resource: database({ missing: ['transparentDataEncryption'] }),
        detail:
          /^Not assessed: the transparent data encryption state of SQL database notes on server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.tde-customer-managed-key': {
    pass: [
      {
        name: 'Key Vault key',
        resource: server(),
        detail:
          'SQL server nwv-sql-phi protects TDE with customer-managed key https://nwv-kv-phi.vault.azure.net/keys/tde/0123.',
      },
    ],
    fail: [
      {
        name: 'service-managed on a PHI server',
        resource: server({
          properties: {
            encryptionProtector: {
              serverKeyType: 'ServiceManaged',
              serverKeyName: 'ServiceManaged',
              uri: null,
              autoRotationEnabled: null,
            },
          },
        }),
        detail:
          'SQL server nwv-sql-phi protects TDE with a service-managed key, not a customer-managed key. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'not read',
        resource: server({ missing: ['encryptionProtector'] }),
        detail: /^Not assessed: the TDE protector of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.geo-replica-region': {
    pass: [
      {
        name: 'partner in an approved region (display name)',
        context: approved,
        resource: server(),
        detail: 'SQL server nwv-sql-phi replicates only to approved regions: nwv-sql-phi-dr (West US 2).',
      },
    ],
    fail: [
      {
        name: 'partner in West Europe',
        context: approved,
        resource: server({
          properties: {
            replicationLinks: [
              {
                databaseName: 'notes',
                partnerServer: 'nwv-sql-weu',
                partnerDatabase: 'notes',
                partnerLocation: 'West Europe',
                role: 'Primary',
                linkType: 'GEO',
              },
            ],
          },
        }),
        detail:
          'SQL server nwv-sql-phi geo-replicates database notes to server nwv-sql-weu in West Europe, outside the approved regions (eastus, westus2, eastus2, centralus). It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'partner region not reported',
        context: approved,
        resource: server({
          properties: {
            replicationLinks: [
              {
                databaseName: 'notes',
                partnerServer: 'nwv-sql-x',
                partnerDatabase: null,
                partnerLocation: null,
                role: null,
                linkType: null,
              },
            ],
          },
        }),
        detail: 'to server nwv-sql-x in a region ARM did not report, outside the approved regions',
      },
    ],
    notApplicable: [
      {
        name: 'no links',
        context: approved,
        resource: server({ properties: { replicationLinks: [] } }),
        detail: 'SQL server nwv-sql-phi has no geo-replication links; its databases stay in eastus2.',
      },
      {
        name: 'no approved regions',
        resource: server(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'links not read',
        context: approved,
        resource: server({ missing: ['replicationLinks'] }),
        detail: /^Not assessed: the replication links of SQL server nwv-sql-phi/,
      },
    ],
  },
  'azure.sql.geo-backup-region': {
    pass: [
      {
        name: 'Geo from eastus2 to centralus',
        context: approved,
        resource: database(),
        detail:
          'SQL database notes on server nwv-sql-phi has Geo backup redundancy to centralus, an approved region.',
      },
    ],
    fail: [
      {
        name: 'Geo from eastus to westus',
        context: approved,
        resource: database({ region: 'eastus' }),
        detail:
          'SQL database notes on server nwv-sql-phi has Geo backup redundancy: its backups are copied to westus, the pair of eastus, outside the approved regions (eastus, westus2, eastus2, centralus). It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'GeoZone from a region without a catalogued pair',
        context: approved,
        resource: database({ region: 'israelcentral', properties: { backupStorageRedundancy: 'GeoZone' } }),
        detail: 'has GeoZone backup redundancy, and the paired region of israelcentral is not in the catalog',
      },
    ],
    notApplicable: [
      {
        name: 'zone-redundant backups',
        context: approved,
        resource: database({ properties: { backupStorageRedundancy: 'Zone' } }),
        detail: 'SQL database notes on server nwv-sql-phi keeps its backups in eastus2 (Zone redundancy).',
      },
      {
        name: 'redundancy not reported',
        context: approved,
        resource: database({ properties: { backupStorageRedundancy: null } }),
        detail: 'reports no backup storage redundancy',
      },
      {
        name: 'not read',
        context: approved,
        resource: database({ missing: ['backupStorageRedundancy'] }),
        detail: /^Not assessed: the backup storage redundancy of SQL database notes/,
      },
    ],
  },
};
