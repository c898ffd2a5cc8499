import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the Azure Backup collector (Recovery Services vaults). No backup item, job or
 * recovery point is read.
 *
 * - Vaults_ListBySubscriptionId, api-version 2024-04-01 (azure-rest-api-specs recoveryservices
 *   stable): vault location and tags (properties.redundancySettings is also reported and kept as
 *   evidence). Paged by nextLink.
 * - BackupResourceStorageConfigsNonCRR_Get, api-version 2023-04-01 (recoveryservicesbackup stable,
 *   path …/backupstorageconfig/vaultstorageconfig): the authoritative backup storage settings:
 *   storageModelType / storageType ('GeoRedundant' | 'LocallyRedundant' | 'ZoneRedundant'),
 *   storageTypeState ('Locked' once items are protected) and crossRegionRestoreFlag.
 */
export const ops = {
  listVaults: azureOperation({
    id: 'Vaults_ListBySubscriptionId',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
    apiVersion: '2024-04-01',
    permission: 'Microsoft.RecoveryServices/vaults/read',
  }),
  getStorageConfig: azureOperation({
    id: 'BackupResourceStorageConfigsNonCRR_Get',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}/backupstorageconfig/vaultstorageconfig',
    apiVersion: '2023-04-01',
    permission: 'Microsoft.RecoveryServices/vaults/backupstorageconfig/read',
  }),
};
