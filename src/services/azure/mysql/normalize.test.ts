import { describe, expect, it } from 'vitest';
import {
  configurationValue,
  tlsVersionsOf,
  isAllowAllAzureRule,
  isInternetWideRule,
  normalizeFirewallRule,
  normalizeServer,
} from './normalize';

const id =
  '/subscriptions/s/resourceGroups/RG-Orders/providers/Microsoft.DBforMySQL/flexibleServers/nwv-mysql-a';

describe('normalizeServer', () => {
  it('reads network, backup and encryption, and keeps the location as a location name', () => {
    expect(
      normalizeServer({
        id,
        name: 'nwv-mysql-a',
        location: 'East US 2',
        tags: { phi: 'true' },
        properties: {
          version: '8.0.21',
          state: 'Ready',
          network: { publicNetworkAccess: 'Enabled' },
          backup: { backupRetentionDays: 7, geoRedundantBackup: 'Enabled' },
          dataEncryption: { type: 'AzureKeyVault', primaryKeyURI: 'https://kv.vault.azure.net/keys/mysql' },
        },
      }),
    ).toEqual({
      id,
      name: 'nwv-mysql-a',
      location: 'eastus2',
      tags: { phi: 'true' },
      properties: {
        resourceGroup: 'RG-Orders',
        version: '8.0.21',
        state: 'Ready',
        publicNetworkAccess: 'Enabled',
        delegatedSubnet: null,
        geoRedundantBackup: 'Enabled',
        backupRetentionDays: 7,
        dataEncryptionType: 'AzureKeyVault',
        primaryKeyUri: 'https://kv.vault.azure.net/keys/mysql',
      },
    });
  });

  it('keeps settings ARM did not report as null, and refuses an entry without id, name or location', () => {
    expect(
      normalizeServer({ id, name: 'nwv-mysql-a', location: 'eastus', properties: null })?.properties,
    ).toEqual({
      resourceGroup: 'RG-Orders',
      publicNetworkAccess: null,
      delegatedSubnet: null,
      geoRedundantBackup: null,
      dataEncryptionType: null,
      primaryKeyUri: null,
    });
    expect(normalizeServer({ id, name: 'nwv-mysql-a' })).toBeNull();
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

  it('splits tls_version into its versions', () => {
    expect(tlsVersionsOf('TLSv1,TLSv1.1,TLSv1.2')).toEqual(['TLSv1', 'TLSv1.1', 'TLSv1.2']);
    expect(tlsVersionsOf(' TLSv1.2 , TLSv1.3 ')).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(tlsVersionsOf('')).toEqual([]);
  });
});
