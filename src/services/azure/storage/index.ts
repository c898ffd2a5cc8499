import { defineService } from '../../../kit';
import { collectStorageAccounts } from './collect';
import { ops } from './operations';
import { storageAccount } from './resource';
import { storageGeoReplicationRegion } from './rules/geo-replication-region';
import { storageHttpsOnly } from './rules/https-only';
import { storageMinTls } from './rules/min-tls';
import { storagePublicBlobAccess } from './rules/public-blob-access';
import { storageSim } from './sim';

/** Azure Storage accounts: one ARM list per subscription. */
export const storage = defineService({
  id: 'azure.storage',
  provider: 'azure',
  service: 'storage',
  title: 'Azure Storage',
  hipaaListName: 'Storage',
  namespace: 'Microsoft.Storage',
  scope: 'global',
  operations: Object.values(ops),
  resources: [storageAccount],
  rules: [storageHttpsOnly, storageMinTls, storagePublicBlobAccess, storageGeoReplicationRegion],
  collect: collectStorageAccounts,
  sim: storageSim,
});
