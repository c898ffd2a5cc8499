import { defineService } from '../../../kit';
import { collectBackup } from './collect';
import { ops } from './operations';
import { recoveryVault } from './resource';
import { backupCrossRegionRestore } from './rules/cross-region-restore';
import { backupGeoReplicaRegion } from './rules/geo-replica-region';
import { backupSim } from './sim';

/** Azure Backup: Recovery Services vaults' backup storage redundancy and Cross Region Restore, through ARM. */
export const backup = defineService({
  id: 'azure.backup',
  provider: 'azure',
  service: 'backup',
  title: 'Azure Backup (Recovery Services vaults)',
  hipaaListName: 'Azure Backup',
  namespace: 'Microsoft.RecoveryServices',
  scope: 'global',
  operations: Object.values(ops),
  resources: [recoveryVault],
  rules: [backupGeoReplicaRegion, backupCrossRegionRestore],
  collect: collectBackup,
  sim: backupSim,
});
