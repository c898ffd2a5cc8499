import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * The parameter that makes the engine refuse connections without TLS, as the DB (cluster)
 * parameter group holds it. Absent from a resource when the group could not be read.
 */
export const tlsParameterSchema = z.object({
  /** The parameter group read (DBParameterGroups[0] / DBClusterParameterGroup) */
  group: z.string(),
  /**
   * 'rds.force_ssl' (PostgreSQL, Aurora PostgreSQL, SQL Server) or 'require_secure_transport'
   * (MySQL, MariaDB, Aurora MySQL); null for engines whose TLS is not set by a parameter this
   * check knows (Oracle: the SSL option of an option group; Db2; Neptune; DocumentDB).
   */
  parameter: z.string().nullable(),
  /** ParameterValue as answered; null when the group leaves it unset (the engine default applies) */
  value: z.string().nullable(),
  /** The parameter's Source: 'user' (set in this group), 'engine-default' or 'system'; null when not listed */
  source: z.string().nullable(),
  /** True when the value (or the documented engine default where unset) forces TLS */
  forced: z.boolean(),
  /** Why forced is what it is, for the detail message ('set to 1 in the group', 'unset; MySQL defaults it to OFF') */
  reading: z.string(),
});

const commonSchema = {
  /** DBInstanceArn / DBClusterArn */
  arn: z.string(),
  /** 'postgres', 'mysql', 'mariadb', 'aurora-postgresql', 'aurora-mysql', 'sqlserver-se', 'oracle-ee', … */
  engine: z.string(),
  engineVersion: z.string().nullable(),
  status: z.string().nullable(),
  /** StorageEncrypted; absent when the answer left it out */
  storageEncrypted: z.boolean().optional(),
  /** KmsKeyId: the key ARN, present only when the storage is encrypted */
  kmsKeyId: z.string().nullable(),
  /** BackupRetentionPeriod in days (0 = automated backups off; Aurora clusters 1–35) */
  backupRetentionPeriod: z.number().optional(),
  /** VpcSecurityGroups[].VpcSecurityGroupId */
  vpcSecurityGroupIds: z.array(z.string()),
  /** Read replicas as RDS names them: an identifier (same region) or an ARN (another region) */
  readReplicas: z.array(z.string()),
  /** The source this resource replicates from (identifier or ARN), null when it is not a replica */
  replicaSource: z.string().nullable(),
  tls: tlsParameterSchema.optional(),
};

/**
 * resource.type 'aws.rds.instance'; nativeId = DBInstanceArn; name = DBInstanceIdentifier. Tags come
 * with DescribeDBInstances (TagList), so there is no separate tag call to fail.
 */
export const instanceSchema = z.object({
  ...commonSchema,
  /** DBClusterIdentifier: set for Aurora and Multi-AZ DB cluster members, whose storage, backups and TLS parameter belong to the cluster */
  clusterIdentifier: z.string().nullable(),
  /** PubliclyAccessible: the endpoint resolves to a public IP address (reachability still depends on security groups and routes) */
  publiclyAccessible: z.boolean().optional(),
  /** Endpoint.Address, null while the instance is being created */
  endpointAddress: z.string().nullable(),
  /** Endpoint.Port: the listener port security groups must admit; absent from older workspaces */
  port: z.number().nullable().optional(),
  /** Regions (from the ARNs) holding replicated automated backups of this instance */
  backupReplications: z.array(z.object({ arn: z.string(), region: z.string().nullable() })).optional(),
});

/**
 * resource.type 'aws.rds.cluster'; nativeId = DBClusterArn; name = DBClusterIdentifier. Aurora keeps
 * its storage, backups and TLS parameter on the cluster; Multi-AZ DB clusters too.
 */
export const clusterSchema = z.object({
  ...commonSchema,
  /** EngineMode: 'provisioned', 'serverless', … (null for Multi-AZ DB clusters, which leave it out) */
  engineMode: z.string().nullable(),
  /** DBClusterMembers[].DBInstanceIdentifier */
  members: z.array(z.string()),
  /** GlobalClusterIdentifier: a member of an Aurora global database */
  globalClusterIdentifier: z.string().nullable(),
});

export type RdsInstanceProperties = z.infer<typeof instanceSchema>;
export type RdsClusterProperties = z.infer<typeof clusterSchema>;
export type RdsTlsParameter = z.infer<typeof tlsParameterSchema>;

export const rdsInstance = defineResourceType('aws.rds.instance', 'RDS DB instance', instanceSchema);
export const rdsCluster = defineResourceType('aws.rds.cluster', 'RDS DB cluster', clusterSchema);
