import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { sql } from '.';
import type { ScenarioSqlServer } from './sim';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const server = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Sql/servers/${name}`;
const database = (group: string, name: string, db: string) => `${server(group, name)}/databases/${db}`;

const telehealth = server('rg-nwv-telehealth', 'nwv-sql-telehealth');
const telehealthDr = server('rg-nwv-telehealth', 'nwv-sql-telehealth-dr');
const portal = server('rg-nwv-legacy', 'nwv-sql-portal-legacy');
const storefront = server('rg-nwv-web', 'nwv-sql-storefront');

describe('the Azure SQL collector on the demo organisation', () => {
  it('judges each demo server and database as the demo intends', async () => {
    const scenario = serviceScenario(sql);
    const results = judge(sql, scenario, (await collectService(sql, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.sql.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['min-tls', telehealth, 'pass'],
      ['min-tls', portal, 'fail'],
      ['min-tls', storefront, 'fail'],
      ['firewall-open-to-internet', telehealth, 'pass'],
      ['firewall-open-to-internet', storefront, 'pass'],
      ['firewall-open-to-internet', portal, 'fail'],
      ['firewall-allows-all-azure', storefront, 'pass'],
      ['firewall-allows-all-azure', portal, 'fail'],
      ['entra-only-auth', telehealth, 'pass'],
      ['entra-only-auth', portal, 'fail'],
      ['auditing', telehealth, 'pass'],
      ['auditing', telehealthDr, 'pass'],
      ['auditing', portal, 'fail'],
      ['auditing', storefront, 'fail'],
      ['tde-customer-managed-key', telehealth, 'pass'],
      ['tde-customer-managed-key', portal, 'fail'],
      ['geo-replica-region', telehealth, 'pass'],
      ['geo-replica-region', telehealthDr, 'pass'],
      ['geo-replica-region', portal, 'fail'],
      ['geo-replica-region', storefront, 'not_applicable'],
      ['tde', database('rg-nwv-telehealth', 'nwv-sql-telehealth', 'telehealth-notes'), 'pass'],
      ['tde', database('rg-nwv-legacy', 'nwv-sql-portal-legacy', 'portal-patients'), 'pass'],
      ['tde', database('rg-nwv-legacy', 'nwv-sql-portal-legacy', 'portal-archive-2019'), 'fail'],
      ['geo-backup-region', database('rg-nwv-telehealth', 'nwv-sql-telehealth', 'telehealth-notes'), 'pass'],
      ['geo-backup-region', database('rg-nwv-legacy', 'nwv-sql-portal-legacy', 'portal-patients'), 'fail'],
      [
        'geo-backup-region',
        database('rg-nwv-web', 'nwv-sql-storefront', 'storefront-catalog'),
        'not_applicable',
      ],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.sql.min-tls|${storefront}`)?.detail).toBe(
      'SQL server nwv-sql-storefront reports no minimal TLS version: it sets no minimum, so the server itself does not refuse TLS 1.0 and 1.1.',
    );
    expect(results.get(`azure.sql.geo-replica-region|${portal}`)?.detail).toContain(
      'geo-replicates database portal-patients to server nwv-sql-portal-weu in West Europe, outside the approved regions',
    );
    // The secondary side of a link in the same subscription names its primary.
    expect(results.get(`azure.sql.geo-replica-region|${telehealthDr}`)?.detail).toContain(
      'nwv-sql-telehealth (East US 2)',
    );
    expect(results.get(`azure.sql.firewall-open-to-internet|${portal}`)?.detail).toContain(
      'It is classified as PHI (tag phi=true)',
    );
  });

  it('skips master, gives databases the server tags, and names the evidence each came from', async () => {
    const run = await collectService(sql, serviceScenario(sql));
    expect(run.resources.some((each) => each.name === 'master')).toBe(false);
    const archive = run.resources.find((each) => each.name === 'portal-archive-2019');
    expect(archive).toMatchObject({
      type: 'azure.sql.database',
      region: 'eastus',
      tags: { app: 'patient-portal-legacy', phi: 'true', env: 'prod' },
      properties: {
        serverName: 'nwv-sql-portal-legacy',
        transparentDataEncryption: 'Disabled',
        backupStorageRedundancy: 'Local',
        inheritedTagKeys: ['app', 'phi', 'env'],
      },
    });
    const operations = archive!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['Servers_List', 'Databases_ListByServer', 'TransparentDataEncryptions_Get']);
    const legacy = run.resources.find((each) => each.nativeId === portal);
    expect(legacy?.properties).toMatchObject({
      minimalTlsVersion: 'None',
      publicNetworkAccess: 'Enabled',
      entraOnlyAuthentication: false,
      auditing: { state: 'Disabled', retentionDays: 0, storageEndpoint: null, azureMonitorTarget: false },
      encryptionProtector: { serverKeyType: 'ServiceManaged', uri: null },
    });
    expect(new Set(legacy!.evidenceIds.map((id) => run.evidence[id - 1]?.operation))).toEqual(
      new Set([
        'Servers_List',
        'FirewallRules_ListByServer',
        'ServerAzureADOnlyAuthentications_ListByServer',
        'ServerBlobAuditingPolicies_Get',
        'EncryptionProtectors_Get',
        'ReplicationLinks_ListByServer',
      ]),
    );
  });

  it('follows nextLink on every list', async () => {
    const scenario = { ...serviceScenario(sql), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(sql, scenario);
    const whole = await collectService(sql, serviceScenario(sql));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources).toEqual(
      whole.resources.map((resource) => ({ ...resource, evidenceIds: expect.any(Array) as unknown })),
    );
    expect(paged.evidence.filter((each) => each.operation === 'Servers_List')).toHaveLength(4);
    // Two firewall rules of the legacy portal server, one page each.
    expect(
      paged.evidence.filter(
        (each) =>
          each.operation === 'FirewallRules_ListByServer' &&
          JSON.stringify(each).includes('nwv-sql-portal-legacy'),
      ).length,
    ).toBeGreaterThanOrEqual(2);
  });

  it('leaves the firewall rules unassessed, never passed, when they cannot be read', async () => {
    const denied = serviceScenario(sql, [
      { provider: 'azure', service: 'sql', operation: 'FirewallRules_ListByServer', kind: 'access_denied' },
    ]);
    const run = await collectService(sql, denied);
    const gaps = run.gaps.filter((gap) => gap.operation === 'FirewallRules_ListByServer');
    expect(gaps.some((gap) => gap.message.includes('nwv-sql-storefront'))).toBe(true);
    expect(run.resources.find((each) => each.nativeId === storefront)?.properties).not.toHaveProperty(
      'firewallRules',
    );
    const results = judge(sql, denied, run.resources);
    expect(results.get(`azure.sql.firewall-open-to-internet|${storefront}`)?.detail).toMatch(
      /^Not assessed: the firewall rules of SQL server nwv-sql-storefront/,
    );
    // A server with public access disabled still passes: its firewall rules cannot admit anyone.
    expect(results.get(`azure.sql.firewall-open-to-internet|${telehealth}`)?.status).toBe('pass');
  });
});

