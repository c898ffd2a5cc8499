import type { DBCluster, DBInstance, Parameter, Tag } from '@aws-sdk/client-rds';
import type { RdsClusterProperties, RdsInstanceProperties, RdsTlsParameter } from './resource';

/**
 * Pure conversions from RDS answers (DescribeDBInstances, DescribeDBClusters, DescribeDBParameters /
 * DescribeDBClusterParameters, DescribeDBInstanceAutomatedBackups) to the resource properties, apart
 * from the calls so they can be tested on plain objects. RDS leaves a field out when it is not set
 * (KmsKeyId on unencrypted storage, ReadReplicaSourceDBInstanceIdentifier on a primary, ParameterValue
 * of a parameter the group does not set).
 */

/** arn:<partition>:rds:<region>:<account>:<db|cluster|auto-backup>:<name> → region; null for a bare identifier. */
export function regionOfRdsArn(reference: string): string | null {
  const match = /^arn:[a-z-]+:rds:([a-z0-9-]+):\d{12}:/.exec(reference);
  return match ? (match[1] as string) : null;
}

/** A replica named by identifier lives in the same region (RDS names cross-region ones by ARN). */
export function replicaRegion(reference: string, ownRegion: string): string {
  return regionOfRdsArn(reference) ?? ownRegion;
}

