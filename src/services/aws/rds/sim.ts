import { RDSServiceException } from '@aws-sdk/client-rds';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * RDS in a scenario: each account's DB instances, DB clusters and custom parameter groups, per
 * region. Answers follow the Amazon RDS API Reference (query protocol, as the SDK deserializes it):
 * - DescribeDBInstances / DescribeDBClusters / DescribeDBParameters / DescribeDBClusterParameters /
 *   DescribeDBInstanceAutomatedBackups page with MaxRecords (20–100, default 100; anything else is
 *   InvalidParameterValue) and an opaque Marker present only while more records remain.
 * - A field that is not set is left out: KmsKeyId on unencrypted storage, ReadReplicaSource… on a
 *   primary, ReadReplicaDBInstanceIdentifiers is an empty list, ParameterValue of a parameter the
 *   group does not set. Same-region read replicas are named by identifier, cross-region ones by ARN
 *   (API_DBInstance: "ReadReplicaDBInstanceIdentifiers"); replicated automated backups by the ARN of
 *   the backups in the destination region (API_DBInstanceAutomatedBackupsReplication), and the
 *   destination region's DescribeDBInstanceAutomatedBackups lists them with Region = the source region
 *   and Status 'replicating'. Aurora has no DB instance automated backups.
 * - Parameters come back sorted by name with their Source ('engine-default', 'system' or 'user');
 *   default groups (default.<family>) exist without being declared and cannot hold user values.
 * - Errors: DBParameterGroupNotFoundFault / DBClusterParameterGroupNotFoundFault (404), through
 *   RDSServiceException; throttling 'Throttling', refusal 'AccessDenied' (403).
 */

const identifier = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,62}$/,
    'must be 1–63 lowercase letters, digits or hyphens, starting with a letter (RDS lowercases identifiers)',
  );

const engine = z.enum([
  'postgres',
  'mysql',
  'mariadb',
  'aurora-postgresql',
  'aurora-mysql',
  'sqlserver-se',
  'sqlserver-ex',
  'oracle-ee',
]);

const securityGroupId = z.string().regex(/^sg-[0-9a-f]{8,17}$/, 'must be a security group id (sg-…)');

const scenarioInstance = z.strictObject({
  identifier,
  region: awsRegion,
  engine,
  engineVersion: z.string().min(1),
  instanceClass: z.string().default('db.t3.medium'),
  tags: scenarioTags.default({}),
  storageEncrypted: z.boolean().default(true),
  /** The key ARN answered as KmsKeyId; required when storageEncrypted */
  kmsKeyId: z.string().min(1).optional(),
  publiclyAccessible: z.boolean().default(false),
  /** Days; 0 turns automated backups off. Ignored for cluster members (the cluster's applies). */
  backupRetentionPeriod: z.number().int().min(0).max(35).default(7),
  /** The DB parameter group; default default.<family> */
  parameterGroup: z.string().min(1).optional(),
  /** Member of this DB cluster of the same region */
  cluster: identifier.optional(),
  /** A read replica of this account's instance */
  replicaOf: z.strictObject({ identifier, region: awsRegion }).optional(),
  /** Regions its automated backups are replicated to */
  backupReplicationRegions: z.array(awsRegion).default([]),
  securityGroupIds: z.array(securityGroupId).default([]),
  createdAt: isoTime.default('2023-03-01T10:00:00Z'),
});

const scenarioCluster = z.strictObject({
  identifier,
  region: awsRegion,
  engine: z.enum(['aurora-postgresql', 'aurora-mysql']),
  engineVersion: z.string().min(1),
  tags: scenarioTags.default({}),
  storageEncrypted: z.boolean().default(true),
  kmsKeyId: z.string().min(1).optional(),
  /** Aurora keeps 1–35 days */
  backupRetentionPeriod: z.number().int().min(1).max(35).default(7),
  /** The DB cluster parameter group; default default.<family> */
  parameterGroup: z.string().min(1).optional(),
  /** A cross-region read replica cluster of this account's cluster */
  replicaOf: z.strictObject({ identifier, region: awsRegion }).optional(),
  globalClusterIdentifier: z.string().min(1).optional(),
  securityGroupIds: z.array(securityGroupId).default([]),
  createdAt: isoTime.default('2023-03-01T10:00:00Z'),
});

