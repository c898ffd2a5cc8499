import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  NO_APPROVED_REGIONS,
  notApplicable,
  notAssessed,
  pass,
  phiNote,
} from '../../../../kit';
import { BACKUP_PLAN, copyActionsOf, planLabel, selectionsNote } from './common';

/** 164.308(a)(7)(ii)(A)/(B), 164.310(d)(2)(iv): backup copies stay in the approved regions. */
export const backupCopyRegion: Rule = {
  id: 'aws.backup.copy-region',
  title: 'AWS Backup plans copy recovery points only to approved regions',
  severity: 'high',
  exposure: 'internal',
  resourceType: BACKUP_PLAN,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.310(d)(2)(iv)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "164.308(a)(7)(ii)(A) requires retrievable exact copies of ePHI and 164.308(a)(7)(ii)(B) a plan to restore them, and 164.310(d)(2)(iv) a retrievable copy before equipment moves; the contingency plan and risk analysis behind them name where those copies are kept. A copy action in an AWS Backup plan rule sends every recovery point the rule creates (database snapshots, file system and table backups of whatever the plan's selections protect) to another vault, often in another region: a vault in a region outside the engagement's approved regions holds full copies of ePHI where no data-residency commitment, BAA review or restore test covered them. The rule reads GetBackupPlan's CopyActions and the region in each DestinationBackupVaultArn; severity is high because a backup plan copies whole data stores, and the failing detail lists the plan's selections so the PHI stores concerned can be identified.",
  remediation: {
    text: 'Point the copy action at a vault in an approved region (create it there with a customer managed KMS key), then delete the recovery points already copied to the unapproved region once their retention is no longer required, and record the destination in the contingency plan.',
    terraform: `resource "aws_backup_plan" "legacy_weekly" {
  name = "nwv-legacy-weekly"
  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 5 ? * SUN *)"
    copy_action {
      destination_vault_arn = aws_backup_vault.dr_us_west_2.arn
    }
  }
}`,
    cloudformation: `LegacyWeeklyPlan:
  Type: AWS::Backup::BackupPlan
  Properties:
    BackupPlan:
      BackupPlanName: nwv-legacy-weekly
      BackupPlanRule:
        - RuleName: weekly
          TargetBackupVault: !Ref PrimaryVault
          ScheduleExpression: cron(0 5 ? * SUN *)
          CopyActions:
            - DestinationBackupVaultArn: !Sub arn:aws:backup:us-west-2:\${AWS::AccountId}:backup-vault:nwv-phi-vault-dr`,
    cli: `aws backup get-backup-plan --backup-plan-id <plan-id> --query BackupPlan > plan.json
# edit plan.json: change each CopyActions[].DestinationBackupVaultArn to a vault in an approved region
aws backup update-backup-plan --backup-plan-id <plan-id> --backup-plan file://plan.json`,
  },
  evaluate(resource, context) {
    const actions = copyActionsOf(resource);
    const subject = planLabel(resource);
    if (actions === undefined) return notAssessed('rules and copy actions (GetBackupPlan)', subject);
    if (actions.length === 0)
      return notApplicable(`${subject} has no copy action: its recovery points stay in its own vaults.`);
    const where = actions.map(
      (action) => `${action.destinationVaultArn} (${action.region ?? 'region unknown'})`,
    );
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its copies to ${where.join(', ')} were not judged.`,
      );
    const outside = actions.filter(
      (action) => action.region === null || !isApprovedRegion(action.region, context.approvedRegions),
    );
    if (outside.length > 0)
      return fail(
        `${subject} copies recovery points to ${outside
          .map(
            (action) =>
              `${action.destinationVaultArn} (rule ${action.rule}, ${action.region ?? 'region unknown'})`,
          )
          .join(
            ', ',
          )}, outside the approved regions (${listRegions(context.approvedRegions)}).${selectionsNote(resource)}${phiNote(resource)}`,
      );
    return pass(`${subject} copies recovery points only to approved regions: ${where.join(', ')}.`);
  },
};
