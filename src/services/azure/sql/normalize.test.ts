import { describe, expect, it } from 'vitest';
import {
  ipv4,
  isAllowAllAzureRule,
  isInternetWideRule,
  isSystemDatabase,
  normalizeAuditing,
  normalizeDatabase,
  normalizeEncryptionProtector,
  normalizeEntraOnly,
  normalizeFirewallRule,
  normalizeReplicationLink,
  normalizeServer,
} from './normalize';

const serverId = '/subscriptions/s/resourceGroups/RG-Legacy/providers/Microsoft.Sql/servers/nwv-sql-old';

function oldServer() {
  const server = normalizeServer({
    id: serverId,
    name: 'nwv-sql-old',
    location: 'eastus',
    tags: { phi: 'true', env: 'prod' },
    properties: {
      version: '12.0',
      state: 'Ready',
      fullyQualifiedDomainName: 'nwv-sql-old.database.windows.net',
    },
  });
  if (!server) throw new Error('fixture server did not normalize');
  return server;
}

describe('normalizeServer', () => {
  it('keeps an omitted minimal TLS version and public network access as null, never a default', () => {
    expect(oldServer()).toEqual({
      id: serverId,
      name: 'nwv-sql-old',
      location: 'eastus',
      tags: { phi: 'true', env: 'prod' },
      properties: {
        resourceGroup: 'RG-Legacy',
        fullyQualifiedDomainName: 'nwv-sql-old.database.windows.net',
        minimalTlsVersion: null,
        publicNetworkAccess: null,
      },
    });
  });

  it('reads the settings a current server reports, and refuses an entry without id, name or location', () => {
    expect(
      normalizeServer({
        id: serverId,
        name: 'nwv-sql-old',
        location: 'eastus',
        properties: { minimalTlsVersion: 'None', publicNetworkAccess: 'Enabled' },
      })?.properties,
    ).toEqual({ resourceGroup: 'RG-Legacy', minimalTlsVersion: 'None', publicNetworkAccess: 'Enabled' });
    expect(normalizeServer({ id: serverId, name: 'nwv-sql-old' })).toBeNull();
  });
});

describe('firewall rules', () => {
  const rule = (start: string, end: string) =>
    normalizeFirewallRule({ name: 'r', properties: { startIpAddress: start, endIpAddress: end } })!;

  it('tells the Azure-services rule, the internet and a narrow range apart', () => {
    expect(isAllowAllAzureRule(rule('0.0.0.0', '0.0.0.0'))).toBe(true);
    expect(isInternetWideRule(rule('0.0.0.0', '0.0.0.0'))).toBe(false);
    expect(isInternetWideRule(rule('0.0.0.0', '255.255.255.255'))).toBe(true);
    expect(isInternetWideRule(rule('10.0.0.0', '10.255.255.255'))).toBe(false); // exactly a /8
    expect(isInternetWideRule(rule('10.0.0.0', '11.0.0.0'))).toBe(true);
    expect(isInternetWideRule(rule('203.0.113.10', '203.0.113.10'))).toBe(false);
  });

  it('reads nothing into a malformed or reversed range', () => {
    expect(ipv4('256.1.1.1')).toBeUndefined();
    expect(ipv4('1.2.3')).toBeUndefined();
    expect(isInternetWideRule(rule('255.255.255.255', '0.0.0.0'))).toBe(false);
    expect(normalizeFirewallRule({ name: 'r', properties: { startIpAddress: '1.1.1.1' } })).toBeNull();
  });
});

