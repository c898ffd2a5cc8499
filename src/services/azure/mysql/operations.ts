import { azureOperation } from '../../../kit';

/**
 * Every ARM read the MySQL flexible server collector makes, all on management.azure.com (never
 * a database connection). api-version 2023-12-30, the stable version after 2023-06-30 (Microsoft
 * Learn REST reference for Azure Database for MySQL flexible servers, "Servers - List", and the
 * Microsoft.DBforMySQL/flexibleServers template reference; network.publicNetworkAccess is absent
 * from 2021-05-01): a server reports network.publicNetworkAccess ('Enabled' | 'Disabled';
 * Disabled for servers integrated into a virtual network), backup.geoRedundantBackup ('Enabled' |
 * 'Disabled') and dataEncryption.type ('SystemManaged' | 'AzureKeyVault', with primaryKeyURI).
 * Firewall rules carry startIpAddress/endIpAddress; 0.0.0.0–0.0.0.0 is the portal's "Allow public
 * access from any Azure service within Azure to this server". Server parameters are read one by
 * one with Configurations_Get (properties.value, defaultValue, allowedValues, source):
 * require_secure_transport ('ON' | 'OFF') and tls_version (a comma list such as 'TLSv1.2,TLSv1.3'). Nothing here reads data, credentials or connection strings.
 */
const SERVER =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.DBforMySQL/flexibleServers/{serverName}';
const API_VERSION = '2023-12-30';

export const ops = {
  listServers: azureOperation({
    id: 'Servers_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.DBforMySQL/flexibleServers',
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforMySQL/flexibleServers/read',
  }),
  listFirewallRules: azureOperation({
    id: 'FirewallRules_ListByServer',
    path: `${SERVER}/firewallRules`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforMySQL/flexibleServers/firewallRules/read',
  }),
  getConfiguration: azureOperation({
    id: 'Configurations_Get',
    path: `${SERVER}/configurations/{configurationName}`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.DBforMySQL/flexibleServers/configurations/read',
  }),
};

/** The server parameters the rules read, each with one Configurations_Get. */
export const CONFIGURATIONS = ['require_secure_transport', 'tls_version'] as const;
