import { azureOperation } from '../../../kit';

/**
 * Every ARM read the storage collector makes. api-version 2026-09-01 is the one the
 * @azure/arm-storage 21 SDK sends; it reports supportsHttpsTrafficOnly, minimumTlsVersion,
 * allowBlobPublicAccess and secondaryLocation where an account set them.
 */
export const ops = {
  listAccounts: azureOperation({
    id: 'StorageAccounts_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts',
    apiVersion: '2026-09-01',
    permission: 'Microsoft.Storage/storageAccounts/read',
  }),
};
