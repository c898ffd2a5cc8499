import type { NormalizedResource } from '../../../../kit';
import { storageAccount } from '../resource';

export const STORAGE_ACCOUNT = storageAccount.type;

/** The collector's facts about a storage account; a field left undefined could not be collected. */
export const storageProperties = storageAccount.properties;

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

/** The account's blob service in Bicep (Microsoft.Storage/storageAccounts/blobServices@2023-05-01). */
export function bicepBlobService(properties: string): string {
  return `resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' = {
  parent: phiStorage // the existing account: resource phiStorage '…/storageAccounts@2023-05-01' existing = { name: storageAccountName }
  name: 'default'
  properties: {
${properties}
  }
}`;
}

/** Whether the blob-service rules apply: FileStorage accounts have no blob service. */
export function hasBlobService(resource: NormalizedResource): boolean {
  return storageProperties(resource).kind !== 'FileStorage';
}
