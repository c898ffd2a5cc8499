import type { NormalizedResource } from '../../../../kit';
import { cosmosAccount } from '../resource';

export const COSMOS_ACCOUNT = cosmosAccount.type;

/** The collector's facts about an account; a field left undefined could not be collected. */
export const accountProperties = cosmosAccount.properties;

/** "Cosmos DB account nwv-cosmos-wearables", the subject of every detail message. */
export function accountLabel(resource: NormalizedResource): string {
  return `Cosmos DB account ${resource.name}`;
}

/** A hardened account in Bicep (Microsoft.DocumentDB/databaseAccounts@2024-05-15). */
export function bicepAccount(extra = ''): string {
  return `resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: accountName
  location: location
  kind: 'GlobalDocumentDB'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '\${cmkIdentity.id}': {}
    }
  }
  properties: {
    databaseAccountOfferType: 'Standard'
    minimalTlsVersion: 'Tls12'
    disableLocalAuth: true // Entra ID (data-plane RBAC) only: no account keys
    publicNetworkAccess: 'Disabled' // private endpoints only
    isVirtualNetworkFilterEnabled: true
    ipRules: []
    keyVaultKeyUri: cmkKeyUri // versionless key URI in a purge-protected vault
    defaultIdentity: 'UserAssignedIdentity=\${cmkIdentity.id}'
    locations: [
      {
        locationName: 'eastus' // approved regions only
        failoverPriority: 0
        isZoneRedundant: true
      }
      {
        locationName: 'westus2'
        failoverPriority: 1
        isZoneRedundant: false
      }
    ]
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: 'Continuous30Days'
      }
    }${extra}
  }
}`;
}

/** A hardened azurerm_cosmosdb_account (azurerm provider 4.x argument names). */
export function terraformAccount(extra = ''): string {
  return `resource "azurerm_cosmosdb_account" "phi" {
  name                          = var.cosmos_account_name
  location                      = azurerm_resource_group.phi.location
  resource_group_name           = azurerm_resource_group.phi.name
  offer_type                    = "Standard"
  kind                          = "GlobalDocumentDB"
  minimal_tls_version           = "Tls12"
  local_authentication_disabled = true
  public_network_access_enabled = false
  is_virtual_network_filter_enabled = true
  key_vault_key_id              = azurerm_key_vault_key.cosmos.versionless_id
  default_identity_type         = join("=", ["UserAssignedIdentity", azurerm_user_assigned_identity.cmk.id])

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }

  consistency_policy {
    consistency_level = "Session"
  }

  geo_location {
    location          = "eastus" # approved regions only
    failover_priority = 0
  }

  geo_location {
    location          = "westus2"
    failover_priority = 1
  }

  backup {
    type = "Continuous"
    tier = "Continuous30Days"
  }${extra}
}`;
}
