import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { backup } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const vault = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.RecoveryServices/vaults/${name}`;

describe('the Azure Backup collector on the demo organisation', () => {
  it('judges each demo vault as the demo intends', async () => {
    const scenario = serviceScenario(backup);
    const run = await collectService(backup, scenario);
    const results = judge(backup, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.backup.${rule}|${id}`)?.status;
    const telehealth = vault('rg-nwv-phi-prod', 'nwv-rsv-telehealth');
    const rx = vault('rg-nwv-pharmacy', 'nwv-rsv-rx-history');
    const ops = vault('rg-nwv-ops', 'nwv-rsv-ops');
    const table: [string, string, string][] = [
      ['geo-replica-region', telehealth, 'fail'],
      ['geo-replica-region', rx, 'pass'],
      ['geo-replica-region', ops, 'not_applicable'],
      ['cross-region-restore', telehealth, 'fail'],
      ['cross-region-restore', rx, 'pass'],
      ['cross-region-restore', ops, 'fail'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.backup.geo-replica-region|${telehealth}`)?.detail).toBe(
      'Recovery Services vault nwv-rsv-telehealth (GeoRedundant, eastus) replicates backups to its paired region westus, outside the approved regions (us-east-1, us-west-2, eastus, westus2, eastus2, centralus). It is classified as PHI (tag data-classification=phi).',
    );
  });

  it('reads Cross Region Restore as off when the storage config omits the flag, with the evidence of both reads', async () => {
    const run = await collectService(backup, serviceScenario(backup));
    const telehealth = run.resources.find((each) => each.name === 'nwv-rsv-telehealth');
    expect(telehealth?.properties).toEqual({
      resourceGroup: 'rg-nwv-phi-prod',
      storageModel: 'GeoRedundant',
      storageTypeState: 'Locked',
      crossRegionRestore: false,
      secondaryLocation: 'westus',
    });
    const operations = telehealth!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['Vaults_ListBySubscriptionId', 'BackupResourceStorageConfigsNonCRR_Get']);
  });

  it('keeps a vault whose storage config is denied and names it in the gap', async () => {
    const scenario = serviceScenario(backup, [
      {
        provider: 'azure',
        service: 'backup',
        operation: 'BackupResourceStorageConfigsNonCRR_Get',
        kind: 'access_denied',
      },
    ]);
    const run = await collectService(backup, scenario);
    expect(run.resources).toHaveLength(3);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringContaining(
        'BackupResourceStorageConfigsNonCRR_Get for vault nwv-rsv-telehealth failed (HTTP 403)',
      ),
    );
    for (const [, result] of judge(backup, scenario, run.resources))
      expect(result.detail).toMatch(/^Not assessed: the backup storage/);
  });

  it('follows nextLink on the vault list', async () => {
    const scenario = { ...serviceScenario(backup), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(backup, scenario);
    expect(paged.gaps).toEqual([]);
    expect(paged.resources).toHaveLength(3);
    expect(paged.evidence.filter((each) => each.operation === 'Vaults_ListBySubscriptionId')).toHaveLength(3);
  });
});

describe('the Azure Backup simulator', () => {
  it('refuses Cross Region Restore on a locally redundant vault', () => {
    const registry = serviceRegistry(backup);
    expect(() =>
      registry.loadScenario({
        name: 'backup',
        description: 'Backup scenario',
        azure: {
          subscriptions: [
            {
              subscriptionId: '00000000-1111-4222-8333-444455556666',
              tenantId: '99999999-8888-4777-8666-555544443333',
              label: 'prod',
              recoveryServicesVaults: [
                {
                  name: 'v1',
                  resourceGroup: 'rg',
                  location: 'eastus',
                  storageModelType: 'LocallyRedundant',
                  crossRegionRestore: true,
                },
              ],
            },
          ],
        },
      }),
    ).toThrow(
      'azure.subscriptions[0].recoveryServicesVaults[0].crossRegionRestore: Cross Region Restore needs geo-redundant storage',
    );
  });
});
