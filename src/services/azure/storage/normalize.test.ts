import { describe, expect, it } from 'vitest';
import {
  blobDiagnosticSettingsOf,
  normalizeBlobService,
  normalizeStorageAccount,
  publicContainersOf,
  resourceGroupOf,
} from './normalize';

const id = '/subscriptions/s/resourceGroups/RG-Old/providers/Microsoft.Storage/storageAccounts/old';

describe('normalizeStorageAccount', () => {
  it("applies ARM's documented defaults when an old account omits a setting", () => {
    const account = normalizeStorageAccount({
      id,
      name: 'old',
      location: 'eastus',
      kind: 'Storage',
      sku: { name: 'Standard_GRS' },
      properties: { secondaryLocation: 'westus' },
    });
    expect(account?.properties).toEqual({
      resourceGroup: 'RG-Old',
      kind: 'Storage',
      skuName: 'Standard_GRS',
      httpsOnly: true,
      minimumTlsVersion: 'TLS1_0',
      allowBlobPublicAccess: false,
      primaryLocation: 'eastus',
      secondaryLocation: 'westus',
      geoReplicated: true,
      allowSharedKeyAccess: true,
    });
  });

  it('recognises every geo-redundant SKU', () => {
    for (const [sku, geo] of [
      ['Standard_GZRS', true],
      ['Standard_RAGZRS', true],
      ['Standard_RAGRS', true],
      ['Standard_ZRS', false],
      ['Premium_LRS', false],
    ] as const) {
      expect(
        normalizeStorageAccount({ id, name: 'a', location: 'eastus', sku: { name: sku } })?.properties
          .geoReplicated,
        sku,
      ).toBe(geo);
    }
  });

  it('skips an entry without id, name or location rather than inventing one', () => {
    expect(normalizeStorageAccount({ name: 'a', location: 'eastus' })).toBeNull();
  });

  it('reads the resource group from the resource id', () => {
    expect(resourceGroupOf(id)).toBe('RG-Old');
    expect(resourceGroupOf('/subscriptions/s')).toBe('');
  });

  it('reads network rules only when ARM reports networkAcls', () => {
    const props = (networkAcls: unknown) =>
      normalizeStorageAccount({ id, name: 'a', location: 'eastus', properties: { networkAcls } })?.properties;
    expect(props(undefined)).not.toHaveProperty('networkDefaultAction');
    expect(
      props({ defaultAction: 'Deny', ipRules: [{ value: '1.2.3.4' }], virtualNetworkRules: [{ id: 'x' }] }),
    ).toMatchObject({ networkDefaultAction: 'Deny', networkRuleCount: 2 });
    expect(
      normalizeStorageAccount({
        id,
        name: 'a',
        location: 'eastus',
        properties: { allowSharedKeyAccess: false },
      })?.properties.allowSharedKeyAccess,
    ).toBe(false);
  });
});

describe('normalizeBlobService', () => {
  it('reads retention days only while a policy is enabled, and versioning only when true', () => {
    expect(
      normalizeBlobService({
        properties: {
          deleteRetentionPolicy: { allowPermanentDelete: false, enabled: true, days: 7 },
          containerDeleteRetentionPolicy: { enabled: false, days: 7 },
          isVersioningEnabled: true,
        },
      }),
    ).toEqual({ blobSoftDeleteDays: 7, containerSoftDeleteDays: null, versioning: true });
    // A blob service that never set anything: the policies absent, isVersioningEnabled omitted.
    expect(normalizeBlobService({ properties: { cors: { corsRules: [] } } })).toEqual({
      blobSoftDeleteDays: null,
      containerSoftDeleteDays: null,
      versioning: false,
    });
  });
});

describe('publicContainersOf', () => {
  it('keeps containers with Blob or Container access, whatever the case', () => {
    expect(
      publicContainersOf([
        { name: 'a', properties: { publicAccess: 'None' } },
        { name: 'b', properties: { publicAccess: 'Blob' } },
        { name: 'c', properties: { publicAccess: 'container' } },
        { name: 'd', properties: {} },
      ]),
    ).toEqual([
      { name: 'b', publicAccess: 'Blob' },
      { name: 'c', publicAccess: 'container' },
    ]);
  });
});

describe('blobDiagnosticSettingsOf', () => {
  it('counts StorageRead by category or the allLogs group, enabled only', () => {
    expect(
      blobDiagnosticSettingsOf([
        {
          name: 'reads',
          properties: {
            workspaceId: '/w',
            logs: [{ category: 'StorageRead', categoryGroup: null, enabled: true }],
          },
        },
        {
          name: 'all',
          properties: {
            storageAccountId: '/s',
            logs: [{ category: null, categoryGroup: 'allLogs', enabled: true }],
          },
        },
        {
          name: 'off',
          properties: {
            eventHubAuthorizationRuleId: '/e',
            logs: [{ category: 'StorageRead', enabled: false }],
          },
        },
        {
          name: 'audit',
          properties: { workspaceId: '/w', logs: [{ categoryGroup: 'audit', enabled: true }] },
        },
      ]),
    ).toEqual([
      { name: 'reads', storageRead: true, destinations: ['Log Analytics workspace'] },
      { name: 'all', storageRead: true, destinations: ['storage account'] },
      { name: 'off', storageRead: false, destinations: ['event hub'] },
      { name: 'audit', storageRead: false, destinations: ['Log Analytics workspace'] },
    ]);
  });
});
