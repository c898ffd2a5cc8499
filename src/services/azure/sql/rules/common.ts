import type { NormalizedResource } from '../../../../kit';
import { sqlDatabase, sqlServer } from '../resource';

export const SQL_SERVER = sqlServer.type;
export const SQL_DATABASE = sqlDatabase.type;

/** The collector's facts about a server / database; a field left undefined could not be collected. */
export const serverProperties = sqlServer.properties;
export const databaseProperties = sqlDatabase.properties;

/** "SQL server nwv-sql-telehealth", the subject of every server detail message. */
export function serverLabel(resource: NormalizedResource): string {
  return `SQL server ${resource.name}`;
}

/** "SQL database telehealth-notes on server nwv-sql-telehealth" */
export function databaseLabel(resource: NormalizedResource): string {
  const { serverName } = databaseProperties(resource);
  return serverName
    ? `SQL database ${resource.name} on server ${serverName}`
    : `SQL database ${resource.name}`;
}

/** A hardened logical server in Bicep (Microsoft.Sql/servers@2023-08-01); `extra` adds properties. */
export function bicepServer(extra = ''): string {
  return `resource sqlServer 'Microsoft.Sql/servers@2023-08-01' = {
  name: serverName
  location: location
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
    administrators: {
      administratorType: 'ActiveDirectory'
      azureADOnlyAuthentication: true
      principalType: 'Group'
      login: entraAdminGroupName
      sid: entraAdminGroupObjectId
      tenantId: tenant().tenantId
    }${extra}
  }
}`;
}

/** A hardened azurerm_mssql_server (azurerm provider 4.x argument names); `extra` adds arguments. */
export function terraformServer(extra = ''): string {
  return `resource "azurerm_mssql_server" "phi" {
  name                          = var.sql_server_name
  resource_group_name           = azurerm_resource_group.phi.name
  location                      = azurerm_resource_group.phi.location
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false

  azuread_administrator {
    login_username              = var.entra_admin_group_name
    object_id                   = var.entra_admin_group_object_id
    azuread_authentication_only = true
  }

  identity {
    type = "SystemAssigned"
  }${extra}
}`;
}

/**
 * Shared reading of publicNetworkAccess for the firewall rules: 'Disabled' (private endpoints only)
 * and 'SecuredByPerimeter' (a network security perimeter decides) make server firewall rules moot.
 * Returns the passing detail for such a server, or undefined when firewall rules apply.
 */
export function publicAccessClosed(subject: string, publicNetworkAccess: string | null): string | undefined {
  if (publicNetworkAccess === 'Disabled')
    return `${subject} has public network access disabled: its firewall rules admit no one.`;
  if (publicNetworkAccess === 'SecuredByPerimeter')
    return `${subject} is secured by a network security perimeter: its firewall rules do not apply.`;
  return undefined;
}
