import { azureOperation } from '../../../kit';

/**
 * Every ARM read the Azure SQL collector makes, all on management.azure.com (never a database
 * connection, never a query against the data). api-version 2023-08-01 (the stable Microsoft.Sql
 * version after 2023-05-01-preview, which added 'None' and '1.3' to properties.minimalTlsVersion;
 * Microsoft Learn "API version change log for deployment of Microsoft.Sql/servers"):
 *
 * - Servers_List: properties.minimalTlsVersion ('None', '1.0', '1.1', '1.2', '1.3'; omitted on
 *   servers that never set one) and properties.publicNetworkAccess ('Enabled', 'Disabled',
 *   'SecuredByPerimeter').
 * - FirewallRules_ListByServer: startIpAddress/endIpAddress; 0.0.0.0–0.0.0.0 is the "Allow Azure
 *   services and resources to access this server" rule (AllowAllWindowsAzureIps).
 * - ServerAzureADOnlyAuthentications_ListByServer: one entry named Default, azureADOnlyAuthentication.
 * - ServerBlobAuditingPolicies_Get (auditingSettings/default): state, retentionDays (0 = unlimited),
 *   storageEndpoint, isAzureMonitorTargetEnabled. The storage access key is write-only: ARM never returns it.
 * - EncryptionProtectors_Get (encryptionProtector/current): serverKeyType ServiceManaged | AzureKeyVault.
 * - Databases_ListByServer: databases, with currentBackupStorageRedundancy (Geo, GeoZone, Local, Zone).
 * - TransparentDataEncryptions_Get (transparentDataEncryption/current): state Enabled | Disabled.
 * - ReplicationLinks_ListByServer: every geo-replica link of the server's databases, with
 *   partnerServer, partnerLocation (display name, "Japan East"), role and partnerRole. Databases in a
 *   failover group are geo-replicated through the same links, so failover groups need no extra read.
 */
const SERVER =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Sql/servers/{serverName}';
const API_VERSION = '2023-08-01';

export const ops = {
  listServers: azureOperation({
    id: 'Servers_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Sql/servers',
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/read',
  }),
  listFirewallRules: azureOperation({
    id: 'FirewallRules_ListByServer',
    path: `${SERVER}/firewallRules`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/firewallRules/read',
  }),
  listEntraOnlyAuthentications: azureOperation({
    id: 'ServerAzureADOnlyAuthentications_ListByServer',
    path: `${SERVER}/azureADOnlyAuthentications`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/azureADOnlyAuthentications/read',
  }),
  getAuditing: azureOperation({
    id: 'ServerBlobAuditingPolicies_Get',
    path: `${SERVER}/auditingSettings/default`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/auditingSettings/read',
  }),
  getEncryptionProtector: azureOperation({
    id: 'EncryptionProtectors_Get',
    path: `${SERVER}/encryptionProtector/current`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/encryptionProtector/read',
  }),
  listReplicationLinks: azureOperation({
    id: 'ReplicationLinks_ListByServer',
    path: `${SERVER}/replicationLinks`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/databases/replicationLinks/read',
  }),
  listDatabases: azureOperation({
    id: 'Databases_ListByServer',
    path: `${SERVER}/databases`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/databases/read',
  }),
  getTransparentDataEncryption: azureOperation({
    id: 'TransparentDataEncryptions_Get',
    path: `${SERVER}/databases/{databaseName}/transparentDataEncryption/current`,
    apiVersion: API_VERSION,
    permission: 'Microsoft.Sql/servers/databases/transparentDataEncryption/read',
  }),
};
