import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { dateOf, keyLabel, KMS_KEY, kmsProperties } from './common';

/**
 * 164.308(a)(7)(ii)(A)/(B) data backup and disaster recovery, 164.312(a)(2)(iv): deleting a KMS key
 * makes every ciphertext under it, backups included, permanently unreadable.
 */
export const kmsPendingDeletion: Rule = {
  id: 'aws.kms.pending-deletion',
  title: 'KMS keys are not scheduled for deletion',
  severity: 'medium',
  severityWhenPhi: 'critical',
  exposure: 'internal',
  resourceType: KMS_KEY,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.keysAtRiskOfDeletion,
  rationale:
    'Deleting a KMS key is destructive and irreversible: once its waiting period (7–30 days) ends, KMS destroys the key material and every piece of data encrypted under it — including snapshots, replicas and backups — can never be decrypted again. The data backup plan of 164.308(a)(7)(ii)(A) requires retrievable exact copies of ePHI and the disaster recovery plan of 164.308(a)(7)(ii)(B) requires the ability to restore it; both fail silently when the key their copies depend on is deleted. 164.312(a)(2)(iv) makes encryption the safeguard, which only holds while the entity can still decrypt. A key pending deletion is therefore either a mistake to cancel now, or a decision that must be shown to cover no remaining ePHI (re-encrypted elsewhere, or disposed of under 164.310(d)(2)(i)). It is most severe for keys classified as PHI.',
  remediation: {
    text: 'If the key still protects data, cancel the deletion and re-enable the key. If it is meant to go, first confirm (CloudTrail Decrypt events during the waiting period, resources whose KMS key is this one) that nothing still depends on it, re-encrypt what does under another key, and record the decision. Consider a key policy or SCP that denies kms:ScheduleKeyDeletion except to a break-glass role.',
    terraform: `# Terraform schedules deletion when a key resource is destroyed: keep it, and guard it.
resource "aws_kms_key" "phi" {
  description             = "Encrypts PHI"
  enable_key_rotation     = true
  deletion_window_in_days = 30

  lifecycle {
    prevent_destroy = true
  }
}`,
    cloudformation: `PhiKey:
  Type: AWS::KMS::Key
  DeletionPolicy: Retain
  UpdateReplacePolicy: Retain
  Properties:
    Description: Encrypts PHI
    EnableKeyRotation: true
    PendingWindowInDays: 30`,
    cli: `aws kms cancel-key-deletion --key-id <key-id> --region <region>
aws kms enable-key --key-id <key-id> --region <region>`,
  },
  evaluate(resource) {
    const { metadata, tagsCollected } = kmsProperties(resource);
    const subject = keyLabel(resource);
    if (metadata === undefined) return notAssessed('key state (DescribeKey)', subject);
    const unknownTags =
      !resource.phi && tagsCollected === false
        ? ' Its tags could not be read, so whether it protects PHI is unknown.'
        : '';
    if (metadata.keyState === 'PendingDeletion') {
      const when = metadata.deletionDate
        ? `on ${dateOf(metadata.deletionDate)}`
        : 'on a date KMS did not report';
      return fail(
        `${subject} is scheduled for deletion ${when} (KeyState PendingDeletion); after that, data encrypted under it cannot be decrypted.${unknownTags}${phiNote(resource)}`,
      );
    }
    if (metadata.keyState === 'PendingReplicaDeletion') {
      const window = metadata.pendingDeletionWindowInDays
        ? `its ${metadata.pendingDeletionWindowInDays}-day waiting period`
        : 'its waiting period';
      return fail(
        `${subject} is a multi-Region primary key scheduled for deletion (KeyState PendingReplicaDeletion): ${window} starts when its last replica key is deleted, after which data encrypted under it cannot be decrypted.${unknownTags}${phiNote(resource)}`,
      );
    }
    return pass(
      `${subject} is not scheduled for deletion (KeyState ${metadata.keyState ?? 'not reported'}).`,
    );
  },
};
