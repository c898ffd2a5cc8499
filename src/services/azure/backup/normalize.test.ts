import { describe, expect, it } from 'vitest';
import { normalizeVault } from './normalize';
import { pairedRegion } from './regions';

const entry = {
  id: '/subscriptions/s/resourceGroups/RG/providers/Microsoft.RecoveryServices/vaults/v',
  name: 'v',
  location: 'eastus2',
  tags: { phi: 'true' },
};

describe('normalizeVault', () => {
  it('reads storageModelType and the Cross Region Restore flag from the storage config', () => {
    expect(
      normalizeVault(entry, {
        name: 'vaultstorageconfig',
        properties: {
          storageModelType: 'GeoRedundant',
          storageType: 'GeoRedundant',
          storageTypeState: 'Locked',
          crossRegionRestoreFlag: true,
        },
      })?.properties,
    ).toEqual({
      resourceGroup: 'RG',
      storageModel: 'GeoRedundant',
      storageTypeState: 'Locked',
      crossRegionRestore: true,
      secondaryLocation: 'centralus',
    });
  });

  it('falls back to storageType, and leaves storage settings absent when the config was not read', () => {
    expect(
      normalizeVault(entry, { properties: { storageType: 'LocallyRedundant' } })?.properties,
    ).toMatchObject({
      storageModel: 'LocallyRedundant',
      crossRegionRestore: false,
    });
    expect(normalizeVault(entry)?.properties).toEqual({
      resourceGroup: 'RG',
      secondaryLocation: 'centralus',
    });
  });
});

describe('pairedRegion', () => {
  it('knows the US pairs and admits the regions it does not know', () => {
    expect(pairedRegion('East US')).toBe('westus');
    expect(pairedRegion('westus2')).toBe('westcentralus');
    expect(pairedRegion('italynorth')).toBeNull();
  });
});
