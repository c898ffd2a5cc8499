import type { NormalizedResource } from '../../../../kit';
import { describeSelection } from '../normalize';
import { backupPlan, type BackupCopyAction } from '../resource';

export const BACKUP_PLAN = backupPlan.type;
export const planProperties = backupPlan.properties;

/** "AWS Backup plan nwv-phi-daily in us-east-1" */
export function planLabel(resource: NormalizedResource): string {
  return `AWS Backup plan ${resource.name} in ${resource.region}`;
}

/** Every copy action of the plan, with the rule it belongs to. */
export function copyActionsOf(
  resource: NormalizedResource,
): (BackupCopyAction & { rule: string })[] | undefined {
  const { rules } = planProperties(resource);
  return rules?.flatMap((rule) => rule.copyActions.map((action) => ({ ...action, rule: rule.name })));
}

/** " It copies what its selections protect: …" — only on failures, so a refused selection read never changes a pass. */
export function selectionsNote(resource: NormalizedResource): string {
  const { selections } = planProperties(resource);
  if (selections === undefined)
    return ' Its selections could not be read, so what it copies is not listed here.';
  if (selections.length === 0) return ' It has no backup selection, so nothing is copied until one is added.';
  return ` What it copies is what its selections protect: ${selections.map(describeSelection).join('; ')}.`;
}
