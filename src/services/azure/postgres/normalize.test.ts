import { describe, expect, it } from 'vitest';
import {
  configurationValue,
  isAllowAllAzureRule,
  isInternetWideRule,
  normalizeFirewallRule,
  normalizeServer,
} from './normalize';

const id =
  '/subscriptions/s/resourceGroups/RG-Orders/providers/Microsoft.DBforPostgreSQL/flexibleServers/nwv-pg-a';

describe('normalizeServer', () => {
  it('reads network, backup and encryption, and keeps the location as a location name', () => {
    expect(
      normalizeServer({
        id,
        name: 'nwv-pg-a',
        location: 'East US 2',
        tags: { phi: 'true' },
        properties: {
          version: '16',
          state: 'Ready',
          network: { publicNetworkAccess: 'Enabled' },
          backup: { backupRetentionDays: 7, geoRedundantBackup: 'Enabled' },
          dataEncryption: { type: 'AzureKeyVault', primaryKeyURI: 'https://kv.vault.azure.net/keys/pg' },
        },
      }),
    ).toEqual({
      id,
      name: 'nwv-pg-a',
      location: 'eastus2',
      tags: { phi: 'true' },
      properties: {
        resourceGroup: 'RG-Orders',
        version: '16',
        state: 'Ready',
        publicNetworkAccess: 'Enabled',
        delegatedSubnet: null,
        geoRedundantBackup: 'Enabled',
        backupRetentionDays: 7,
        dataEncryptionType: 'AzureKeyVault',
        primaryKeyUri: 'https://kv.vault.azure.net/keys/pg',
      },
    });
  });

  it('keeps settings ARM did not report as null, and refuses an entry without id, name or location', () => {
    expect(
      normalizeServer({ id, name: 'nwv-pg-a', location: 'eastus', properties: null })?.properties,
    ).toEqual({
      resourceGroup: 'RG-Orders',
      publicNetworkAccess: null,
      delegatedSubnet: null,
      geoRedundantBackup: null,
      dataEncryptionType: null,
      primaryKeyUri: null,
    });
    expect(normalizeServer({ id, name: 'nwv-pg-a' })).toBeNull();
  });
});

describe('firewall rules and parameters', () => {
  const rule = (start: string, end: string) =>
    normalizeFirewallRule({ name: 'r', properties: { startIpAddress: start, endIpAddress: end } })!;

  it('tells the Azure-services rule, the internet and a narrow range apart', () => {
    expect(isAllowAllAzureRule(rule('0.0.0.0', '0.0.0.0'))).toBe(true);
    expect(isInternetWideRule(rule('0.0.0.0', '0.0.0.0'))).toBe(false);
    expect(isInternetWideRule(rule('0.0.0.0', '255.255.255.255'))).toBe(true);
    expect(isInternetWideRule(rule('203.0.113.0', '203.0.113.31'))).toBe(false);
    expect(isInternetWideRule(rule('not-an-ip', '255.255.255.255'))).toBe(false);
  });

  it('reads a parameter value, and nothing from an answer without one', () => {
    expect(configurationValue({ properties: { value: 'off', defaultValue: 'on' } })).toBe('off');
    expect(configurationValue({ properties: { defaultValue: 'on' } })).toBeUndefined();
  });
});
