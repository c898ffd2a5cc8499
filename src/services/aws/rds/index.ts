import { RDSClient } from '@aws-sdk/client-rds';
import { defineService } from '../../../kit';
import { collectRds } from './collect';
import { ops } from './operations';
import { rdsCluster, rdsInstance } from './resource';
import { rdsClusterBackupRetention, rdsInstanceBackupRetention } from './rules/backup-retention';
import { rdsInstancePublic } from './rules/instance-public';
import { rdsClusterReplicaRegion, rdsInstanceReplicaRegion } from './rules/replica-region';
import { rdsClusterStorageEncrypted, rdsInstanceStorageEncrypted } from './rules/storage-encrypted';
import { rdsClusterTlsForced, rdsInstanceTlsForced } from './rules/tls-forced';
import { rdsSim } from './sim';

/**
 * Amazon RDS and Aurora: DB instances and DB clusters per region, with the TLS parameter of their
 * parameter groups and their replicas; configuration only, no database connection.
 */
export const rds = defineService({
  id: 'aws.rds',
  provider: 'aws',
  service: 'rds',
  title: 'Amazon Relational Database Service (RDS and Aurora)',
  hipaaListName: 'rds',
  scope: 'regional',
  client: RDSClient,
  operations: Object.values(ops),
  resources: [rdsInstance, rdsCluster],
  rules: [
    rdsInstanceStorageEncrypted,
    rdsClusterStorageEncrypted,
    rdsInstancePublic,
    rdsInstanceTlsForced,
    rdsClusterTlsForced,
    rdsInstanceBackupRetention,
    rdsClusterBackupRetention,
    rdsInstanceReplicaRegion,
    rdsClusterReplicaRegion,
  ],
  collect: collectRds,
  sim: rdsSim,
});