describe('server settings', () => {
  it('reads Entra-only authentication from the Default entry; no entry means off', () => {
    expect(normalizeEntraOnly([{ name: 'Default', properties: { azureADOnlyAuthentication: true } }])).toBe(
      true,
    );
    expect(normalizeEntraOnly([{ name: 'Default', properties: { azureADOnlyAuthentication: false } }])).toBe(
      false,
    );
    expect(normalizeEntraOnly([])).toBe(false);
  });

  it('reads a disabled auditing policy as ARM answers it (empty endpoint, retention 0)', () => {
    expect(
      normalizeAuditing({
        properties: {
          state: 'Disabled',
          retentionDays: 0,
          storageEndpoint: '',
          isAzureMonitorTargetEnabled: false,
          storageAccountSubscriptionId: '00000000-0000-0000-0000-000000000000',
        },
      }),
    ).toEqual({ state: 'Disabled', retentionDays: 0, storageEndpoint: null, azureMonitorTarget: false });
    expect(normalizeAuditing({ properties: {} })).toBeUndefined();
  });

  it('reads the TDE protector type and key', () => {
    expect(
      normalizeEncryptionProtector({
        properties: {
          serverKeyType: 'AzureKeyVault',
          serverKeyName: 'kv_tde_01',
          uri: 'https://kv.vault.azure.net/keys/tde/01',
          autoRotationEnabled: true,
        },
      }),
    ).toEqual({
      serverKeyType: 'AzureKeyVault',
      serverKeyName: 'kv_tde_01',
      uri: 'https://kv.vault.azure.net/keys/tde/01',
      autoRotationEnabled: true,
    });
    expect(normalizeEncryptionProtector({ properties: { serverKeyName: 'ServiceManaged' } })).toBeUndefined();
  });

  it('takes the database of a replication link from its id and keeps the display-name location', () => {
    expect(
      normalizeReplicationLink({
        id: `${serverId}/databases/tetha-db/replicationLinks/fb92de60-eb87-4a58-b250-3362d0cfdf26`,
        name: 'fb92de60-eb87-4a58-b250-3362d0cfdf26',
        properties: {
          partnerServer: 'testsvr',
          partnerDatabase: 'tetha-db',
          partnerLocation: 'Japan East',
          role: 'Primary',
          partnerRole: 'Secondary',
          linkType: 'GEO',
        },
      }),
    ).toEqual({
      databaseName: 'tetha-db',
      partnerServer: 'testsvr',
      partnerDatabase: 'tetha-db',
      partnerLocation: 'Japan East',
      role: 'Primary',
      linkType: 'GEO',
    });
    expect(normalizeReplicationLink({ id: serverId, properties: { partnerServer: 'x' } })).toBeNull();
  });
});

describe('normalizeDatabase', () => {
  it('inherits the server tags (own tags win), and leaves TDE absent when it was not read', () => {
    const database = normalizeDatabase(
      {
        database: {
          id: `${serverId}/databases/portal`,
          name: 'portal',
          location: 'eastus',
          tags: { env: 'archive' },
          sku: { name: 'GP_Gen5_2' },
          properties: { status: 'Online', requestedBackupStorageRedundancy: 'Geo' },
        },
      },
      oldServer(),
    );
    expect(database).toEqual({
      id: `${serverId}/databases/portal`,
      name: 'portal',
      location: 'eastus',
      tags: { phi: 'true', env: 'archive' },
      properties: {
        serverName: 'nwv-sql-old',
        serverId,
        resourceGroup: 'RG-Legacy',
        status: 'Online',
        skuName: 'GP_Gen5_2',
        backupStorageRedundancy: 'Geo',
        inheritedTagKeys: ['phi'],
      },
    });
  });

  it('reads the TDE state and prefers the current backup redundancy', () => {
    const database = normalizeDatabase(
      {
        database: {
          id: `${serverId}/databases/portal`,
          name: 'portal',
          properties: { currentBackupStorageRedundancy: 'Zone', requestedBackupStorageRedundancy: 'Geo' },
        },
        tde: { properties: { state: 'Disabled' } },
      },
      oldServer(),
    );
    expect(database?.properties).toMatchObject({
      transparentDataEncryption: 'Disabled',
      backupStorageRedundancy: 'Zone',
    });
    expect(database?.location).toBe('eastus');
  });

  it('knows master for a system database, whatever its case', () => {
    expect(isSystemDatabase('master')).toBe(true);
    expect(isSystemDatabase('MASTER')).toBe(true);
    expect(isSystemDatabase('masterdata')).toBe(false);
  });
});