describe('the Azure SQL simulator', () => {
  const registry = serviceRegistry(sql);
  const owner = {
    subscriptionId: '00000000-1111-4222-8333-444455556666',
    tenantId: '99999999-8888-4777-8666-555544443333',
    label: 'prod',
  };
  const withServers = (sqlServers: unknown[]) => ({
    name: 'sql',
    description: 'Azure SQL scenario',
    azure: { subscriptions: [{ ...owner, sqlServers }] },
  });

  it('names a bad field by its path', () => {
    expect(() =>
      registry.loadScenario(
        withServers([
          {
            name: 'nwv-sql-a',
            resourceGroup: 'rg',
            location: 'eastus',
            firewallRules: [{ name: 'x', startIpAddress: '0.0.0.0', endIpAddress: '256.0.0.1' }],
          },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].sqlServers[0].firewallRules[0].endIpAddress: must be an IPv4 address');
    expect(() =>
      registry.loadScenario(withServers([{ name: 'NWV_SQL', resourceGroup: 'rg', location: 'eastus' }])),
    ).toThrow('azure.subscriptions[0].sqlServers[0].name: must be a SQL server name');
  });

  it('refuses a server name used twice, a user database named master and auditing without a destination', () => {
    const load = () =>
      registry.loadScenario(
        withServers([
          { name: 'nwv-sql-a', resourceGroup: 'rg', location: 'eastus', databases: [{ name: 'master' }] },
          {
            name: 'nwv-sql-a',
            resourceGroup: 'rg2',
            location: 'eastus',
            auditing: { state: 'Enabled' },
          },
        ]),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].sqlServers[1].name: SQL server name nwv-sql-a is already used',
    );
    expect(load).toThrow(
      'azure.subscriptions[0].sqlServers[0].databases[0].name: master is created with every server',
    );
    expect(load).toThrow(
      'azure.subscriptions[0].sqlServers[1].auditing: enabled auditing needs a storage account',
    );
  });

  it("answers a server deleted between list and read with ARM's 404 ResourceNotFound", () => {
    const scenario = registry.loadScenario(
      withServers([{ name: 'nwv-sql-a', resourceGroup: 'rg', location: 'eastus' }]),
    );
    const sub = scenario.azure.subscriptions[0]!;
    const answer = sql.sim.answers.FirewallRules_ListByServer!({
      subscription: sub as typeof sub & { sqlServers: ScenarioSqlServer[] },
      scenario,
      params: { subscriptionId: sub.subscriptionId, resourceGroupName: 'rg', serverName: 'nwv-sql-gone' },
      url: new URL('https://management.azure.com/'),
      state: undefined,
    });
    expect(answer).toMatchObject({ status: 404, code: 'ResourceNotFound' });
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
    for (const each of scenario.azure.subscriptions) expect(each.sqlServers).toHaveLength(3);
  });
});
