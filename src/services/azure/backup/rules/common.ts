import type { NormalizedResource } from '../../../../kit';
import { recoveryVault } from '../resource';

export const RECOVERY_VAULT = recoveryVault.type;
export const vaultProperties = recoveryVault.properties;

export function vaultLabel(resource: NormalizedResource): string {
  return `Recovery Services vault ${resource.name}`;
}

/** A vault and its backup storage config in Bicep; the storage config must be set before items are protected. */
export function bicepVault(storage: string): string {
  return `resource vault 'Microsoft.RecoveryServices/vaults@2024-04-01' = {
  name: vaultName
  location: location // pick a region whose pair is approved (eastus2 pairs with centralus)
  sku: {
    name: 'RS0'
    tier: 'Standard'
  }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource storageConfig 'Microsoft.RecoveryServices/vaults/backupstorageconfig@2023-04-01' = {
  parent: vault
  name: 'vaultstorageconfig'
  properties: {
${storage}
  }
}`;
}

export function terraformVault(storage: string): string {
  return `resource "azurerm_recovery_services_vault" "phi" {
  name                = var.vault_name
  location            = "eastus2" # pairs with centralus
  resource_group_name = azurerm_resource_group.phi.name
  sku                 = "Standard"
  soft_delete_enabled = true
${storage}
}`;
}
