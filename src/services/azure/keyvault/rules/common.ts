import type { NormalizedResource } from '../../../../kit';
import { keyVault, keyVaultKey, keyVaultSecret } from '../resource';

export const KEY_VAULT = keyVault.type;
export const KEY_VAULT_KEY = keyVaultKey.type;
export const KEY_VAULT_SECRET = keyVaultSecret.type;

/** The collector's facts about a vault / key; a field left undefined could not be collected. */
export const vaultProperties = keyVault.properties;
export const keyProperties = keyVaultKey.properties;
export const secretProperties = keyVaultSecret.properties;

/** "Key vault nwv-kv-telehealth", the subject of every vault detail message. */
export function vaultLabel(resource: NormalizedResource): string {
  return `Key vault ${resource.name}`;
}

/** "Key telehealth-notes-cmk in vault nwv-kv-telehealth", the subject of every key detail message. */
export function keyLabel(resource: NormalizedResource): string {
  const { vaultName } = keyProperties(resource);
  return vaultName ? `Key ${resource.name} in vault ${vaultName}` : `Key ${resource.name}`;
}

/** "Secret db-password in vault nwv-kv-telehealth", the subject of every secret detail message. */
export function secretLabel(resource: NormalizedResource): string {
  const { vaultName } = secretProperties(resource);
  return vaultName ? `Secret ${resource.name} in vault ${vaultName}` : `Secret ${resource.name}`;
}

/** A complete vault in Bicep (Microsoft.KeyVault/vaults@2023-07-01), the base each snippet adjusts. */
export function bicepVault(properties: string): string {
  return `resource phiVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'premium'
    }
    enableRbacAuthorization: true
${properties}
  }
}`;
}

/** A complete azurerm_key_vault (azurerm provider 4.x argument names). */
export function terraformVault(settings: string): string {
  return `resource "azurerm_key_vault" "phi" {
  name                = var.key_vault_name
  location            = azurerm_resource_group.phi.location
  resource_group_name = azurerm_resource_group.phi.name
  tenant_id           = data.azurerm_client_config.current.tenant_id
  sku_name            = "premium"
${settings}
}`;
}

/** A Bicep key with a rotation policy (Microsoft.KeyVault/vaults/keys@2023-07-01). */
export const bicepRotatingKey = `resource phiKey 'Microsoft.KeyVault/vaults/keys@2023-07-01' = {
  parent: phiVault
  name: keyName
  properties: {
    kty: 'RSA-HSM'
    keySize: 3072
    attributes: {
      enabled: true
      exp: keyExpiresUnixSeconds // a param defaulting to dateTimeToEpoch(dateTimeAdd(utcNow(), 'P1Y'))
    }
    rotationPolicy: {
      attributes: {
        expiryTime: 'P1Y'
      }
      lifetimeActions: [
        {
          trigger: {
            timeAfterCreate: 'P90D'
          }
          action: {
            type: 'Rotate'
          }
        }
        {
          trigger: {
            timeBeforeExpiry: 'P30D'
          }
          action: {
            type: 'Notify'
          }
        }
      ]
    }
  }
}`;

/** An azurerm_key_vault_key with expiry and rotation policy (azurerm 4.x). */
export const terraformRotatingKey = `resource "azurerm_key_vault_key" "phi" {
  name            = var.key_name
  key_vault_id    = azurerm_key_vault.phi.id
  key_type        = "RSA-HSM"
  key_size        = 3072
  key_opts        = ["wrapKey", "unwrapKey"]
  expiration_date = timeadd(timestamp(), "8760h") # pin it (lifecycle ignore_changes) once set

  rotation_policy {
    automatic {
      time_after_creation = "P90D"
    }
    expire_after         = "P1Y"
    notify_before_expiry = "P30D"
  }
}`;