export function tagsFromTagList(list: readonly Tag[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of list ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

type EngineFamily = 'postgres' | 'aurora-postgresql' | 'sqlserver' | 'mysql' | 'other';

function engineFamily(engine: string): EngineFamily {
  if (engine === 'postgres') return 'postgres';
  if (engine === 'aurora-postgresql') return 'aurora-postgresql';
  if (engine.startsWith('sqlserver')) return 'sqlserver';
  if (engine === 'mysql' || engine === 'mariadb' || engine === 'aurora-mysql' || engine === 'aurora')
    return 'mysql';
  return 'other';
}

/** The parameter that forces TLS on this engine, or null when TLS is not a parameter this check reads. */
export function tlsParameterName(engine: string): 'rds.force_ssl' | 'require_secure_transport' | null {
  const family = engineFamily(engine);
  if (family === 'mysql') return 'require_secure_transport';
  if (family === 'other') return null;
  return 'rds.force_ssl';
}

const majorVersion = (version: string | null): number | null => {
  const major = Number.parseInt(version ?? '', 10);
  return Number.isFinite(major) ? major : null;
};

/** A value that turns the parameter on: '1' for rds.force_ssl; ON/1 (any case) for require_secure_transport. */
export function forcesTls(parameter: string, value: string): boolean {
  const normalized = value.trim().toLowerCase();
  if (parameter === 'rds.force_ssl') return normalized === '1';
  return normalized === 'on' || normalized === '1' || normalized === 'true';
}

/**
 * What the parameter group says about TLS. A group that leaves the parameter unset gets the engine
 * default: RDS for PostgreSQL 15 and later defaults rds.force_ssl to 1; earlier PostgreSQL, Aurora
 * PostgreSQL and SQL Server default it to 0; MySQL and MariaDB default require_secure_transport to OFF.
 */
export function tlsFrom(
  engine: string,
  engineVersion: string | null,
  group: string,
  parameters: readonly Parameter[],
): RdsTlsParameter {
  const parameter = tlsParameterName(engine);
  if (parameter === null)
    return {
      group,
      parameter: null,
      value: null,
      source: null,
      forced: false,
      reading: `engine ${engine} does not force TLS through a parameter this check reads`,
    };
  const listed = parameters.find((each) => each.ParameterName === parameter);
  const value = listed?.ParameterValue ?? null;
  const source = listed?.Source ?? null;
  if (value !== null && value.trim() !== '') {
    const forced = forcesTls(parameter, value);
    const where = source === 'user' ? 'set explicitly' : `its ${source ?? 'listed'} value`;
    return { group, parameter, value, source, forced, reading: `${parameter} = ${value} (${where})` };
  }
  const family = engineFamily(engine);
  const major = majorVersion(engineVersion);
  const defaultOn = family === 'postgres' && major !== null && major >= 15;
  const engineDefault = defaultOn
    ? `RDS for PostgreSQL ${major} defaults it to 1`
    : family === 'mysql'
      ? `${engine} defaults it to OFF`
      : `${engine} defaults it to 0`;
  return {
    group,
    parameter,
    value: null,
    source,
    forced: defaultOn,
    reading: `${parameter} is not set, and ${engineDefault}`,
  };
}

const idsOfSecurityGroups = (groups: readonly { VpcSecurityGroupId?: string | undefined }[] | undefined) =>
  (groups ?? []).flatMap((each) => (each.VpcSecurityGroupId ? [each.VpcSecurityGroupId] : []));

/** DescribeDBInstances' DBInstance → properties, without the TLS parameter (read per group) */
export function instanceFrom(
  instance: DBInstance,
  extraBackupReplicationArns: readonly string[] = [],
): RdsInstanceProperties {
  const replicationArns = [
    ...new Set([
      ...(instance.DBInstanceAutomatedBackupsReplications ?? []).flatMap((each) =>
        each.DBInstanceAutomatedBackupsArn ? [each.DBInstanceAutomatedBackupsArn] : [],
      ),
      ...extraBackupReplicationArns,
    ]),
  ].sort();
  const properties: RdsInstanceProperties = {
    arn: instance.DBInstanceArn ?? '',
    engine: instance.Engine ?? 'unknown',
    engineVersion: instance.EngineVersion ?? null,
    status: instance.DBInstanceStatus ?? null,
    kmsKeyId: instance.KmsKeyId ?? null,
    vpcSecurityGroupIds: idsOfSecurityGroups(instance.VpcSecurityGroups),
    readReplicas: [
      ...(instance.ReadReplicaDBInstanceIdentifiers ?? []),
      ...(instance.ReadReplicaDBClusterIdentifiers ?? []),
    ],
    replicaSource:
      instance.ReadReplicaSourceDBInstanceIdentifier ?? instance.ReadReplicaSourceDBClusterIdentifier ?? null,
    clusterIdentifier: instance.DBClusterIdentifier ?? null,
    endpointAddress: instance.Endpoint?.Address ?? null,
    port: instance.Endpoint?.Port ?? null,
    backupReplications: replicationArns.map((arn) => ({ arn, region: regionOfRdsArn(arn) })),
  };
  if (instance.StorageEncrypted !== undefined) properties.storageEncrypted = instance.StorageEncrypted;
  if (instance.PubliclyAccessible !== undefined) properties.publiclyAccessible = instance.PubliclyAccessible;
  if (instance.BackupRetentionPeriod !== undefined)
    properties.backupRetentionPeriod = instance.BackupRetentionPeriod;
  return properties;
}

/** DescribeDBClusters' DBCluster → properties, without the TLS parameter (read per group) */
export function clusterFrom(cluster: DBCluster): RdsClusterProperties {
  const properties: RdsClusterProperties = {
    arn: cluster.DBClusterArn ?? '',
    engine: cluster.Engine ?? 'unknown',
    engineVersion: cluster.EngineVersion ?? null,
    status: cluster.Status ?? null,
    kmsKeyId: cluster.KmsKeyId ?? null,
    vpcSecurityGroupIds: idsOfSecurityGroups(cluster.VpcSecurityGroups),
    readReplicas: [...(cluster.ReadReplicaIdentifiers ?? [])],
    replicaSource: cluster.ReplicationSourceIdentifier ?? null,
    engineMode: cluster.EngineMode ?? null,
    members: (cluster.DBClusterMembers ?? []).flatMap((each) =>
      each.DBInstanceIdentifier ? [each.DBInstanceIdentifier] : [],
    ),
    globalClusterIdentifier: cluster.GlobalClusterIdentifier ?? null,
  };
  if (cluster.StorageEncrypted !== undefined) properties.storageEncrypted = cluster.StorageEncrypted;
  if (cluster.BackupRetentionPeriod !== undefined)
    properties.backupRetentionPeriod = cluster.BackupRetentionPeriod;
  return properties;
}
