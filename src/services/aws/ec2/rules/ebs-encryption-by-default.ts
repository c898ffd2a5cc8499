import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { ec2Volume, ec2EbsDefaults } from '../resource';
import { EBS_DEFAULTS, VOLUME } from './common';

/** 164.312(a)(2)(iv) encryption and decryption: new EBS volumes are encrypted whoever creates them. */
export const ec2EbsEncryptionByDefault: Rule = {
  id: 'aws.ec2.ebs-encryption-by-default',
  title: 'EBS encryption by default is on in every assessed region',
  severity: 'medium',
  exposure: 'internal',
  resourceType: EBS_DEFAULTS,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt ePHI at rest (addressable). EBS encryption by default is an account setting per region: while it is on, every new volume and every snapshot copy is encrypted (with the default EBS key or the key the account names), whatever the launch template, AMI or engineer asked for. While it is off, a volume is encrypted only when its creator asked for it, so an instance launched from an old template or an unencrypted snapshot writes order, support or telehealth data to unencrypted disks. The rule reads GetEbsEncryptionByDefault in each assessed region of each account; it does not change existing volumes, which the volume rule judges one by one. The setting carries no tags, so its severity does not change with PHI classification.',
  remediation: {
    text: 'Turn on EBS encryption by default in every region the account uses (and optionally name a customer managed default key). Existing unencrypted volumes stay unencrypted: copy their snapshots with encryption and replace them.',
    terraform: `resource "aws_ebs_encryption_by_default" "this" {
  enabled = true
}

# optional: a customer managed default key
resource "aws_ebs_default_kms_key" "this" {
  key_arn = aws_kms_key.ebs.arn
}`,
    cloudformation: `# CloudFormation has no resource for this account setting; use the CLI (or an SSM Automation /
# Config remediation document such as AWSConfigRemediation-EnableEbsEncryptionByDefault) per region.`,
    cli: `for region in us-east-1 us-west-2; do
  aws ec2 enable-ebs-encryption-by-default --region "$region"
done
# optional: aws ec2 modify-ebs-default-kms-key-id --kms-key-id <key-arn> --region <region>`,
  },
  evaluate(resource, context) {
    const { encryptionByDefault } = ec2EbsDefaults.properties(resource);
    const subject = resource.name;
    if (encryptionByDefault === undefined)
      return notAssessed('EBS encryption-by-default setting (GetEbsEncryptionByDefault)', subject);
    if (encryptionByDefault)
      return pass(
        `${subject} is on: new EBS volumes and snapshot copies in ${resource.region} are encrypted.`,
      );
    const unencrypted = context.resources.filter(
      (other) =>
        other.type === VOLUME &&
        other.scopeId === resource.scopeId &&
        other.region === resource.region &&
        ec2Volume.properties(other).encrypted === false,
    ).length;
    const seen = unencrypted > 0 ? ` ${unencrypted} unencrypted volume(s) were seen in the region.` : '';
    return fail(
      `${subject} is off: new EBS volumes in ${resource.region} are unencrypted unless each request asks for encryption.${seen}`,
    );
  },
};
