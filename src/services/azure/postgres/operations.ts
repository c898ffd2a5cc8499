import { azureOperation } from '../../../kit';

/**
 * Every ARM read the PostgreSQL flexible server collector makes, all on management.azure.com (never
 * a database connection). api-version 2024-08-01 (Microsoft Learn REST reference, "Servers - List"
 * for PostgreSQL flexible servers, and the Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01
 * template reference): a server reports network.publicNetworkAccess ('Enabled' | 'Disabled';
 * Disabled for servers integrated into a virtual network), backup.geoRedundantBackup ('Enabled' |
 * 'Disabled') and dataEncryption.type ('SystemManaged' | 'AzureKeyVault', with primaryKeyURI).
 * Firewall rules carry startIpAddress/endIpAddress; 0.0.0.0–0.0.0.0 is the portal's "Allow public
 * access from any Azure service within Azure to this server". Server parameters are read one by
 * one with Configurations_Get (properties.value, defaultValue, source): require_secure_transport
 * and ssl_min_protocol_version. Nothing here reads data, credentials or connection strings.
 */
const SERVER =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforPostgreSQL/flexibleServers/{serverName}';
const API_VERSION = '2024-08-01';

export const ops = {
  listServers: azureOperation({
    id: 'Servers_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.DBforPostgreSQL/flexibleServers',
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforPostgreSQL/flexibleServers/read',
  }),
  listFirewallRules: azureOperation({
    id: 'FirewallRules_ListByServer',
    path: `${SERVER}/firewallRules`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules/read',
  }),
  getConfiguration: azureOperation({
    id: 'Configurations_Get',
    path: `${SERVER}/configurations/{configurationName}`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations/read',
  }),
};

/** The server parameters the rules read, each with one Configurations_Get. */
export const CONFIGURATIONS = ['require_secure_transport', 'ssl_min_protocol_version'] as const;
