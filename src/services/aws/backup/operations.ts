import {
  GetBackupPlanCommand,
  GetBackupSelectionCommand,
  ListBackupPlansCommand,
  ListBackupSelectionsCommand,
  ListBackupVaultsCommand,
} from '@aws-sdk/client-backup';
import { awsOperation } from '../../../kit';

/**
 * Every AWS Backup call the collector makes: plans, selections and vaults; no recovery point is read,
 * restored or copied (StartRestoreJob, GetRecoveryPointRestoreMetadata stay refused).
 */
export const ops = {
  listBackupPlans: awsOperation(ListBackupPlansCommand, 'backup:ListBackupPlans'),
  getBackupPlan: awsOperation(GetBackupPlanCommand, 'backup:GetBackupPlan'),
  listBackupSelections: awsOperation(ListBackupSelectionsCommand, 'backup:ListBackupSelections'),
  getBackupSelection: awsOperation(GetBackupSelectionCommand, 'backup:GetBackupSelection'),
  listBackupVaults: awsOperation(ListBackupVaultsCommand, 'backup:ListBackupVaults'),
};
