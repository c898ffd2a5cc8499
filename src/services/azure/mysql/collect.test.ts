import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { mysql } from '.';
import type { ScenarioMySqlServer } from './sim';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const server = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.DBforMySQL/flexibleServers/${name}`;

const support = server('rg-nwv-support', 'nwv-mysql-support');
const legacy = server('rg-nwv-support', 'nwv-mysql-support-legacy');
const cms = server('rg-nwv-web', 'nwv-mysql-cms');

describe('the MySQL flexible server collector on the demo organisation', () => {
  it('judges each demo server as the demo intends', async () => {
    const scenario = serviceScenario(mysql);
    const results = judge(mysql, scenario, (await collectService(mysql, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.mysql.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['secure-transport', support, 'pass'],
      ['secure-transport', legacy, 'fail'],
      ['min-tls', support, 'pass'],
      ['min-tls', cms, 'pass'],
      ['min-tls', legacy, 'fail'],
      ['firewall-open-to-internet', support, 'pass'],
      ['firewall-open-to-internet', cms, 'pass'],
      ['firewall-open-to-internet', legacy, 'fail'],
      ['firewall-allows-all-azure', cms, 'pass'],
      ['firewall-allows-all-azure', legacy, 'fail'],
      ['geo-backup-region', support, 'pass'],
      ['geo-backup-region', legacy, 'fail'],
      ['geo-backup-region', cms, 'not_applicable'],
      ['customer-managed-key', support, 'pass'],
      ['customer-managed-key', legacy, 'fail'],
      ['customer-managed-key', cms, 'fail'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.mysql.geo-backup-region|${legacy}`)?.detail).toBe(
      'MySQL server nwv-mysql-support-legacy has geo-redundant backup enabled: its backups are copied to westcentralus, the pair of westus2, outside the approved regions (us-east-1, us-west-2, eastus, westus2, eastus2, centralus). It is classified as PHI (tag phi=true).',
    );
  });

  it('keeps the location as a location name and names the evidence each property came from', async () => {
    const run = await collectService(mysql, serviceScenario(mysql));
    const server = run.resources.find((each) => each.nativeId === legacy);
    expect(server).toMatchObject({
      region: 'westus2',
      properties: {
        version: '5.7',
        publicNetworkAccess: 'Enabled',
        delegatedSubnet: null,
        geoRedundantBackup: 'Enabled',
        dataEncryptionType: 'SystemManaged',
        primaryKeyUri: null,
        requireSecureTransport: 'OFF',
        tlsVersion: 'TLSv1,TLSv1.1,TLSv1.2',
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
    const scenario = { ...serviceScenario(mysql), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(mysql, scenario);
    const whole = await collectService(mysql, serviceScenario(mysql));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    expect(paged.evidence.filter((each) => each.operation === 'Servers_List')).toHaveLength(3);
  });

  it('leaves a parameter unassessed, never passed, when it cannot be read', async () => {
    const denied = serviceScenario(mysql, [
      { provider: 'azure', service: 'mysql', operation: 'Configurations_Get', kind: 'access_denied' },
    ]);
    const run = await collectService(mysql, denied);
    expect(
      run.gaps.some((gap) =>
        gap.message.includes('require_secure_transport of MySQL server nwv-mysql-support'),
      ),
    ).toBe(true);
    const results = judge(mysql, denied, run.resources);
    expect(results.get(`azure.mysql.secure-transport|${support}`)?.detail).toMatch(
      /^Not assessed: the require_secure_transport parameter of MySQL server nwv-mysql-support/,
    );
  });
});

describe('the MySQL flexible server simulator', () => {
  const registry = serviceRegistry(mysql);
  const owner = {
    subscriptionId: '00000000-1111-4222-8333-444455556666',
    tenantId: '99999999-8888-4777-8666-555544443333',
    label: 'prod',
  };
  const withServers = (mysqlFlexibleServers: unknown[]) => ({
    name: 'mysql',
    description: 'MySQL scenario',
    azure: { subscriptions: [{ ...owner, mysqlFlexibleServers }] },
  });

  it('names a bad field by its path', () => {
    expect(() =>
      registry.loadScenario(
        withServers([{ name: 'nwv-mysql-a', resourceGroup: 'rg', location: 'eastus', tlsVersion: 'TLS1.2' }]),
      ),
    ).toThrow('azure.subscriptions[0].mysqlFlexibleServers[0].tlsVersion');
  });

  it('refuses a name used twice and firewall rules on a server integrated into a virtual network', () => {
    const subnet =
      '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/mysql';
    const load = () =>
      registry.loadScenario(
        withServers([
          { name: 'nwv-mysql-a', resourceGroup: 'rg', location: 'eastus' },
          {
            name: 'nwv-mysql-a',
            resourceGroup: 'rg',
            location: 'eastus',
            delegatedSubnet: subnet,
            firewallRules: [{ name: 'x', startIpAddress: '1.1.1.1', endIpAddress: '1.1.1.1' }],
          },
        ]),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].mysqlFlexibleServers[1].name: flexible server name nwv-mysql-a is already used',
    );
    expect(load).toThrow(
      'mysqlFlexibleServers[1].firewallRules: a server integrated into a virtual network has no firewall rules',
    );
  });

  it("answers a server deleted between list and read, and an unknown parameter, with ARM's 404", () => {
    const scenario = registry.loadScenario(
      withServers([{ name: 'nwv-mysql-a', resourceGroup: 'rg', location: 'eastus' }]),
    );
    const sub = scenario.azure.subscriptions[0]!;
    const call = (serverName: string, configurationName: string) =>
      mysql.sim.answers.Configurations_Get!({
        subscription: sub as typeof sub & { mysqlFlexibleServers: ScenarioMySqlServer[] },
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
    expect(call('nwv-mysql-gone', 'require_secure_transport')).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
    expect(call('nwv-mysql-a', 'no_such_parameter')).toMatchObject({ status: 404, code: 'ResourceNotFound' });
    expect(call('nwv-mysql-a', 'require_secure_transport')).toMatchObject({
      body: { name: 'require_secure_transport', properties: { value: 'ON', source: 'system-default' } },
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
    for (const each of scenario.azure.subscriptions) expect(each.mysqlFlexibleServers).toHaveLength(3);
  });
});
