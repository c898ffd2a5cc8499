import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

const algorithmNames: Record<string, string> = {
  AES256: 'SSE-S3 (AES-256, S3-managed keys)',
  'aws:kms': 'SSE-KMS',
  'aws:kms:dsse': 'DSSE-KMS (dual-layer)',
};

/** 164.312(a)(2)(iv) encryption and decryption: ePHI at rest is encrypted by default. */
export const s3DefaultEncryption: Rule = {
  id: 'aws.s3.default-encryption',
  title: 'S3 buckets encrypt new objects at rest by default',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, or a documented equivalent where encryption is not reasonable and appropriate (addressable, 164.306(d)(3)). A bucket default encryption configuration makes S3 encrypt every new object without relying on each uploader. Encryption also decides breach exposure: PHI rendered unreadable by encryption per HHS guidance is not "unsecured PHI" (164.402), so its loss does not trigger breach notification. SSE-KMS with a customer managed key is preferred for PHI because every use of the key is logged in CloudTrail and access to the key can be revoked separately from access to the bucket.',
  remediation: {
    text: 'Set a default encryption configuration on the bucket, preferably SSE-KMS with a customer managed key and S3 Bucket Keys enabled. Default encryption applies to new objects only: re-encrypt existing objects (S3 Batch Operations copy in place) and record the change in the risk management plan.',
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
    const { encryption } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (encryption === undefined) return notAssessed('default encryption configuration', subject);
    if (!encryption.enabled)
      return fail(`${subject} has no default encryption configuration.${phiNote(resource)}`);
    const algorithm = encryption.algorithm ?? 'an unreported algorithm';
    const name = algorithmNames[algorithm] ?? algorithm;
    const key = encryption.kmsKeyId ? ` with key ${encryption.kmsKeyId}` : '';
    const bucketKey = encryption.bucketKeyEnabled ? ', S3 Bucket Key on' : '';
    return pass(`${subject} encrypts new objects by default with ${name}${key}${bucketKey}.`);
  },
};
