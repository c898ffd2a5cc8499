import type { NormalizedResource } from '../../../../kit';
import { mysqlServer } from '../resource';

export const MYSQL_SERVER = mysqlServer.type;

/** The collector's facts about a server; a field left undefined could not be collected. */
export const serverProperties = mysqlServer.properties;

/** "MySQL server nwv-mysql-support", the subject of every detail message. */
export function serverLabel(resource: NormalizedResource): string {
  return `MySQL server ${resource.name}`;
}

/** A hardened flexible server in Bicep (Microsoft.DBforMySQL/flexibleServers@2023-12-30). */
export function bicepServer(
  backupAndEncryption = `    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled' // 'Enabled' only when the paired region is approved
    }`,
): string {
  return `resource mysqlServer 'Microsoft.DBforMySQL/flexibleServers@2023-12-30' = {
  name: serverName
  location: location
  sku: {
    name: 'Standard_D2ds_v4'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '\${cmkIdentity.id}': {}
    }
  }
  properties: {
    version: '8.0.21'
    network: {
      publicNetworkAccess: 'Disabled' // reach it through a private endpoint
    }
${backupAndEncryption}
  }
}

resource requireSecureTransport 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: mysqlServer
  name: 'require_secure_transport'
  properties: {
    value: 'ON'
    source: 'user-override'
  }
}

resource tlsVersion 'Microsoft.DBforMySQL/flexibleServers/configurations@2023-12-30' = {
  parent: mysqlServer
  name: 'tls_version'
  properties: {
    value: 'TLSv1.2,TLSv1.3'
    source: 'user-override'
  }
  dependsOn: [
    requireSecureTransport
  ]
}`;
}

/** A hardened azurerm_mysql_flexible_server (azurerm provider 4.x argument names). */
export function terraformServer(extra = ''): string {
  return `resource "azurerm_mysql_flexible_server" "phi" {
  name                         = var.mysql_server_name
  resource_group_name          = azurerm_resource_group.phi.name
  location                     = azurerm_resource_group.phi.location
  version                      = "8.0.21"
  sku_name                     = "GP_Standard_D2ds_v4"
  backup_retention_days        = 35
  geo_redundant_backup_enabled = false # true only when the paired region is approved
  # Public access: leave delegated_subnet_id unset and add a private endpoint; no firewall rules.${extra}
}

resource "azurerm_mysql_flexible_server_configuration" "require_secure_transport" {
  name                = "require_secure_transport"
  resource_group_name = azurerm_resource_group.phi.name
  server_name         = azurerm_mysql_flexible_server.phi.name
  value               = "ON"
}

resource "azurerm_mysql_flexible_server_configuration" "tls_version" {
  name                = "tls_version"
  resource_group_name = azurerm_resource_group.phi.name
  server_name         = azurerm_mysql_flexible_server.phi.name
  value               = "TLSv1.2,TLSv1.3"
}`;
}

/**
 * Public network access 'Disabled' (private endpoint or virtual network integration) makes the
 * firewall rules moot. Returns the passing detail for such a server, or undefined when they apply.
 */
export function publicAccessClosed(subject: string, publicNetworkAccess: string | null): string | undefined {
  if (publicNetworkAccess === 'Disabled')
    return `${subject} has public network access disabled: its firewall rules admit no one.`;
  return undefined;
}
