import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { BACKUP_PLAN, copyActionsOf, planLabel, selectionsNote } from './common';

/**
 * 164.308(b)(1), 164.314(a)(1): backups copied into an account outside the engagement reach whoever
 * controls that account; a third party holding ePHI needs a business associate agreement.
 */
export const backupCopyOtherAccount: Rule = {
  id: 'aws.backup.copy-other-account',
  title: 'AWS Backup plans copy recovery points only into accounts of the engagement',
  severity: 'medium',
  exposure: 'internal',
  resourceType: BACKUP_PLAN,
  citations: ['164.308(b)(1)', '164.314(a)(1)'],
  failurePattern: failurePatterns.phiOutsideBaa,
  rationale:
    "A copy action whose DestinationBackupVaultArn names another AWS account places full copies of the protected data stores in a vault that account controls: its administrators can restore them, share them further or keep them after the source is deleted. When that account belongs to the organisation (a central backup account) this is good practice; when it belongs to a managed service provider, an off-site backup vendor or a former subsidiary, the account holder is a business associate (or subcontractor) holding ePHI, which 164.308(b)(1) and 164.314(a)(1) allow only under a business associate agreement. The rule reads the account id in each destination vault ARN: a copy into an account that this run also assessed passes and is named, a copy into any other account fails so that it is checked against the organisation's account list and recorded in the BAA register. A failure is medium: it is not an exposure in itself, but an obligation to verify.",
  remediation: {
    text: "Confirm who owns the destination account. If it is the organisation's, add it to the engagement (so its vaults are assessed too) and restrict its vault access policy; if it is a third party, record it in the BAA register with the agreement that covers it, or point the copy action at a vault of the organisation's own backup account.",
    terraform: `resource "aws_backup_plan" "legacy_weekly" {
  name = "nwv-legacy-weekly"
  rule {
    rule_name         = "weekly"
    target_vault_name = aws_backup_vault.primary.name
    schedule          = "cron(0 5 ? * SUN *)"
    copy_action {
      # a vault of the organisation's own backup account
      destination_vault_arn = "arn:aws:backup:us-east-1:<backup-account-id>:backup-vault:nwv-shared-backup-archive"
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
          CopyActions:
            - DestinationBackupVaultArn: arn:aws:backup:us-east-1:<backup-account-id>:backup-vault:nwv-shared-backup-archive`,
    cli: `aws backup get-backup-plan --backup-plan-id <plan-id> --query BackupPlan > plan.json
# edit plan.json: point CopyActions[].DestinationBackupVaultArn at a vault of an organisation account
aws backup update-backup-plan --backup-plan-id <plan-id> --backup-plan file://plan.json`,
  },
  evaluate(resource, context) {
    const actions = copyActionsOf(resource);
    const subject = planLabel(resource);
    if (actions === undefined) return notAssessed('rules and copy actions (GetBackupPlan)', subject);
    const elsewhere = actions.filter((action) => action.accountId !== resource.scopeId);
    if (elsewhere.length === 0)
      return notApplicable(
        actions.length === 0
          ? `${subject} has no copy action.`
          : `${subject} copies recovery points only within its own account ${resource.scopeId}.`,
      );
    const assessed = new Set(context.resources.map((each) => each.scopeId));
    const unknown = elsewhere.filter(
      (action) => action.accountId === null || !assessed.has(action.accountId),
    );
    if (unknown.length > 0)
      return fail(
        `${subject} copies recovery points into ${unknown
          .map(
            (action) =>
              `account ${action.accountId ?? '(unreadable ARN)'} (${action.destinationVaultArn}, rule ${action.rule})`,
          )
          .join(
            ', ',
          )}, which this run did not assess: confirm the account is the organisation's, or record its holder in the BAA register.${selectionsNote(resource)}${phiNote(resource)}`,
      );
    return pass(
      `${subject} copies recovery points into ${[...new Set(elsewhere.map((action) => action.accountId))].map((id) => `account ${id}`).join(', ')}, assessed in this run (${elsewhere.map((action) => action.destinationVaultArn).join(', ')}).`,
    );
  },
};
