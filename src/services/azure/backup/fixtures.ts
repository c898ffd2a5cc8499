import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { VaultProperties } from './resource';

const subscription = '00000000-0000-0000-0000-000000000001';

interface Options {
  name?: string;
  region?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof VaultProperties, unknown>>;
  missing?: (keyof VaultProperties)[];
}

export function vault(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'nwv-rsv-phi';
  const phi = options.phi ?? true;
  const base: VaultProperties = {
    resourceGroup: 'rg-phi',
    storageModel: 'GeoRedundant',
    storageTypeState: 'Locked',
    crossRegionRestore: true,
    secondaryLocation: 'westus',
  };
  const properties: Record<string, unknown> = { ...base, ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'azure',
    type: 'azure.backup.vault',
    nativeId: `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.RecoveryServices/vaults/${name}`,
    name,
    scopeId: subscription,
    region: options.region ?? 'eastus',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [4],
  };
}

export const backupFixtures: ServiceFixtures = {
  'azure.backup.geo-replica-region': {
    pass: [
      {
        name: 'paired region approved (fixture engagement approves westus)',
        resource: vault(),
        detail:
          'Recovery Services vault nwv-rsv-phi (GeoRedundant, eastus) replicates backups to westus, an approved region.',
      },
    ],
    fail: [
      {
        name: 'paired region not approved',
        resource: vault({ region: 'eastus2', properties: { secondaryLocation: 'centralus' } }),
        detail:
          'Recovery Services vault nwv-rsv-phi (GeoRedundant, eastus2) replicates backups to its paired region centralus, outside the approved regions (us-east-1, us-east-2, eastus, westus). It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'locally redundant',
        resource: vault({ properties: { storageModel: 'LocallyRedundant' } }),
        detail: 'Recovery Services vault nwv-rsv-phi keeps backups in eastus only (LocallyRedundant).',
      },
      {
        name: 'no approved regions',
        resource: vault(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'a region without a known pair',
        resource: vault({ region: 'italynorth', properties: { secondaryLocation: null } }),
        detail: /^Not assessed: the paired region of italynorth of Recovery Services vault nwv-rsv-phi/,
      },
      {
        name: 'storage config not read',
        resource: vault({ missing: ['storageModel'] }),
        detail: /^Not assessed: the backup storage redundancy of Recovery Services vault nwv-rsv-phi/,
      },
    ],
  },
  'azure.backup.cross-region-restore': {
    pass: [
      {
        name: 'geo-redundant with Cross Region Restore',
        resource: vault(),
        detail:
          'Recovery Services vault nwv-rsv-phi replicates backups to westus with Cross Region Restore on.',
      },
    ],
    fail: [
      {
        name: 'geo-redundant, Cross Region Restore off',
        resource: vault({ properties: { crossRegionRestore: false } }),
        detail:
          'Recovery Services vault nwv-rsv-phi replicates backups to westus but Cross Region Restore is off: they can be restored there only after Microsoft declares an outage of eastus. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'locally redundant',
        resource: vault({
          phi: false,
          properties: { storageModel: 'LocallyRedundant', crossRegionRestore: false },
        }),
        detail:
          'Recovery Services vault nwv-rsv-phi keeps backups in eastus only (LocallyRedundant): a regional outage leaves no copy to restore from.',
      },
    ],
    notApplicable: [
      {
        name: 'storage config not read',
        resource: vault({ missing: ['storageModel', 'crossRegionRestore'] }),
        detail: /^Not assessed: the backup storage settings of Recovery Services vault nwv-rsv-phi/,
      },
    ],
  },
};