const scenarioGroup = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9-]{0,254}$/,
      'must be letters, digits and hyphens (default groups are implicit)',
    ),
  region: awsRegion,
  /** e.g. mysql8.0, postgres16, aurora-mysql8.0, aurora-postgresql16, sqlserver-se-15.0 */
  family: z.string().min(1),
  /** Values set in the group (Source 'user') */
  parameters: z.record(z.string(), z.string()).default({}),
});

const account = {
  rdsInstances: z.array(scenarioInstance).default([]),
  rdsClusters: z.array(scenarioCluster).default([]),
  rdsParameterGroups: z.array(scenarioGroup).default([]),
  rdsClusterParameterGroups: z.array(scenarioGroup).default([]),
};
const organisation = {};

type ScenarioInstance = z.output<typeof scenarioInstance>;
type ScenarioCluster = z.output<typeof scenarioCluster>;
type ScenarioGroup = z.output<typeof scenarioGroup>;
type RdsWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, RdsWorld>;

const rdsError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(RDSServiceException, name, httpStatusCode, message);

const arnOf = (call: Call, region: string, kind: 'db' | 'cluster' | 'auto-backup', name: string) =>
  `arn:${call.account.partition}:rds:${region}:${call.account.accountId}:${kind}:${name}`;

/** The parameter group family of an engine version: postgres16, mysql8.0, aurora-mysql8.0, sqlserver-se-15.0 */
export function parameterFamily(engineName: string, version: string): string {
  const [major = '', minor = ''] = version.split('.');
  if (engineName === 'postgres' || engineName === 'aurora-postgresql') return `${engineName}${major}`;
  if (engineName.startsWith('sqlserver')) return `${engineName}-${major}.0`;
  if (engineName.startsWith('oracle')) return `${engineName}-${major}`;
  return `${engineName}${major}.${minor}`;
}

/** Generic parameters of each family, so a group's listing looks and pages like one. */
const commonParameters: Record<string, string[]> = {
  postgres: [
    'autovacuum',
    'checkpoint_timeout',
    'client_encoding',
    'default_transaction_isolation',
    'effective_cache_size',
    'idle_in_transaction_session_timeout',
    'log_connections',
    'log_disconnections',
    'log_min_duration_statement',
    'log_statement',
    'maintenance_work_mem',
    'max_connections',
    'password_encryption',
    'pgaudit.log',
    'rds.logical_replication',
    'shared_buffers',
    'shared_preload_libraries',
    'ssl',
    'ssl_min_protocol_version',
    'statement_timeout',
    'timezone',
    'work_mem',
  ],
  mysql: [
    'autocommit',
    'binlog_format',
    'character_set_server',
    'collation_server',
    'general_log',
    'innodb_buffer_pool_size',
    'innodb_file_per_table',
    'innodb_flush_log_at_trx_commit',
    'log_output',
    'long_query_time',
    'max_allowed_packet',
    'max_connections',
    'slow_query_log',
    'sql_mode',
    'time_zone',
    'tls_version',
    'wait_timeout',
  ],
  sqlserver: [
    'contained database authentication',
    'cost threshold for parallelism',
    'max degree of parallelism',
    'max server memory (mb)',
    'optimize for ad hoc workloads',
    'rds.fips',
    'rds.tls10',
    'rds.tls11',
    'remote access',
  ],
  oracle: ['audit_trail', 'open_cursors', 'processes', 'sessions', 'sqlnet.encryption_server'],
};

function familyKind(family: string): 'postgres' | 'mysql' | 'sqlserver' | 'oracle' {
  if (family.startsWith('postgres') || family.startsWith('aurora-postgresql')) return 'postgres';
  if (family.startsWith('sqlserver')) return 'sqlserver';
  if (family.startsWith('oracle')) return 'oracle';
  return 'mysql';
}

/** The engine default of the TLS parameter: RDS for PostgreSQL 15+ answers rds.force_ssl 1; MySQL-likes leave require_secure_transport unset. */
function tlsDefault(family: string): { name: string; value: string | undefined } | null {
  const kind = familyKind(family);
  if (kind === 'oracle') return null;
  if (kind === 'mysql') return { name: 'require_secure_transport', value: undefined };
  if (kind === 'sqlserver') return { name: 'rds.force_ssl', value: '0' };
  const major = Number.parseInt(family.replace(/^\D+/, ''), 10);
  return { name: 'rds.force_ssl', value: family.startsWith('postgres') && major >= 15 ? '1' : '0' };
}

