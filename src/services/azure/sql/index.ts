import { defineService } from '../../../kit';
import { collectSqlServers } from './collect';
import { ops } from './operations';
import { sqlDatabase, sqlServer } from './resource';
import { sqlAuditing } from './rules/auditing';
import { sqlEntraOnlyAuth } from './rules/entra-only-auth';
import { sqlFirewallAllowsAllAzure } from './rules/firewall-allows-all-azure';
import { sqlFirewallOpenToInternet } from './rules/firewall-open-to-internet';
import { sqlGeoBackupRegion } from './rules/geo-backup-region';
import { sqlGeoReplicaRegion } from './rules/geo-replica-region';
import { sqlMinTls } from './rules/min-tls';
import { sqlTransparentDataEncryption } from './rules/tde';
import { sqlTdeCustomerManagedKey } from './rules/tde-customer-managed-key';
import { sqlSim } from './sim';

/**
 * Azure SQL Database: logical servers by subscription, their firewall, authentication, auditing,
 * TDE protector and geo-replication settings, and their databases' TDE and backup redundancy, all
 * through ARM (no connection to any database).
 */
export const sql = defineService({
  id: 'azure.sql',
  provider: 'azure',
  service: 'sql',
  title: 'Azure SQL Database',
  hipaaListName: 'SQL Database',
  namespace: 'Microsoft.Sql',
  scope: 'global',
  operations: Object.values(ops),
  resources: [sqlServer, sqlDatabase],
  rules: [
    sqlMinTls,
    sqlFirewallOpenToInternet,
    sqlFirewallAllowsAllAzure,
    sqlEntraOnlyAuth,
    sqlAuditing,
    sqlTransparentDataEncryption,
    sqlTdeCustomerManagedKey,
    sqlGeoReplicaRegion,
    sqlGeoBackupRegion,
  ],
  collect: collectSqlServers,
  sim: sqlSim,
});
