import { z } from 'zod';
import { defineResourceType } from '../../../kit';

const copyActionSchema = z.object({
  destinationVaultArn: z.string(),
  /** Region and account read from the vault ARN (arn:<partition>:backup:<region>:<account>:backup-vault:<name>) */
  region: z.string().nullable(),
  accountId: z.string().nullable(),
  deleteAfterDays: z.number().nullable(),
});

const ruleSchema = z.object({
  name: z.string(),
  targetVault: z.string(),
  /** EncryptionKeyArn of the target vault, from ListBackupVaults; null when the vault was not listed */
  targetVaultKeyArn: z.string().nullable(),
  schedule: z.string().nullable(),
  deleteAfterDays: z.number().nullable(),
  continuousBackup: z.boolean(),
  copyActions: z.array(copyActionSchema),
});

/** One backup selection: what the plan protects, as written (resources, exclusions, tag conditions). */
const selectionSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Resources: ARNs or ARN patterns with wildcards ('arn:aws:rds:*:*:db:*', '*') */
  resources: z.array(z.string()),
  notResources: z.array(z.string()),
  /** ListOfTags (OR-ed STRINGEQUALS) and Conditions (AND-ed), as 'key operator value' */
  tagConditions: z.array(
    z.object({
      source: z.enum(['ListOfTags', 'Conditions']),
      operator: z.string(),
      key: z.string(),
      value: z.string(),
    }),
  ),
});

/**
 * resource.type 'aws.backup.plan'; nativeId = BackupPlanArn; name = BackupPlanName; region = the
 * plan's region (plans are regional). A property that could not be collected is absent.
 */
export const planSchema = z.object({
  planId: z.string(),
  versionId: z.string().nullable(),
  /** GetBackupPlan: the rules with their copy actions; absent when the call failed */
  rules: z.array(ruleSchema).optional(),
  /** ListBackupSelections + GetBackupSelection; absent unless every selection was read */
  selections: z.array(selectionSchema).optional(),
});

export type BackupPlanProperties = z.infer<typeof planSchema>;
export type BackupCopyAction = z.infer<typeof copyActionSchema>;
export type BackupSelectionProperties = z.infer<typeof selectionSchema>;

export const backupPlan = defineResourceType('aws.backup.plan', 'AWS Backup plan', planSchema);