interface ParameterAnswer {
  ParameterName: string;
  ParameterValue?: string;
  Description: string;
  Source: string;
  ApplyType: string;
  DataType: string;
  IsModifiable: boolean;
  ApplyMethod: string;
}

function parametersOf(family: string, userValues: Readonly<Record<string, string>>): ParameterAnswer[] {
  const names = new Set(commonParameters[familyKind(family)] ?? []);
  const tls = tlsDefault(family);
  if (tls) names.add(tls.name);
  for (const name of Object.keys(userValues)) names.add(name);
  return [...names].sort().map((name) => {
    const user = userValues[name];
    const value = user ?? (tls?.name === name ? tls.value : undefined);
    return {
      ParameterName: name,
      ...(value !== undefined ? { ParameterValue: value } : {}),
      Description: `${name} (simulated)`,
      Source: user !== undefined ? 'user' : name.startsWith('rds.') ? 'system' : 'engine-default',
      ApplyType: 'dynamic',
      DataType: 'string',
      IsModifiable: true,
      ApplyMethod: 'pending-reboot',
    };
  });
}

/** MaxRecords as RDS checks it: absent = 100, else 20–100. */
function pageLimit(call: Call): number {
  const max = call.input.MaxRecords;
  if (max === undefined) return Math.min(100, call.pageSize);
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 20 || max > 100)
    throw rdsError(
      'InvalidParameterValue',
      400,
      `Invalid value ${String(max)} for MaxRecords. Must be between 20 and 100.`,
    );
  return Math.min(max, call.pageSize);
}

function paged<T>(call: Call, items: readonly T[], field: string): object {
  const { page, next } = awsPage(items, call.input.Marker, pageLimit(call), () =>
    rdsError('InvalidParameterValue', 400, 'The parameter Marker is not a valid marker.'),
  );
  return { [field]: page, ...(next ? { Marker: next } : {}) };
}

const byIdentifier = <T extends { identifier: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => a.identifier.localeCompare(b.identifier));

const tagList = (tags: Readonly<Record<string, string>>) =>
  Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

const resourceId = (prefix: string, name: string, region: string) => {
  let hash = 0;
  for (const ch of `${region}/${name}`) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return `${prefix}-${hash.toString(36).toUpperCase().padStart(8, 'X')}${name.length.toString(36).toUpperCase()}`;
};

const autoBackupArn = (call: Call, destination: string, instance: ScenarioInstance) =>
  arnOf(
    call,
    destination,
    'auto-backup',
    `ab-${resourceId('x', instance.identifier, instance.region).slice(2).toLowerCase()}`,
  );

/** A reference to a same-account database as RDS writes it: identifier in the same region, ARN elsewhere. */
const reference = (
  call: Call,
  from: string,
  target: { identifier: string; region: string },
  kind: 'db' | 'cluster',
) => (target.region === from ? target.identifier : arnOf(call, target.region, kind, target.identifier));

