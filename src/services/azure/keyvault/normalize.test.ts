import { describe, expect, it } from 'vitest';
import {
  exposesRotationPolicy,
  normalizeKey,
  normalizeSecret,
  normalizeVault,
  vaultDiagnosticSettingsOf,
  unixTime,
  type NormalizedVault,
} from './normalize';

const vaultId = '/subscriptions/s/resourceGroups/RG-Legacy/providers/Microsoft.KeyVault/vaults/nwv-kv-old';
const keyId = `${vaultId}/keys/portal-db-tde`;

function phiVault(): NormalizedVault {
  const vault = normalizeVault({
    id: vaultId,
    name: 'nwv-kv-old',
    location: 'westus2',
    tags: { phi: 'true', env: 'prod' },
    properties: { sku: { family: 'A', name: 'standard' } },
  });
  if (!vault) throw new Error('fixture vault did not normalize');
  return vault;
}

describe('normalizeVault', () => {
  it("applies ARM's documented defaults when a vault omits its soft delete and purge settings", () => {
    // Vaults_ListBySubscription omits enablePurgeProtection until it is turned on, and old vaults
    // omit enableSoftDelete and softDeleteRetentionInDays.
    expect(phiVault()).toEqual({
      id: vaultId,
      name: 'nwv-kv-old',
      location: 'westus2',
      tags: { phi: 'true', env: 'prod' },
      properties: {
        resourceGroup: 'RG-Legacy',
        skuName: 'standard',
        enableSoftDelete: null,
        softDeleteRetentionInDays: 90,
        purgeProtection: false,
        // No networkAcls reported: no firewall.
        networkDefaultAction: null,
        networkRuleCount: 0,
      },
    });
  });

  it('reads the settings a current vault reports', () => {
    const vault = normalizeVault({
      id: vaultId,
      name: 'nwv-kv-old',
      location: 'westus2',
      tags: null,
      properties: {
        sku: { family: 'A', name: 'premium' },
        enableSoftDelete: true,
        softDeleteRetentionInDays: 30,
        enablePurgeProtection: true,
        enableRbacAuthorization: false,
        publicNetworkAccess: 'Disabled',
        networkAcls: {
          bypass: 'AzureServices',
          defaultAction: 'Deny',
          ipRules: [{ value: '20.42.128.0/24' }],
          virtualNetworkRules: [{ id: '/subscriptions/s/.../subnets/app' }],
        },
      },
    });
    expect(vault?.tags).toEqual({});
    expect(vault?.properties).toEqual({
      resourceGroup: 'RG-Legacy',
      skuName: 'premium',
      enableSoftDelete: true,
      softDeleteRetentionInDays: 30,
      purgeProtection: true,
      enableRbacAuthorization: false,
      publicNetworkAccess: 'Disabled',
      networkDefaultAction: 'Deny',
      networkRuleCount: 2,
    });
  });

  it('treats nulls like absent properties, and keeps an explicit false', () => {
    const vault = normalizeVault({
      id: vaultId,
      name: 'nwv-kv-old',
      location: 'westus2',
      properties: {
        enableSoftDelete: false,
        softDeleteRetentionInDays: null,
        enablePurgeProtection: null,
        sku: null,
      },
    });
    expect(vault?.properties).toMatchObject({
      skuName: 'unknown',
      enableSoftDelete: false,
      softDeleteRetentionInDays: 90,
      purgeProtection: false,
    });
  });

  it('skips an entry without id, name or location rather than inventing one', () => {
    expect(normalizeVault({ name: 'nwv-kv-old', location: 'eastus' })).toBeNull();
    expect(normalizeVault({ id: vaultId, name: 'nwv-kv-old', properties: null })).toBeNull();
  });
});

