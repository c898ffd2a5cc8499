import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { postgres } from '.';
import type { ScenarioPostgresServer } from './sim';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const server = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/flexibleServers/${name}`;

const orders = server('rg-nwv-orders', 'nwv-pg-orders');
const legacy = server('rg-nwv-orders', 'nwv-pg-orders-legacy');
const analytics = server('rg-nwv-analytics', 'nwv-pg-analytics');

describe('the PostgreSQL flexible server collector on the demo organisation', () => {
  it('judges each demo server as the demo intends', async () => {
    const scenario = serviceScenario(postgres);
    const results = judge(postgres, scenario, (await collectService(postgres, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.postgres.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['secure-transport', orders, 'pass'],
      ['secure-transport', legacy, 'fail'],
      ['min-tls', orders, 'pass'],
      ['min-tls', analytics, 'pass'],
      ['min-tls', legacy, 'fail'],
      ['firewall-open-to-internet', orders, 'pass'],
      ['firewall-open-to-internet', analytics, 'pass'],
      ['firewall-open-to-internet', legacy, 'fail'],
      ['firewall-allows-all-azure', analytics, 'pass'],
      ['firewall-allows-all-azure', legacy, 'fail'],
      ['geo-backup-region', orders, 'pass'],
      ['geo-backup-region', legacy, 'fail'],
      ['geo-backup-region', analytics, 'not_applicable'],
      ['customer-managed-key', orders, 'pass'],
      ['customer-managed-key', legacy, 'fail'],
      ['customer-managed-key', analytics, 'fail'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.postgres.geo-backup-region|${legacy}`)?.detail).toBe(
      'PostgreSQL server nwv-pg-orders-legacy has geo-redundant backup enabled: its backups are copied to westus, the pair of eastus, outside the approved regions (us-east-1, us-west-2, eastus, westus2, eastus2, centralus). It is classified as PHI (tag phi=true).',
    );
  });

  it('keeps the location as a location name and names the evidence each property came from', async () => {
    const run = await collectService(postgres, serviceScenario(postgres));
    const server = run.resources.find((each) => each.nativeId === legacy);
    expect(server).toMatchObject({
      region: 'eastus',
      properties: {
        version: '13',
        publicNetworkAccess: 'Enabled',
        delegatedSubnet: null,
        geoRedundantBackup: 'Enabled',
        dataEncryptionType: 'SystemManaged',
        primaryKeyUri: null,
        requireSecureTransport: 'off',
        sslMinProtocolVersion: 'TLSv1',
      },
    });
    const operations = server!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual([
      'Servers_List',
      'FirewallRules_ListByServer',
      'Configurations_Get',
      'Configurations_Get',
    ]);
  });

  it('follows nextLink on every list', async () => {
    const scenario = { ...serviceScenario(postgres), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(postgres, scenario);
    const whole = await collectService(postgres, serviceScenario(postgres));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    expect(paged.evidence.filter((each) => each.operation === 'Servers_List')).toHaveLength(3);
  });

  it('leaves a parameter unassessed, never passed, when it cannot be read', async () => {
    const denied = serviceScenario(postgres, [
      { provider: 'azure', service: 'postgres', operation: 'Configurations_Get', kind: 'access_denied' },
    ]);
    const run = await collectService(postgres, denied);
    expect(
      run.gaps.some((gap) =>
        gap.message.includes('require_secure_transport of PostgreSQL server nwv-pg-orders'),
      ),
    ).toBe(true);
    const results = judge(postgres, denied, run.resources);
    expect(results.get(`azure.postgres.secure-transport|${orders}`)?.detail).toMatch(
      /^Not assessed: the require_secure_transport parameter of PostgreSQL server nwv-pg-orders/,
    );
  });
});

describe('the PostgreSQL flexible server simulator', () => {
  const registry = serviceRegistry(postgres);
  const owner = {
    subscriptionId: '00000000-1111-4222-8333-444455556666',
    tenantId: '99999999-8888-4777-8666-555544443333',
    label: 'prod',
  };
  const withServers = (postgresFlexibleServers: unknown[]) => ({
    name: 'pg',
    description: 'PostgreSQL scenario',
    azure: { subscriptions: [{ ...owner, postgresFlexibleServers }] },
  });

  it('names a bad field by its path', () => {
    expect(() =>
      registry.loadScenario(
        withServers([
          { name: 'nwv-pg-a', resourceGroup: 'rg', location: 'eastus', sslMinProtocolVersion: 'TLSv1.0' },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].postgresFlexibleServers[0].sslMinProtocolVersion');
  });

  it('refuses a name used twice and firewall rules on a server integrated into a virtual network', () => {
    const subnet =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/pg';
    const load = () =>
      registry.loadScenario(
        withServers([
          { name: 'nwv-pg-a', resourceGroup: 'rg', location: 'eastus' },
          {
            name: 'nwv-pg-a',
            resourceGroup: 'rg',
            location: 'eastus',
            delegatedSubnet: subnet,
            firewallRules: [{ name: 'x', startIpAddress: '1.1.1.1', endIpAddress: '1.1.1.1' }],
          },
        ]),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].postgresFlexibleServers[1].name: flexible server name nwv-pg-a is already used',
    );
    expect(load).toThrow(
      'postgresFlexibleServers[1].firewallRules: a server integrated into a virtual network has no firewall rules',
    );
  });

  it("answers a server deleted between list and read, and an unknown parameter, with ARM's 404", () => {
    const scenario = registry.loadScenario(
      withServers([{ name: 'nwv-pg-a', resourceGroup: 'rg', location: 'eastus' }]),
    );
    const sub = scenario.azure.subscriptions[0]!;
    const call = (serverName: string, configurationName: string) =>
      postgres.sim.answers.Configurations_Get!({
        subscription: sub as typeof sub & { postgresFlexibleServers: ScenarioPostgresServer[] },
        scenario,
        params: {
          subscriptionId: sub.subscriptionId,
          resourceGroupName: 'rg',
          serverName,
          configurationName,
        },
        url: new URL('https://management.azure.com/'),
        state: undefined,
      });
    expect(call('nwv-pg-gone', 'require_secure_transport')).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
    expect(call('nwv-pg-a', 'no_such_parameter')).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect(call('nwv-pg-a', 'require_secure_transport')).toMatchObject({
      body: { name: 'require_secure_transport', properties: { value: 'on', source: 'system-default' } },
    });
  });

  it('generates a few valid servers per subscription for the benchmark', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 12,
      latencyMs: 0,
      seed: 7,
    });
    for (const each of scenario.azure.subscriptions) expect(each.postgresFlexibleServers).toHaveLength(3);
  });
});
