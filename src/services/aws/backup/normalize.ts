import type { BackupRule, BackupSelection } from '@aws-sdk/client-backup';
import type { BackupCopyAction, BackupPlanProperties, BackupSelectionProperties } from './resource';

/**
 * Pure conversions from AWS Backup answers (GetBackupPlan, GetBackupSelection, ListBackupVaults)
 * to plan properties.
 */

/** arn:<partition>:backup:<region>:<account>:backup-vault:<name> → region and account */
export function vaultArnParts(arn: string): { region: string | null; accountId: string | null } {
  const match = /^arn:[a-z-]+:backup:([a-z0-9-]+):(\d{12}):backup-vault:/.exec(arn);
  return match
    ? { region: match[1] as string, accountId: match[2] as string }
    : { region: null, accountId: null };
}

export function copyActionsOf(rule: BackupRule): BackupCopyAction[] {
  return (rule.CopyActions ?? []).flatMap((action) => {
    if (!action.DestinationBackupVaultArn) return [];
    return [
      {
        destinationVaultArn: action.DestinationBackupVaultArn,
        ...vaultArnParts(action.DestinationBackupVaultArn),
        deleteAfterDays: action.Lifecycle?.DeleteAfterDays ?? null,
      },
    ];
  });
}

export function rulesFrom(
  rules: readonly BackupRule[] | undefined,
  vaultKeys: ReadonlyMap<string, string>,
): NonNullable<BackupPlanProperties['rules']> {
  return (rules ?? []).map((rule) => ({
    name: rule.RuleName ?? '(unnamed rule)',
    targetVault: rule.TargetBackupVaultName ?? '',
    targetVaultKeyArn: vaultKeys.get(rule.TargetBackupVaultName ?? '') ?? null,
    schedule: rule.ScheduleExpression ?? null,
    deleteAfterDays: rule.Lifecycle?.DeleteAfterDays ?? null,
    continuousBackup: rule.EnableContinuousBackup === true,
    copyActions: copyActionsOf(rule),
  }));
}

export function selectionFrom(id: string, selection: BackupSelection): BackupSelectionProperties {
  const conditions = selection.Conditions ?? {};
  return {
    id,
    name: selection.SelectionName ?? id,
    resources: [...(selection.Resources ?? [])],
    notResources: [...(selection.NotResources ?? [])],
    tagConditions: [
      ...(selection.ListOfTags ?? []).map((tag) => ({
        source: 'ListOfTags' as const,
        operator: tag.ConditionType ?? 'STRINGEQUALS',
        key: tag.ConditionKey ?? '',
        value: tag.ConditionValue ?? '',
      })),
      ...(['StringEquals', 'StringNotEquals', 'StringLike', 'StringNotLike'] as const).flatMap((operator) =>
        (conditions[operator] ?? []).map((each) => ({
          source: 'Conditions' as const,
          operator,
          key: each.ConditionKey ?? '',
          value: each.ConditionValue ?? '',
        })),
      ),
    ],
  };
}

/** "tag phi=true; arn:aws:rds:*:*:cluster:*" — what a selection protects, for detail messages. */
export function describeSelection(selection: BackupSelectionProperties): string {
  const parts = [
    ...selection.resources,
    ...selection.tagConditions.map((each) =>
      each.source === 'ListOfTags'
        ? `tag ${each.key.replace(/^aws:ResourceTag\//, '')}=${each.value}`
        : `${each.operator} ${each.key}=${each.value}`,
    ),
  ];
  const except = selection.notResources.length > 0 ? ` except ${selection.notResources.join(', ')}` : '';
  return `${selection.name} (${parts.join('; ') || 'nothing'}${except})`;
}
