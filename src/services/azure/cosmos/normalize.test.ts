import { describe, expect, it } from 'vitest';
import { acceptsAllNetworks, isAllAzureIpRule, isInternetWideIpRule, normalizeAccount } from './normalize';

const id =
  '/subscriptions/s/resourceGroups/RG-Wear/providers/Microsoft.DocumentDB/databaseAccounts/nwv-cosmos-a';

describe('normalizeAccount', () => {
  it('reads network, TLS, keys, replicas and backup as ARM reports them', () => {
    expect(
      normalizeAccount({
        id,
        name: 'nwv-cosmos-a',
        location: 'East US 2',
        kind: 'GlobalDocumentDB',
        tags: { phi: 'true' },
        properties: {
          publicNetworkAccess: 'Enabled',
          isVirtualNetworkFilterEnabled: true,
          ipRules: [{ ipAddressOrRange: '0.0.0.0' }, { ipAddressOrRange: ' 203.0.113.0/24 ' }, {}],
          virtualNetworkRules: [{ id: 'subnet-a' }],
          minimalTlsVersion: 'Tls11',
          disableLocalAuth: true,
          keyVaultKeyUri: 'https://kv.vault.azure.net/keys/cosmos',
          locations: [
            { locationName: 'North Europe', failoverPriority: 1 },
            { locationName: 'East US 2', failoverPriority: 0 },
          ],
          backupPolicy: { type: 'Periodic', periodicModeProperties: { backupStorageRedundancy: 'Geo' } },
        },
      }),
    ).toEqual({
      id,
      name: 'nwv-cosmos-a',
      location: 'eastus2',
      tags: { phi: 'true' },
      properties: {
        resourceGroup: 'RG-Wear',
        kind: 'GlobalDocumentDB',
        publicNetworkAccess: 'Enabled',
        virtualNetworkFilterEnabled: true,
        ipRules: ['0.0.0.0', '203.0.113.0/24'],
        virtualNetworkRuleCount: 1,
        minimalTlsVersion: 'Tls11',
        disableLocalAuth: true,
        keyVaultKeyUri: 'https://kv.vault.azure.net/keys/cosmos',
        locations: [
          { location: 'eastus2', failoverPriority: 0 },
          { location: 'northeurope', failoverPriority: 1 },
        ],
        backupPolicyType: 'Periodic',
        backupStorageRedundancy: 'Geo',
      },
    });
  });

  it('keeps settings ARM did not report as null (local auth as not disabled), and refuses an entry without a location', () => {
    expect(
      normalizeAccount({ id, name: 'nwv-cosmos-a', location: 'westus2', properties: null })?.properties,
    ).toEqual({
      resourceGroup: 'RG-Wear',
      publicNetworkAccess: null,
      virtualNetworkFilterEnabled: null,
      ipRules: [],
      virtualNetworkRuleCount: 0,
      minimalTlsVersion: null,
      disableLocalAuth: false,
      keyVaultKeyUri: null,
      locations: [],
      backupPolicyType: null,
      backupStorageRedundancy: null,
    });
    expect(normalizeAccount({ id, name: 'nwv-cosmos-a' })).toBeNull();
  });
});

describe('network helpers', () => {
  it('tells the Azure-datacenters rule and internet-wide ranges apart', () => {
    expect(isAllAzureIpRule('0.0.0.0')).toBe(true);
    expect(isAllAzureIpRule('104.42.195.92')).toBe(false);
    expect(isInternetWideIpRule('0.0.0.0/0')).toBe(true);
    expect(isInternetWideIpRule('10.0.0.0/8')).toBe(false);
    expect(isInternetWideIpRule('0.0.0.0')).toBe(false);
    expect(isInternetWideIpRule('bad/1')).toBe(false);
  });

  it('knows an account without IP rules or the virtual network filter accepts every network', () => {
    expect(acceptsAllNetworks({ ipRules: [], virtualNetworkFilterEnabled: false })).toBe(true);
    expect(acceptsAllNetworks({ ipRules: [], virtualNetworkFilterEnabled: null })).toBe(true);
    expect(acceptsAllNetworks({ ipRules: [], virtualNetworkFilterEnabled: true })).toBe(false);
    expect(acceptsAllNetworks({ ipRules: ['203.0.113.10'], virtualNetworkFilterEnabled: false })).toBe(false);
  });
});