function instanceAnswer(call: Call, instance: ScenarioInstance): object {
  const { account } = call;
  const cluster = instance.cluster
    ? account.rdsClusters.find(
        (each) => each.identifier === instance.cluster && each.region === instance.region,
      )
    : undefined;
  const family = parameterFamily(instance.engine, instance.engineVersion);
  const replicas = account.rdsInstances.filter(
    (each) => each.replicaOf?.identifier === instance.identifier && each.replicaOf.region === instance.region,
  );
  const port = instance.engine.includes('postgres')
    ? 5432
    : instance.engine.startsWith('sqlserver')
      ? 1433
      : instance.engine.startsWith('oracle')
        ? 1521
        : 3306;
  const host = `${instance.identifier}.c9akciq32xyz.${instance.region}.rds.amazonaws.com`;
  const encrypted = cluster ? cluster.storageEncrypted : instance.storageEncrypted;
  const key = cluster ? cluster.kmsKeyId : instance.kmsKeyId;
  return {
    DBInstanceIdentifier: instance.identifier,
    DBInstanceClass: instance.instanceClass,
    Engine: instance.engine,
    EngineVersion: instance.engineVersion,
    DBInstanceStatus: 'available',
    MasterUsername: instance.engine.startsWith('sqlserver') ? 'admin' : 'nwvadmin',
    Endpoint: { Address: host, Port: port, HostedZoneId: 'Z2R2ITUGPM61AM' },
    AllocatedStorage: cluster ? 1 : 100,
    InstanceCreateTime: new Date(instance.createdAt),
    PreferredBackupWindow: '03:00-03:30',
    BackupRetentionPeriod: cluster ? cluster.backupRetentionPeriod : instance.backupRetentionPeriod,
    DBSecurityGroups: [],
    VpcSecurityGroups: instance.securityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    DBParameterGroups: [
      {
        DBParameterGroupName: instance.parameterGroup ?? `default.${family}`,
        ParameterApplyStatus: 'in-sync',
      },
    ],
    AvailabilityZone: `${instance.region}a`,
    DBSubnetGroup: {
      DBSubnetGroupName: 'nwv-db-private',
      VpcId: 'vpc-0a1b2c3d4e5f60718',
      SubnetGroupStatus: 'Complete',
    },
    MultiAZ: false,
    AutoMinorVersionUpgrade: true,
    ...(instance.replicaOf
      ? { ReadReplicaSourceDBInstanceIdentifier: reference(call, instance.region, instance.replicaOf, 'db') }
      : {}),
    ReadReplicaDBInstanceIdentifiers: replicas.map((each) => reference(call, instance.region, each, 'db')),
    ReadReplicaDBClusterIdentifiers: [],
    PubliclyAccessible: instance.publiclyAccessible,
    StorageType: cluster ? 'aurora' : 'gp3',
    DbInstancePort: 0,
    ...(cluster ? { DBClusterIdentifier: cluster.identifier } : {}),
    StorageEncrypted: encrypted,
    ...(encrypted && key ? { KmsKeyId: key } : {}),
    DbiResourceId: resourceId('db', instance.identifier, instance.region),
    CACertificateIdentifier: 'rds-ca-rsa2048-g1',
    CopyTagsToSnapshot: true,
    DBInstanceArn: arnOf(call, instance.region, 'db', instance.identifier),
    IAMDatabaseAuthenticationEnabled: false,
    DeletionProtection: true,
    TagList: tagList(instance.tags),
    ...(instance.backupReplicationRegions.length > 0
      ? {
          DBInstanceAutomatedBackupsReplications: instance.backupReplicationRegions.map((region) => ({
            DBInstanceAutomatedBackupsArn: autoBackupArn(call, region, instance),
          })),
        }
      : {}),
  };
}

function describeDBInstances(call: Call): object {
  const here = byIdentifier(call.account.rdsInstances.filter((each) => each.region === call.region));
  return paged(
    call,
    here.map((each) => instanceAnswer(call, each)),
    'DBInstances',
  );
}

