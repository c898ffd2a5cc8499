import { defineService } from '../../../kit';
import { collectPostgresServers } from './collect';
import { ops } from './operations';
import { postgresServer } from './resource';
import { postgresCustomerManagedKey } from './rules/customer-managed-key';
import { postgresFirewallAllowsAllAzure } from './rules/firewall-allows-all-azure';
import { postgresFirewallOpenToInternet } from './rules/firewall-open-to-internet';
import { postgresGeoBackupRegion } from './rules/geo-backup-region';
import { postgresMinTls } from './rules/min-tls';
import { postgresSecureTransport } from './rules/secure-transport';
import { postgresSim } from './sim';

/**
 * Azure Database for PostgreSQL flexible servers: servers by subscription, their firewall rules and
 * the TLS server parameters, all through ARM (no connection to any database).
 */
export const postgres = defineService({
  id: 'azure.postgres',
  provider: 'azure',
  service: 'postgres',
  title: 'Azure Database for PostgreSQL flexible server',
  hipaaListName: 'Azure Database for PostgreSQL',
  namespace: 'Microsoft.DBforPostgreSQL',
  scope: 'global',
  operations: Object.values(ops),
  resources: [postgresServer],
  rules: [
    postgresSecureTransport,
    postgresMinTls,
    postgresFirewallOpenToInternet,
    postgresFirewallAllowsAllAzure,
    postgresGeoBackupRegion,
    postgresCustomerManagedKey,
  ],
  collect: collectPostgresServers,
  sim: postgresSim,
});
