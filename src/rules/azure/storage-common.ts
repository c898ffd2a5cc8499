import type { NormalizedResource } from '../../kit/model';
import type { StorageAccountProperties } from '../../assess/collectors/properties';

export const STORAGE_ACCOUNT = 'azure.storage.account';

/**
 * The collector's facts about a storage account; an optional field left undefined could not be
 * collected. Read as Partial: a workspace from an older collector may lack any field.
 */
export function storageProperties(resource: NormalizedResource): Partial<StorageAccountProperties> {
  return resource.properties as Partial<StorageAccountProperties>;
}

/** "Storage account nwphiexports", the subject of every storage detail message. */
export function accountLabel(resource: NormalizedResource): string {
  return `Storage account ${resource.name}`;
}

/** A complete storage account in Bicep, the base each remediation snippet adjusts. */
export function bicepAccount(properties: string, sku = "'Standard_GRS'"): string {
  return `resource phiStorage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: storageAccountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: ${sku}
  }
  properties: {
${properties}
  }
}`;
}

/** A complete azurerm_storage_account (azurerm provider 4.x argument names). */
export function terraformAccount(settings: string, replication = '"GRS"'): string {
  return `resource "azurerm_storage_account" "phi" {
  name                     = var.storage_account_name
  resource_group_name      = azurerm_resource_group.phi.name
  location                 = azurerm_resource_group.phi.location
  account_tier             = "Standard"
  account_replication_type = ${replication}
${settings}
}`;
}