describe('normalizeKey', () => {
  // Keys_List: attributes and keyUri only (azure-rest-api-specs example listKeys.json).
  const listed = {
    id: keyId,
    name: 'portal-db-tde',
    type: 'Microsoft.KeyVault/vaults/keys',
    location: 'westus2',
    properties: {
      attributes: { enabled: true, created: 1531996200, updated: 1531996200, recoveryLevel: 'Purgeable' },
      keyUri: 'https://nwv-kv-old.vault.azure.net:443/keys/portal-db-tde',
    },
  };

  it('reads a key without expiry or rotation policy as ARM answers it', () => {
    const key = normalizeKey(
      {
        listed,
        detail: { ...listed, properties: { ...listed.properties, kty: 'RSA', keySize: 2048 } },
        apiVersion: '2023-07-01',
      },
      phiVault(),
    );
    expect(key).toEqual({
      id: keyId,
      name: 'portal-db-tde',
      location: 'westus2',
      tags: { phi: 'true', env: 'prod' },
      properties: {
        vaultName: 'nwv-kv-old',
        vaultId,
        resourceGroup: 'RG-Legacy',
        enabled: true,
        keyType: 'RSA',
        expiresOn: null,
        createdOn: '2018-07-19T10:30:00.000Z',
        rotationPolicy: null,
        inheritedTagKeys: ['phi', 'env'],
      },
    });
  });

  it('reads the expiry and the rotation policy, comparing nothing case-sensitively', () => {
    const key = normalizeKey(
      {
        listed,
        detail: {
          ...listed,
          tags: { phi: 'false', owner: 'db-team' },
          properties: {
            attributes: { enabled: false, exp: 1819792800, created: 1788256800 },
            kty: 'RSA-HSM',
            rotationPolicy: {
              attributes: { created: 1788256800, updated: 1788256800, expiryTime: 'P1Y' },
              lifetimeActions: [
                { trigger: { timeAfterCreate: 'P90D' }, action: { type: 'rotate' } },
                { trigger: { timeBeforeExpiry: 'P30D' }, action: { type: 'Notify' } },
                { trigger: { timeBeforeExpiry: 'P7D' }, action: null },
              ],
            },
          },
        },
        apiVersion: '2024-11-01',
      },
      phiVault(),
    );
    // The key's own tag wins over the vault's; only the tags it lacks are inherited.
    expect(key?.tags).toEqual({ phi: 'false', env: 'prod', owner: 'db-team' });
    expect(key?.properties).toMatchObject({
      enabled: false,
      keyType: 'RSA-HSM',
      expiresOn: '2027-09-01T10:00:00.000Z',
      rotationPolicy: {
        lifetimeActions: [
          { type: 'rotate', timeAfterCreate: 'P90D', timeBeforeExpiry: null },
          { type: 'Notify', timeAfterCreate: null, timeBeforeExpiry: 'P30D' },
        ],
        expiryTime: 'P1Y',
      },
      inheritedTagKeys: ['env'],
    });
  });

  it('leaves the rotation policy absent (not assessed) when Keys_Get failed', () => {
    const key = normalizeKey({ listed, apiVersion: '2023-07-01' }, phiVault());
    expect(key?.properties).not.toHaveProperty('rotationPolicy');
    expect(key?.properties).not.toHaveProperty('keyType');
    expect(key?.properties.expiresOn).toBeNull();
  });

  it("leaves it absent for an api-version whose key resource has no rotationPolicy (2021-10-01's shape)", () => {
    const key = normalizeKey({ listed, detail: listed, apiVersion: '2021-10-01' }, phiVault());
    expect(key?.properties).not.toHaveProperty('rotationPolicy');
    expect(exposesRotationPolicy('2021-10-01')).toBe(false);
    expect(exposesRotationPolicy('2022-07-01')).toBe(true);
    expect(exposesRotationPolicy('2026-03-01-preview')).toBe(true);
  });

  it('takes the expiry from the list entry when only the list was read', () => {
    const withExpiry = {
      ...listed,
      properties: { attributes: { ...listed.properties.attributes, exp: 1819792800 } },
    };
    expect(
      normalizeKey({ listed: withExpiry, apiVersion: '2023-07-01' }, phiVault())?.properties.expiresOn,
    ).toBe('2027-09-01T10:00:00.000Z');
  });

  it('treats a null or non-numeric exp as no expiry, and skips a key without id or name', () => {
    const odd = { ...listed, properties: { attributes: { exp: null, created: 'yesterday' } } };
    const key = normalizeKey({ listed: odd, apiVersion: '2023-07-01' }, phiVault());
    expect(key?.properties.expiresOn).toBeNull();
    expect(key?.properties).not.toHaveProperty('createdOn');
    expect(normalizeKey({ listed: { properties: null }, apiVersion: '2023-07-01' }, phiVault())).toBeNull();
    expect(unixTime(Number.NaN)).toBeUndefined();
  });
});

describe('normalizeSecret', () => {
  it('reads attributes only (Secrets_List never returns a value) and inherits the vault tags', () => {
    const secret = normalizeSecret(
      {
        id: `${vaultId}/secrets/portal-sql`,
        name: 'portal-sql',
        location: 'westus2',
        tags: { owner: 'portal' },
        properties: {
          attributes: { enabled: true, created: 1532000000, updated: 1532000000 },
          contentType: 'text/plain',
          secretUri: 'https://nwv-kv-old.vault.azure.net/secrets/portal-sql',
        },
      },
      phiVault(),
    );
    expect(secret).toEqual({
      id: `${vaultId}/secrets/portal-sql`,
      name: 'portal-sql',
      location: 'westus2',
      tags: { phi: 'true', env: 'prod', owner: 'portal' },
      properties: {
        vaultName: 'nwv-kv-old',
        vaultId,
        resourceGroup: 'RG-Legacy',
        enabled: true,
        expiresOn: null,
        createdOn: '2018-07-19T11:33:20.000Z',
        contentType: 'text/plain',
        inheritedTagKeys: ['phi', 'env'],
      },
    });
    expect(
      normalizeSecret(
        { id: `${vaultId}/secrets/x`, name: 'x', properties: { attributes: { exp: 1798761600 } } },
        phiVault(),
      )?.properties.expiresOn,
    ).toBe('2027-01-01T00:00:00.000Z');
    expect(normalizeSecret({ name: 'x' }, phiVault())).toBeNull();
  });
});

describe('vaultDiagnosticSettingsOf', () => {
  it('counts AuditEvent by category or by the audit / allLogs group, enabled only', () => {
    expect(
      vaultDiagnosticSettingsOf([
        { name: 'a', properties: { workspaceId: '/w', logs: [{ category: 'AuditEvent', enabled: true }] } },
        {
          name: 'b',
          properties: { storageAccountId: '/s', logs: [{ categoryGroup: 'audit', enabled: true }] },
        },
        { name: 'c', properties: { workspaceId: '/w', logs: [{ categoryGroup: 'allLogs', enabled: true }] } },
        { name: 'd', properties: { workspaceId: '/w', logs: [{ category: 'AuditEvent', enabled: false }] } },
        {
          name: 'e',
          properties: {
            eventHubAuthorizationRuleId: '/e',
            logs: [{ category: 'AzurePolicyEvaluationDetails', enabled: true }],
          },
        },
      ]).map((setting) => [setting.name, setting.auditEvent, setting.destinations]),
    ).toEqual([
      ['a', true, ['Log Analytics workspace']],
      ['b', true, ['storage account']],
      ['c', true, ['Log Analytics workspace']],
      ['d', false, ['Log Analytics workspace']],
      ['e', false, ['event hub']],
    ]);
  });
});