function clusterAnswer(call: Call, cluster: ScenarioCluster): object {
  const { account } = call;
  const members = byIdentifier(
    account.rdsInstances.filter(
      (each) => each.cluster === cluster.identifier && each.region === cluster.region,
    ),
  );
  const replicas = account.rdsClusters.filter(
    (each) => each.replicaOf?.identifier === cluster.identifier && each.replicaOf.region === cluster.region,
  );
  const family = parameterFamily(cluster.engine, cluster.engineVersion);
  const host = `${cluster.identifier}.cluster-c9akciq32xyz.${cluster.region}.rds.amazonaws.com`;
  return {
    AllocatedStorage: 1,
    AvailabilityZones: [`${cluster.region}a`, `${cluster.region}b`, `${cluster.region}c`],
    BackupRetentionPeriod: cluster.backupRetentionPeriod,
    DBClusterIdentifier: cluster.identifier,
    DBClusterParameterGroup: cluster.parameterGroup ?? `default.${family}`,
    DBSubnetGroup: 'nwv-db-private',
    Status: 'available',
    Endpoint: host,
    ReaderEndpoint: host.replace('.cluster-', '.cluster-ro-'),
    MultiAZ: members.length > 1,
    Engine: cluster.engine,
    EngineVersion: cluster.engineVersion,
    Port: cluster.engine === 'aurora-postgresql' ? 5432 : 3306,
    MasterUsername: 'nwvadmin',
    PreferredBackupWindow: '03:00-03:30',
    ...(cluster.replicaOf
      ? {
          ReplicationSourceIdentifier: arnOf(
            call,
            cluster.replicaOf.region,
            'cluster',
            cluster.replicaOf.identifier,
          ),
        }
      : {}),
    // Cross-region read replica clusters are named by ARN.
    ReadReplicaIdentifiers: replicas.map((each) => arnOf(call, each.region, 'cluster', each.identifier)),
    DBClusterMembers: members.map((each, i) => ({
      DBInstanceIdentifier: each.identifier,
      IsClusterWriter: i === 0 && !cluster.replicaOf,
      DBClusterParameterGroupStatus: 'in-sync',
      PromotionTier: 1,
    })),
    VpcSecurityGroups: cluster.securityGroupIds.map((id) => ({ VpcSecurityGroupId: id, Status: 'active' })),
    HostedZoneId: 'Z2R2ITUGPM61AM',
    StorageEncrypted: cluster.storageEncrypted,
    ...(cluster.storageEncrypted && cluster.kmsKeyId ? { KmsKeyId: cluster.kmsKeyId } : {}),
    DbClusterResourceId: resourceId('cluster', cluster.identifier, cluster.region),
    DBClusterArn: arnOf(call, cluster.region, 'cluster', cluster.identifier),
    IAMDatabaseAuthenticationEnabled: false,
    ClusterCreateTime: new Date(cluster.createdAt),
    EngineMode: 'provisioned',
    DeletionProtection: true,
    HttpEndpointEnabled: false,
    CopyTagsToSnapshot: true,
    CrossAccountClone: false,
    TagList: tagList(cluster.tags),
    ...(cluster.globalClusterIdentifier ? { GlobalClusterIdentifier: cluster.globalClusterIdentifier } : {}),
  };
}

function describeDBClusters(call: Call): object {
  const here = byIdentifier(call.account.rdsClusters.filter((each) => each.region === call.region));
  return paged(
    call,
    here.map((each) => clusterAnswer(call, each)),
    'DBClusters',
  );
}

/** A declared group of this region, or an implicit default.<family> one; undefined when neither. */
function resolveGroup(groups: readonly ScenarioGroup[], call: Call, name: string): ScenarioGroup | undefined {
  const declared = groups.find((each) => each.region === call.region && each.name === name);
  if (declared) return declared;
  if (name.startsWith('default.'))
    return { name, region: call.region, family: name.slice('default.'.length), parameters: {} };
  return undefined;
}

function describeParameters(call: Call, kind: 'instance' | 'cluster'): object {
  const field = kind === 'cluster' ? 'DBClusterParameterGroupName' : 'DBParameterGroupName';
  const name = typeof call.input[field] === 'string' ? (call.input[field] as string) : '';
  const groups =
    kind === 'cluster' ? call.account.rdsClusterParameterGroups : call.account.rdsParameterGroups;
  const group = resolveGroup(groups, call, name);
  if (!group)
    throw kind === 'cluster'
      ? rdsError('DBClusterParameterGroupNotFoundFault', 404, `DBClusterParameterGroup not found: ${name}`)
      : rdsError('DBParameterGroupNotFoundFault', 404, `DBParameterGroup not found: ${name}`);
  const source = call.input.Source;
  const all = parametersOf(group.family, group.parameters);
  const wanted = typeof source === 'string' ? all.filter((each) => each.Source === source) : all;
  return paged(call, wanted, 'Parameters');
}

