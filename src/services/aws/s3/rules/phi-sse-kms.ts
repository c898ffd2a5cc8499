import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

/** Default encryption algorithms that put objects under a KMS key. */
const kmsAlgorithms: Record<string, string> = {
  'aws:kms': 'SSE-KMS',
  'aws:kms:dsse': 'DSSE-KMS (dual-layer)',
};

/**
 * 164.312(a)(2)(iv) encryption and decryption, with 164.312(a)(1)/(b): PHI buckets encrypt under a
 * KMS key, whose use is logged and whose access is granted apart from the bucket's.
 */
export const s3PhiSseKms: Rule = {
  id: 'aws.s3.phi-sse-kms',
  title: 'S3 buckets holding PHI encrypt by default with a KMS key (SSE-KMS or DSSE-KMS)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)', '164.312(b)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "SSE-S3 encrypts objects with keys S3 manages and uses for anyone allowed to read the bucket: it answers 164.312(a)(2)(iv) against a stolen disk, but adds no control of its own. With SSE-KMS (or dual-layer DSSE-KMS) every decryption is a call on a KMS key: it is logged in CloudTrail, which gives the audit trail 164.312(b) asks for on ePHI reads, and it needs kms:Decrypt on the key, a second access decision under 164.312(a)(1) that can be revoked at once — for example to cut off a compromised role or to render the data unreadable at the end of a business associate relationship. The rule applies to buckets classified as PHI and reads the bucket's default encryption configuration: SSE-S3 passes the default-encryption rule but fails this one; a bucket with no default encryption at all is reported once, by the default-encryption rule (high for PHI), and is not applicable here.",
  remediation: {
    text: "Set the PHI bucket's default encryption to SSE-KMS with a customer managed key (key rotation on, a key policy that grants kms:Decrypt only to the roles that read PHI) and S3 Bucket Keys on to keep KMS request costs down. Default encryption applies to new objects only: re-encrypt existing objects with S3 Batch Operations (copy in place) and record the change.",
    terraform: `resource "aws_s3_bucket_server_side_encryption_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.phi.arn
    }
    bucket_key_enabled = true
  }
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    BucketEncryption:
      ServerSideEncryptionConfiguration:
        - ServerSideEncryptionByDefault:
            SSEAlgorithm: aws:kms
            KMSMasterKeyID: !GetAtt PhiKey.Arn
          BucketKeyEnabled: true`,
    cli: `aws s3api put-bucket-encryption --bucket <bucket-name> \\
  --server-side-encryption-configuration '{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<kms-key-arn>"},"BucketKeyEnabled":true}]}'`,
  },
  evaluate(resource) {
    const { encryption, tagsCollected } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (!resource.phi && tagsCollected === false) {
      // Unread tags are unknown, not empty: the bucket may hold PHI.
      return notAssessed('tags (and so the PHI classification)', subject);
    }
    if (!resource.phi) {
      return notApplicable(
        `${subject} is not classified as PHI; SSE-KMS is required here only for PHI buckets.`,
      );
    }
    if (encryption === undefined) return notAssessed('default encryption configuration', subject);
    if (!encryption.enabled) {
      // One fact, one finding: a bucket without default encryption is aws.s3.default-encryption's (high for PHI).
      return notApplicable(
        `${subject} has no default encryption configuration at all; that is reported by aws.s3.default-encryption.`,
      );
    }
    const kms = encryption.algorithm ? kmsAlgorithms[encryption.algorithm] : undefined;
    if (!kms) {
      const seen =
        encryption.algorithm === 'AES256'
          ? 'SSE-S3 (S3-managed keys)'
          : (encryption.algorithm ?? 'an unreported algorithm');
      return fail(
        `${subject} encrypts new objects by default with ${seen}, not under a KMS key.${phiNote(resource)}`,
      );
    }
    const key = encryption.kmsKeyId
      ? `key ${encryption.kmsKeyId}`
      : 'the AWS managed key aws/s3 (no key named in the configuration)';
    return pass(`${subject} encrypts new objects by default with ${kms} under ${key}.`);
  },
};
