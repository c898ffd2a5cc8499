import { defineService } from '../../../kit';
import { collectStorageAccounts } from './collect';
import { ops } from './operations';
import { storageAccount } from './resource';
import { storageGeoReplicationRegion } from './rules/geo-replication-region';
import { storageHttpsOnly } from './rules/https-only';
import { storageMinTls } from './rules/min-tls';
import { storagePublicBlobAccess } from './rules/public-blob-access';
import { storageBlobReadLogging } from './rules/blob-read-logging';
import {
  storageBlobSoftDelete,
  storageBlobVersioning,
  storageContainerSoftDelete,
} from './rules/data-protection';
import { storageNetworkDefaultAction } from './rules/network-default-action';
import { storagePhiEncryption } from './rules/phi-encryption';
import { storagePublicContainers } from './rules/public-containers';
import { storageSharedKeyAccess } from './rules/shared-key-access';
import { storageSim } from './sim';

/** Azure Storage accounts: one ARM list per subscription, then each account's blob service (properties, containers, diagnostic settings). */
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
  rules: [
    storageHttpsOnly,
    storageMinTls,
    storagePublicBlobAccess,
    storageGeoReplicationRegion,
    storagePublicContainers,
    storageSharedKeyAccess,
    storagePhiEncryption,
    storageNetworkDefaultAction,
    storageBlobSoftDelete,
    storageContainerSoftDelete,
    storageBlobVersioning,
    storageBlobReadLogging,
  ],
  collect: collectStorageAccounts,
  sim: storageSim,
});