function automatedBackupAnswer(call: Call, instance: ScenarioInstance, destination: string): object {
  const replicated = destination !== instance.region;
  return {
    DBInstanceArn: arnOf(call, instance.region, 'db', instance.identifier),
    DbiResourceId: resourceId('db', instance.identifier, instance.region),
    Region: instance.region,
    DBInstanceIdentifier: instance.identifier,
    RestoreWindow: { EarliestTime: new Date(instance.createdAt) },
    AllocatedStorage: 100,
    Status: replicated ? 'replicating' : 'active',
    Port: instance.engine.includes('postgres') ? 5432 : 3306,
    InstanceCreateTime: new Date(instance.createdAt),
    MasterUsername: 'nwvadmin',
    Engine: instance.engine,
    EngineVersion: instance.engineVersion,
    Encrypted: instance.storageEncrypted,
    ...(instance.storageEncrypted && instance.kmsKeyId ? { KmsKeyId: instance.kmsKeyId } : {}),
    StorageType: 'gp3',
    BackupRetentionPeriod: instance.backupRetentionPeriod,
    DBInstanceAutomatedBackupsArn: replicated
      ? autoBackupArn(call, destination, instance)
      : arnOf(
          call,
          destination,
          'auto-backup',
          `ab-${resourceId('x', instance.identifier, instance.region).slice(2).toLowerCase()}-local`,
        ),
    ...(!replicated && instance.backupReplicationRegions.length > 0
      ? {
          DBInstanceAutomatedBackupsReplications: instance.backupReplicationRegions.map((region) => ({
            DBInstanceAutomatedBackupsArn: autoBackupArn(call, region, instance),
          })),
        }
      : {}),
  };
}

function describeDBInstanceAutomatedBackups(call: Call): object {
  const withBackups = call.account.rdsInstances.filter(
    (each) => !each.cluster && each.backupRetentionPeriod > 0,
  );
  const own = withBackups.filter((each) => each.region === call.region);
  const replicatedHere = withBackups.filter(
    (each) => each.region !== call.region && each.backupReplicationRegions.includes(call.region),
  );
  const entries = [...byIdentifier(own), ...byIdentifier(replicatedHere)].map((each) =>
    automatedBackupAnswer(call, each, call.region),
  );
  return paged(call, entries, 'DBInstanceAutomatedBackups');
}

