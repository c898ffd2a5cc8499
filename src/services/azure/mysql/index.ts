import { defineService } from '../../../kit';
import { collectMySqlServers } from './collect';
import { ops } from './operations';
import { mysqlServer } from './resource';
import { mysqlCustomerManagedKey } from './rules/customer-managed-key';
import { mysqlFirewallAllowsAllAzure } from './rules/firewall-allows-all-azure';
import { mysqlFirewallOpenToInternet } from './rules/firewall-open-to-internet';
import { mysqlGeoBackupRegion } from './rules/geo-backup-region';
import { mysqlMinTls } from './rules/min-tls';
import { mysqlSecureTransport } from './rules/secure-transport';
import { mysqlSim } from './sim';

/**
 * Azure Database for MySQL flexible servers: servers by subscription, their firewall rules and
 * the TLS server parameters, all through ARM (no connection to any database).
 */
export const mysql = defineService({
  id: 'azure.mysql',
  provider: 'azure',
  service: 'mysql',
  title: 'Azure Database for MySQL flexible server',
  hipaaListName: 'Azure Database for MySQL',
  namespace: 'Microsoft.DBforMySQL',
  scope: 'global',
  operations: Object.values(ops),
  resources: [mysqlServer],
  rules: [
    mysqlSecureTransport,
    mysqlMinTls,
    mysqlFirewallOpenToInternet,
    mysqlFirewallAllowsAllAzure,
    mysqlGeoBackupRegion,
    mysqlCustomerManagedKey,
  ],
  collect: collectMySqlServers,
  sim: mysqlSim,
});
