import { describe, expect, it } from 'vitest';
import { normalizeStorageAccount, resourceGroupOf } from './normalize';

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
});