function checkRds(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const instances = each.rdsInstances as ScenarioInstance[];
    const clusters = each.rdsClusters as ScenarioCluster[];
    const seen = new Set<string>();
    const base = ['aws', 'accounts', a];
    instances.forEach((instance, i) => {
      const path = [...base, 'rdsInstances', i];
      if (!each.regions.includes(instance.region))
        issue(
          [...path, 'region'],
          `${instance.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const key = `${instance.region}|${instance.identifier}`;
      if (seen.has(key))
        issue(
          [...path, 'identifier'],
          `DB instance ${instance.identifier} already exists in ${instance.region}`,
        );
      seen.add(key);
      if (instance.storageEncrypted && !instance.kmsKeyId && !instance.cluster)
        issue([...path, 'kmsKeyId'], 'encrypted storage needs the kmsKeyId (key ARN) RDS answers');
      if (instance.cluster) {
        const cluster = clusters.find(
          (c) => c.identifier === instance.cluster && c.region === instance.region,
        );
        if (!cluster) issue([...path, 'cluster'], `no DB cluster ${instance.cluster} in ${instance.region}`);
        else if (cluster.engine !== instance.engine)
          issue([...path, 'engine'], `cluster members run the cluster's engine (${cluster.engine})`);
      }
      if (instance.replicaOf) {
        const { identifier: source, region } = instance.replicaOf;
        if (!instances.some((other) => other.identifier === source && other.region === region))
          issue([...path, 'replicaOf'], `no DB instance ${source} in ${region} of this account`);
      }
    });
    const seenClusters = new Set<string>();
    clusters.forEach((cluster, c) => {
      const path = [...base, 'rdsClusters', c];
      if (!each.regions.includes(cluster.region))
        issue(
          [...path, 'region'],
          `${cluster.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const key = `${cluster.region}|${cluster.identifier}`;
      if (seenClusters.has(key))
        issue(
          [...path, 'identifier'],
          `DB cluster ${cluster.identifier} already exists in ${cluster.region}`,
        );
      seenClusters.add(key);
      if (cluster.storageEncrypted && !cluster.kmsKeyId)
        issue([...path, 'kmsKeyId'], 'encrypted storage needs the kmsKeyId (key ARN) RDS answers');
      if (cluster.replicaOf) {
        const { identifier: source, region } = cluster.replicaOf;
        const found = clusters.find((other) => other.identifier === source && other.region === region);
        if (!found) issue([...path, 'replicaOf'], `no DB cluster ${source} in ${region} of this account`);
        else if (found.region === cluster.region)
          issue(
            [...path, 'replicaOf'],
            'an Aurora read replica cluster lives in another region than its source',
          );
        else if (found.storageEncrypted && !cluster.storageEncrypted)
          issue([...path, 'storageEncrypted'], 'a replica of an encrypted cluster is encrypted');
      }
    });
    for (const [field, list] of [
      ['rdsParameterGroups', each.rdsParameterGroups as ScenarioGroup[]],
      ['rdsClusterParameterGroups', each.rdsClusterParameterGroups as ScenarioGroup[]],
    ] as const)
      list.forEach((group, g) => {
        if (group.name.startsWith('default.'))
          issue(
            ['aws', 'accounts', a, field, g, 'name'],
            'default parameter groups are implicit and cannot be modified',
          );
      });
  });
}

export const rdsSim: AwsServiceSim<typeof account, typeof organisation, RdsWorld> = {
  account,
  organisation,
  check: checkRds,
  error: rdsError,
  // The query protocol's own codes: 'Throttling', and 'AccessDenied' with HTTP 403.
  faults: (operation) => ({
    throttle: { name: 'Throttling', status: 400, message: 'Rate exceeded' },
    access_denied: {
      name: 'AccessDenied',
      status: 403,
      message: `User is not authorized to perform: rds:${operation} because no identity-based policy allows the rds:${operation} action`,
    },
  }),
  answers: {
    DescribeDBInstances: describeDBInstances,
    DescribeDBClusters: describeDBClusters,
    DescribeDBParameters: (call) => describeParameters(call, 'instance'),
    DescribeDBClusterParameters: (call) => describeParameters(call, 'cluster'),
    DescribeDBInstanceAutomatedBackups: describeDBInstanceAutomatedBackups,
  },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick } = random;
    const apps = ['orders', 'support', 'telemetry', 'intake', 'catalog'];
    const keyArn = (region: string) =>
      `arn:aws:kms:${region}:${accountId}:key/00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
    const rdsInstances: Record<string, unknown>[] = [];
    const rdsClusters: Record<string, unknown>[] = [];
    const rdsParameterGroups: Record<string, unknown>[] = [];
    regions.forEach((region, r) => {
      rdsParameterGroups.push({
        name: `gen-a${index}-mysql80-tls`,
        region,
        family: 'mysql8.0',
        parameters: { require_secure_transport: '1' },
      });
      const count = Math.max(1, Math.ceil(perRegion / 3));
      for (let k = 0; k < count; k++) {
        const app = pick(apps);
        const postgres = chance(0.5);
        const encrypted = !chance(0.15);
        rdsInstances.push({
          identifier: `gen-a${index}-${app}-${r}-${k}`,
          region,
          engine: postgres ? 'postgres' : 'mysql',
          engineVersion: postgres ? pick(['14.12', '16.3']) : '8.0.39',
          tags: chance(0.4) ? { app, phi: 'true' } : { app },
          storageEncrypted: encrypted,
          ...(encrypted ? { kmsKeyId: keyArn(region) } : {}),
          publiclyAccessible: chance(0.08),
          backupRetentionPeriod: pick([0, 1, 7, 7, 14, 35]),
          ...(!postgres && chance(0.5) ? { parameterGroup: `gen-a${index}-mysql80-tls` } : {}),
        });
      }
      if (chance(0.5)) {
        const encrypted = !chance(0.1);
        const name = `gen-a${index}-aurora-${r}`;
        rdsClusters.push({
          identifier: name,
          region,
          engine: 'aurora-postgresql',
          engineVersion: '16.4',
          tags: { app: 'telehealth', phi: 'true' },
          storageEncrypted: encrypted,
          ...(encrypted ? { kmsKeyId: keyArn(region) } : {}),
          backupRetentionPeriod: pick([1, 7, 14]),
        });
        rdsInstances.push({
          identifier: `${name}-1`,
          region,
          engine: 'aurora-postgresql',
          engineVersion: '16.4',
          cluster: name,
          instanceClass: 'db.r6g.large',
        });
      }
    });
    return { rdsInstances, rdsClusters, rdsParameterGroups };
  },
};
