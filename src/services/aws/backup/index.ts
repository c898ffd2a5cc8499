import { BackupClient } from '@aws-sdk/client-backup';
import { defineService } from '../../../kit';
import { collectBackupPlans } from './collect';
import { ops } from './operations';
import { backupPlan } from './resource';
import { backupCopyOtherAccount } from './rules/copy-other-account';
import { backupCopyRegion } from './rules/copy-region';
import { backupSim } from './sim';

/** AWS Backup: plans per region with their rules, copy actions and selections, and the vaults' keys. */
export const awsBackup = defineService({
  id: 'aws.backup',
  provider: 'aws',
  service: 'backup',
  title: 'AWS Backup',
  hipaaListName: 'backup',
  scope: 'regional',
  client: BackupClient,
  operations: Object.values(ops),
  resources: [backupPlan],
  rules: [backupCopyRegion, backupCopyOtherAccount],
  collect: collectBackupPlans,
  sim: backupSim,
});
