import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { cosmos } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const account = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.DocumentDB/databaseAccounts/${name}`;

const wearables = account('rg-nwv-wearables', 'nwv-cosmos-wearables');
const legacy = account('rg-nwv-wearables', 'nwv-cosmos-wearables-legacy');
const sessions = account('rg-nwv-web', 'nwv-cosmos-sessions');

describe('the Cosmos DB collector on the demo organisation', () => {
  it('judges each demo account as the demo intends', async () => {
    const scenario = serviceScenario(cosmos);
    const results = judge(cosmos, scenario, (await collectService(cosmos, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.cosmos.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['min-tls', wearables, 'pass'],
      ['min-tls', sessions, 'pass'],
      ['min-tls', legacy, 'fail'],
      ['open-to-internet', wearables, 'pass'],
      ['open-to-internet', legacy, 'pass'],
      ['open-to-internet', sessions, 'fail'],
      ['allows-all-azure', wearables, 'pass'],
      ['allows-all-azure', legacy, 'fail'],
      ['allows-all-azure', sessions, 'not_applicable'],
      ['local-auth', wearables, 'pass'],
      ['local-auth', legacy, 'fail'],
      ['local-auth', sessions, 'fail'],
      ['customer-managed-key', wearables, 'pass'],
      ['customer-managed-key', legacy, 'fail'],
      ['replica-region', wearables, 'pass'],
      ['replica-region', sessions, 'pass'],
      ['replica-region', legacy, 'fail'],
      ['backup-region', wearables, 'not_applicable'],
      ['backup-region', legacy, 'pass'],
      ['backup-region', sessions, 'fail'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.cosmos.replica-region|${legacy}`)?.detail).toBe(
      'Cosmos DB account nwv-cosmos-wearables-legacy replicates its data to northeurope, outside the approved regions (us-east-1, us-west-2, eastus, westus2, eastus2, centralus); its regions are eastus2, northeurope. It is classified as PHI (tag phi=true).',
    );
  });

  it('reads replica display names as locations, in failover order, and never a key', async () => {
    const run = await collectService(cosmos, serviceScenario(cosmos));
    const old = run.resources.find((each) => each.nativeId === legacy);
    expect(old).toMatchObject({
      region: 'eastus2',
      properties: {
        publicNetworkAccess: 'Enabled',
        virtualNetworkFilterEnabled: false,
        minimalTlsVersion: 'Tls',
        disableLocalAuth: false,
        keyVaultKeyUri: null,
        locations: [
          { location: 'eastus2', failoverPriority: 0 },
          { location: 'northeurope', failoverPriority: 1 },
        ],
        backupPolicyType: 'Periodic',
        backupStorageRedundancy: 'Geo',
      },
    });
    expect((old?.properties as { ipRules: string[] }).ipRules).toContain('0.0.0.0');
    // keysMetadata carries generation times only; nothing that looks like a key is stored.
    expect(JSON.stringify(run.evidence)).not.toMatch(/primaryMasterKey"\s*:\s*"/);
  });

  it('follows nextLink', async () => {
    const scenario = { ...serviceScenario(cosmos), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(cosmos, scenario);
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.name).sort()).toEqual([
      'nwv-cosmos-sessions',
      'nwv-cosmos-wearables',
      'nwv-cosmos-wearables-legacy',
    ]);
    expect(paged.evidence.filter((each) => each.operation === 'DatabaseAccounts_List')).toHaveLength(3);
  });
});

describe('the Cosmos DB simulator', () => {
  const registry = serviceRegistry(cosmos);
  const owner = {
    subscriptionId: '00000000-1111-4222-8333-444455556666',
    tenantId: '99999999-8888-4777-8666-555544443333',
    label: 'prod',
  };
  const withAccounts = (cosmosAccounts: unknown[]) => ({
    name: 'cosmos',
    description: 'Cosmos DB scenario',
    azure: { subscriptions: [{ ...owner, cosmosAccounts }] },
  });

  it('names a bad field by its path', () => {
    expect(() =>
      registry.loadScenario(
        withAccounts([{ name: 'nwv-cosmos-a', resourceGroup: 'rg', location: 'eastus', ipRules: ['any'] }]),
      ),
    ).toThrow('azure.subscriptions[0].cosmosAccounts[0].ipRules[0]: must be an IPv4 address or CIDR range');
  });

  it('refuses a name used twice and virtual network rules without the filter', () => {
    const load = () =>
      registry.loadScenario(
        withAccounts([
          { name: 'nwv-cosmos-a', resourceGroup: 'rg', location: 'eastus' },
          {
            name: 'nwv-cosmos-a',
            resourceGroup: 'rg',
            location: 'eastus',
            virtualNetworkSubnets: [
              '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a',
            ],
          },
        ]),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].cosmosAccounts[1].name: Cosmos DB account name nwv-cosmos-a is already used',
    );
    expect(load).toThrow(
      'cosmosAccounts[1].isVirtualNetworkFilterEnabled: virtual network rules need isVirtualNetworkFilterEnabled',
    );
  });

  it('generates a few valid accounts per subscription for the benchmark', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 12,
      latencyMs: 0,
      seed: 7,
    });
    for (const each of scenario.azure.subscriptions) expect(each.cosmosAccounts).toHaveLength(3);
  });
});
