import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { automaticRotationBlocker, PENDING_DELETION_STATES } from '../normalize';
import { dateOf, keyLabel, KMS_KEY, kmsProperties } from './common';

/**
 * 164.312(a)(2)(iv) encryption and decryption, 164.308(a)(1)(ii)(B) risk management: the key that
 * protects ePHI gets fresh key material on a schedule, so one exposed key version bounds the loss.
 */
export const kmsRotationEnabled: Rule = {
  id: 'aws.kms.rotation-enabled',
  title: 'Customer managed KMS keys rotate their key material automatically',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: KMS_KEY,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.keysWithoutRotation,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, and the strength of that mechanism rests on key management: NIST SP 800-57 sets cryptoperiods so that the data protected by any one key version stays bounded. 164.308(a)(1)(ii)(B) requires security measures that reduce risks to a reasonable and appropriate level, and a key whose material never changes leaves every object it ever encrypted exposed to a single compromise. KMS automatic rotation creates new key material on a schedule (365 days by default, 90–2560 configurable) while keeping the old versions for decryption, so it costs no re-encryption and no downtime. It exists only for customer managed symmetric encryption keys with KMS-generated material: AWS managed keys are rotated by AWS every year, and asymmetric keys, HMAC keys, keys with imported material and keys in custom key stores must be rotated manually under a documented procedure, which this rule names but cannot check.',
  remediation: {
    text: 'Enable automatic rotation on the key (and choose a rotation period that matches the key management policy, 365 days unless the risk analysis says otherwise). For a multi-Region key, set it on the primary key. For keys that cannot rotate automatically, document the manual procedure (create a new key, repoint aliases and applications, keep the old key enabled for decryption) and its schedule.',
    terraform: `resource "aws_kms_key" "phi" {
  description             = "Encrypts PHI"
  enable_key_rotation     = true
  rotation_period_in_days = 365
}`,
    cloudformation: `PhiKey:
  Type: AWS::KMS::Key
  Properties:
    Description: Encrypts PHI
    EnableKeyRotation: true
    RotationPeriodInDays: 365`,
    cli: `aws kms enable-key-rotation --key-id <key-id> --rotation-period-in-days 365 --region <region>`,
  },
  evaluate(resource) {
    const { metadata, rotation } = kmsProperties(resource);
    const subject = keyLabel(resource);
    if (metadata === undefined) return notAssessed('key type and state (DescribeKey)', subject);
    const blocker = automaticRotationBlocker(metadata);
    if (blocker?.kind === 'aws-managed')
      return notApplicable(`${subject}: ${blocker.text}; automatic rotation is not configurable on it.`);
    if (metadata.keyState && PENDING_DELETION_STATES.includes(metadata.keyState))
      return notApplicable(
        `${subject} is scheduled for deletion (KeyState ${metadata.keyState}); KMS reports rotation off while a key is pending deletion, so rotation is not judged (see aws.kms.pending-deletion).`,
      );
    if (blocker)
      return notApplicable(
        `${subject} cannot use automatic rotation because ${blocker.text}; its rotation must be manual, under a documented procedure and schedule.`,
      );
    if (rotation === undefined)
      return notAssessed('automatic rotation status (GetKeyRotationStatus)', subject);
    const disabled =
      metadata.keyState === 'Disabled'
        ? ' The key is disabled: KMS does not rotate its key material while it stays disabled.'
        : '';
    if (!rotation.enabled)
      return fail(
        `${subject} is a customer managed symmetric key without automatic rotation.${disabled}${phiNote(resource)}`,
      );
    const period = rotation.rotationPeriodInDays ? ` every ${rotation.rotationPeriodInDays} days` : '';
    const next = rotation.nextRotationDate ? `, next on ${dateOf(rotation.nextRotationDate)}` : '';
    return pass(`${subject} rotates its key material automatically${period}${next}.${disabled}`);
  },
};
