import type { NormalizedResource } from '../../../../kit';
import { postgresServer } from '../resource';

export const POSTGRES_SERVER = postgresServer.type;

/** The collector's facts about a server; a field left undefined could not be collected. */
export const serverProperties = postgresServer.properties;

/** "PostgreSQL server nwv-pg-orders", the subject of every detail message. */
export function serverLabel(resource: NormalizedResource): string {
  return `PostgreSQL server ${resource.name}`;
}

/** A hardened flexible server in Bicep (Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01). */
export function bicepServer(
  backupAndEncryption = `    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled' // 'Enabled' only when the paired region is approved
    }`,
): string {
  return `resource pgServer 'Microsoft.DBforPostgreSQL/flexibleServers@2024-08-01' = {
  name: serverName
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '\${cmkIdentity.id}': {}
    }
  }
  properties: {
    version: '16'
    authConfig: {
      activeDirectoryAuth: 'Enabled'
      passwordAuth: 'Disabled'
      tenantId: tenant().tenantId
    }
    network: {
      publicNetworkAccess: 'Disabled' // reach it through a private endpoint
    }
${backupAndEncryption}
  }
}

resource requireSecureTransport 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: pgServer
  name: 'require_secure_transport'
  properties: {
    value: 'on'
    source: 'user-override'
  }
}

resource sslMinProtocolVersion 'Microsoft.DBforPostgreSQL/flexibleServers/configurations@2024-08-01' = {
  parent: pgServer
  name: 'ssl_min_protocol_version'
  properties: {
    value: 'TLSv1.2'
    source: 'user-override'
  }
  dependsOn: [
    requireSecureTransport
  ]
}`;
}

/** A hardened azurerm_postgresql_flexible_server (azurerm provider 4.x argument names). */
export function terraformServer(extra = ''): string {
  return `resource "azurerm_postgresql_flexible_server" "phi" {
  name                          = var.postgres_server_name
  resource_group_name           = azurerm_resource_group.phi.name
  location                      = azurerm_resource_group.phi.location
  version                       = "16"
  sku_name                      = "GP_Standard_D2ds_v5"
  public_network_access_enabled = false
  backup_retention_days         = 35
  geo_redundant_backup_enabled  = false # true only when the paired region is approved

  authentication {
    active_directory_auth_enabled = true
    password_auth_enabled         = false
  }${extra}
}

resource "azurerm_postgresql_flexible_server_configuration" "require_secure_transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.phi.id
  value     = "on"
}

resource "azurerm_postgresql_flexible_server_configuration" "ssl_min_protocol_version" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.phi.id
  value     = "TLSv1.2"
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
