import { azureOperation } from '../../../kit';

/**
 * Every ARM read the storage collector makes; none reads blob data or account keys (no listKeys,
 * no data-plane call on *.blob.core.windows.net).
 *
 * - StorageAccounts_List, api-version 2026-09-01 (the one the @azure/arm-storage 21 SDK sends):
 *   supportsHttpsTrafficOnly, minimumTlsVersion, allowBlobPublicAccess, allowSharedKeyAccess
 *   ("null is equivalent to true"), networkAcls.defaultAction, publicNetworkAccess, encryption
 *   (keySource, requireInfrastructureEncryption) and secondaryLocation where an account set them.
 * - BlobServices_GetServiceProperties (…/blobServices/default, StorageAccountProperties
 *   BlobServiceProperties): deleteRetentionPolicy {enabled, days}, containerDeleteRetentionPolicy
 *   {enabled, days}, isVersioningEnabled ("Versioning is enabled if set to true"; omitted until set).
 * - BlobContainers_List (…/blobServices/default/containers, ListContainerItems: value[] + nextLink
 *   when the list exceeds the page size): properties.publicAccess 'None' | 'Blob' | 'Container'.
 *   Container metadata only; no blob is listed or read.
 * - DiagnosticSettings_List on the blob service, api-version 2021-05-01-preview (Microsoft.Insights
 *   {resourceUri}/providers/Microsoft.Insights/diagnosticSettings; not paged): logs[] by category
 *   (StorageRead, StorageWrite, StorageDelete) or categoryGroup ('audit', 'allLogs').
 */
export const ops = {
  listAccounts: azureOperation({
    id: 'StorageAccounts_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts',
    apiVersion: '2026-09-01',
    permission: 'Microsoft.Storage/storageAccounts/read',
  }),
  getBlobService: azureOperation({
    id: 'BlobServices_GetServiceProperties',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}/blobServices/default',
    apiVersion: '2026-09-01',
    permission: 'Microsoft.Storage/storageAccounts/blobServices/read',
  }),
  listContainers: azureOperation({
    id: 'BlobContainers_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/containers',
    apiVersion: '2026-09-01',
    permission: 'Microsoft.Storage/storageAccounts/blobServices/containers/read',
  }),
  listBlobDiagnosticSettings: azureOperation({
    id: 'DiagnosticSettings_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}/blobServices/default/providers/Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    permission: 'Microsoft.Insights/DiagnosticSettings/Read',
  }),
};
