import { RDSServiceException } from '@aws-sdk/client-rds';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { RdsClusterProperties, RdsInstanceProperties } from './resource';
import { rdsSim } from './sim';
import { rds } from '.';

const prod = '210987654321';

type Run = Awaited<ReturnType<typeof collectService>>;

function find(run: Run, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no RDS resource ${name}`);
  return resource;
}
const instance = (run: Run, name: string) => find(run, name).properties as RdsInstanceProperties;
const cluster = (run: Run, name: string) => find(run, name).properties as RdsClusterProperties;

describe('the RDS collector against the simulated RDS', () => {
  it('reads instances and clusters with their TLS parameter, replicas and backup replications', async () => {
    const run = await collectService(rds, serviceScenario(rds));
    expect(run.gaps).toEqual([]);
    expect(find(run, 'nwv-legacy-storefront-db')).toMatchObject({
      type: 'aws.rds.instance',
      nativeId: `arn:aws:rds:us-east-1:${prod}:db:nwv-legacy-storefront-db`,
      region: 'us-east-1',
      tags: { app: 'storefront', 'data-classification': 'phi' },
    });
    expect(instance(run, 'nwv-legacy-storefront-db')).toMatchObject({
      engine: 'mysql',
      storageEncrypted: false,
      kmsKeyId: null,
      publiclyAccessible: true,
      backupRetentionPeriod: 3,
      vpcSecurityGroupIds: ['sg-0e3f4a5b6c7d8e9f0'],
      readReplicas: [`arn:aws:rds:eu-west-1:${prod}:db:nwv-legacy-storefront-db-eu`],
      replicaSource: null,
      tls: {
        group: 'nwv-legacy-mysql80',
        parameter: 'require_secure_transport',
        value: 'OFF',
        source: 'user',
        forced: false,
      },
    });
    expect(instance(run, 'nwv-legacy-storefront-db-eu')).toMatchObject({
      replicaSource: `arn:aws:rds:us-east-1:${prod}:db:nwv-legacy-storefront-db`,
      tls: { group: 'default.mysql8.0', value: null, forced: false },
    });
    expect(instance(run, 'nwv-support-tickets-db')).toMatchObject({
      tls: { group: 'default.postgres16', parameter: 'rds.force_ssl', value: '1', forced: true },
      backupReplications: [
        {
          arn: expect.stringMatching(/^arn:aws:rds:us-west-2:210987654321:auto-backup:ab-/),
          region: 'us-west-2',
        },
      ],
    });
    // Cluster members: no parameter group read for them, the cluster's is.
    expect(instance(run, 'nwv-telehealth-notes-a')).toMatchObject({
      clusterIdentifier: 'nwv-telehealth-notes',
      storageEncrypted: true,
    });
    expect(instance(run, 'nwv-telehealth-notes-a').tls).toBeUndefined();
    expect(cluster(run, 'nwv-telehealth-notes')).toMatchObject({
      engine: 'aurora-postgresql',
      storageEncrypted: true,
      members: ['nwv-telehealth-notes-a', 'nwv-telehealth-notes-b'],
      tls: { group: 'nwv-aurora-pg16-tls', value: '1', forced: true },
    });
    expect(cluster(run, 'nwv-wearable-telemetry')).toMatchObject({
      storageEncrypted: false,
      backupRetentionPeriod: 1,
      readReplicas: [`arn:aws:rds:eu-west-1:${prod}:cluster:nwv-wearable-telemetry-eu`],
      tls: { group: 'default.aurora-mysql8.0', value: null, forced: false },
    });
    expect(cluster(run, 'nwv-orders-dr').replicaSource).toBe(
      `arn:aws:rds:us-east-1:${prod}:cluster:nwv-orders`,
    );
    // Each distinct parameter group is read once per region, whatever number of databases use it.
    const groupReads = run.evidence
      .filter(
        (each) =>
          each.operation === 'DescribeDBParameters' || each.operation === 'DescribeDBClusterParameters',
      )
      .map((each) => {
        const request = each.request as {
          DBParameterGroupName?: string;
          DBClusterParameterGroupName?: string;
        };
        return `${each.region}|${request.DBParameterGroupName ?? request.DBClusterParameterGroupName ?? ''}`;
      });
    expect(new Set(groupReads).size).toBe(groupReads.length);
    expect(run.evidence.every((each) => (each.request as { MaxRecords?: number }).MaxRecords === 100)).toBe(
      true,
    );
  });

  it('the demo fails the legacy MySQL instance and its eu-west-1 replica beside the compliant Aurora cluster', async () => {
    const scenario = serviceScenario(rds);
    const results = judge(rds, scenario, (await collectService(rds, scenario)).resources);
    const status = (rule: string, kind: 'db' | 'cluster', name: string, region = 'us-east-1') =>
      results.get(`aws.rds.${rule}|arn:aws:rds:${region}:${prod}:${kind}:${name}`)?.status;
    for (const rule of [
      'instance-storage-encrypted',
      'instance-public',
      'instance-tls-forced',
      'instance-backup-retention',
      'instance-replica-region',
    ])
      expect(status(rule, 'db', 'nwv-legacy-storefront-db'), rule).toBe('fail');
    expect(status('instance-replica-region', 'db', 'nwv-legacy-storefront-db-eu', 'eu-west-1')).toBe('fail');
    for (const rule of [
      'instance-storage-encrypted',
      'instance-public',
      'instance-tls-forced',
      'instance-backup-retention',
      'instance-replica-region',
    ])
      expect(status(rule, 'db', 'nwv-support-tickets-db'), rule).toBe('pass');
    for (const rule of ['cluster-storage-encrypted', 'cluster-tls-forced', 'cluster-backup-retention'])
      expect(status(rule, 'cluster', 'nwv-telehealth-notes'), rule).toBe('pass');
    for (const rule of [
      'cluster-storage-encrypted',
      'cluster-tls-forced',
      'cluster-backup-retention',
      'cluster-replica-region',
    ])
      expect(status(rule, 'cluster', 'nwv-wearable-telemetry'), rule).toBe('fail');
    expect(status('cluster-replica-region', 'cluster', 'nwv-orders')).toBe('pass');
    expect(status('cluster-replica-region', 'cluster', 'nwv-orders-dr', 'us-west-2')).toBe('pass');
    expect(status('instance-tls-forced', 'db', 'nwv-telehealth-notes-a')).toBe('not_applicable');
  });

  it('pages every Describe call with Marker and reads the same resources', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(rds),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(rds, scenario);
    const whole = await collectService(rds, serviceScenario(rds));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const parameterPages = paged.evidence.filter(
      (each) =>
        each.operation === 'DescribeDBParameters' &&
        (each.request as { DBParameterGroupName: string }).DBParameterGroupName === 'nwv-legacy-mysql80',
    );
    expect(parameterPages.length).toBeGreaterThan(10);
    expect(
      parameterPages
        .slice(1)
        .every((each) => typeof (each.request as { Marker?: string }).Marker === 'string'),
    ).toBe(true);
  });

  it('AccessDenied on DescribeDBParameters leaves TLS unknown and names the group and its databases', async () => {
    const run = await collectService(
      rds,
      serviceScenario(rds, [
        { provider: 'aws', service: 'rds', operation: 'DescribeDBParameters', kind: 'access_denied' },
      ]),
    );
    expect(instance(run, 'nwv-legacy-storefront-db').tls).toBeUndefined();
    expect(instance(run, 'nwv-legacy-storefront-db').storageEncrypted).toBe(false);
    expect(cluster(run, 'nwv-telehealth-notes').tls).toBeDefined();
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringContaining(
        'DescribeDBParameters for DB parameter group nwv-legacy-mysql80 (nwv-legacy-storefront-db) in us-east-1 failed: AccessDenied',
      ),
    );
  });

  it('a parameter group deleted after DescribeDBInstances is not a gap and claims nothing', async () => {
    const scenario = serviceScenario(rds);
    const accounts = scenario.aws.accounts.map((account) =>
      account.accountId === prod ? { ...account, rdsParameterGroups: [] } : account,
    );
    const run = await collectService(rds, { ...scenario, aws: { ...scenario.aws, accounts } });
    expect(run.gaps).toEqual([]);
    expect(instance(run, 'nwv-legacy-storefront-db').tls).toBeUndefined();
    expect(run.evidence.some((each) => each.errorCode === 'DBParameterGroupNotFoundFault')).toBe(true);
  });
});

describe('the simulated RDS', () => {
  function answer(
    operation: keyof typeof rdsSim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(rds);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return rdsSim.answers[operation]!({
      account: account as Parameters<(typeof rdsSim.answers)['DescribeDBInstances']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: rdsSim.error,
      pageSize: 1000,
    });
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('leaves unset fields out and names cross-region replicas by ARN', () => {
    const { DBInstances } = answer('DescribeDBInstances', {}) as { DBInstances: Record<string, unknown>[] };
    const legacy = DBInstances.find((each) => each.DBInstanceIdentifier === 'nwv-legacy-storefront-db')!;
    expect(legacy.KmsKeyId).toBeUndefined();
    expect(legacy.ReadReplicaSourceDBInstanceIdentifier).toBeUndefined();
    expect(legacy.InstanceCreateTime).toBeInstanceOf(Date);
    expect(legacy.ReadReplicaDBInstanceIdentifiers).toEqual([
      `arn:aws:rds:eu-west-1:${prod}:db:nwv-legacy-storefront-db-eu`,
    ]);
    const { Parameters } = answer('DescribeDBParameters', { DBParameterGroupName: 'default.mysql8.0' }) as {
      Parameters: { ParameterName: string; ParameterValue?: string; Source: string }[];
    };
    const names = Parameters.map((each) => each.ParameterName);
    expect(names).toEqual([...names].sort());
    expect(Parameters.find((each) => each.ParameterName === 'require_secure_transport')).toEqual(
      expect.not.objectContaining({ ParameterValue: expect.anything() }),
    );
    const user = answer('DescribeDBParameters', {
      DBParameterGroupName: 'nwv-legacy-mysql80',
      Source: 'user',
    }) as {
      Parameters: { ParameterName: string }[];
    };
    expect(user.Parameters.map((each) => each.ParameterName)).toEqual([
      'max_connections',
      'require_secure_transport',
      'time_zone',
    ]);
    // The destination region lists replicated backups with the source's region and status 'replicating'.
    const west = answer('DescribeDBInstanceAutomatedBackups', {}, 'us-west-2') as {
      DBInstanceAutomatedBackups: { DBInstanceIdentifier: string; Region: string; Status: string }[];
    };
    expect(west.DBInstanceAutomatedBackups).toEqual([
      expect.objectContaining({
        DBInstanceIdentifier: 'nwv-support-tickets-db',
        Region: 'us-east-1',
        Status: 'replicating',
      }),
    ]);
  });

  it("answers RDS's own errors through RDSServiceException", () => {
    const missing = thrown(() => answer('DescribeDBParameters', { DBParameterGroupName: 'nope' }));
    expect(missing).toBeInstanceOf(RDSServiceException);
    expect(missing).toMatchObject({
      name: 'DBParameterGroupNotFoundFault',
      $metadata: { httpStatusCode: 404 },
    });
    expect(
      thrown(() => answer('DescribeDBClusterParameters', { DBClusterParameterGroupName: 'nope' })),
    ).toMatchObject({
      name: 'DBClusterParameterGroupNotFoundFault',
    });
    expect(thrown(() => answer('DescribeDBInstances', { MaxRecords: 10 }))).toMatchObject({
      name: 'InvalidParameterValue',
    });
    expect(thrown(() => answer('DescribeDBClusters', { Marker: 'nope' }))).toMatchObject({
      name: 'InvalidParameterValue',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(rds);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { rdsInstances: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.rdsInstances[0] = {
      ...scenario.aws.accounts[0]!.rdsInstances[0],
      identifier: 'Bad_Name',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.rdsInstances\[0\]\.identifier: must be 1–63/,
    );
    scenario.aws.accounts[0]!.rdsInstances[0] = {
      identifier: 'orphan',
      region: 'us-east-1',
      engine: 'mysql',
      engineVersion: '8.0.35',
      cluster: 'nope',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.rdsInstances\[0\]\.cluster: no DB cluster nope/,
    );
  });

  it('generates databases per region for the benchmark', async () => {
    const registry = serviceRegistry(rds);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(rds, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources.filter((each) => each.type === 'aws.rds.instance').length).toBeGreaterThanOrEqual(8);
  });
});
