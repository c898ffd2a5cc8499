import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { CLOUDTRAIL_TRAIL, trailLabel, trailProperties } from './common';

/** 164.312(a)(2)(iv) encryption: the logs, which name PHI objects and who read them, are encrypted with a key the entity controls. */
export const cloudTrailKmsEncryption: Rule = {
  id: 'aws.cloudtrail.kms-encryption',
  title: 'CloudTrail trails encrypt their log files with a KMS key (SSE-KMS)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: CLOUDTRAIL_TRAIL,
  citations: ['164.312(a)(2)(iv)', '164.312(b)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "CloudTrail log files name the objects that were read, the patients' record keys embedded in S3 object names, the principals and source addresses: they are sensitive in their own right and can themselves contain ePHI identifiers. By default they are encrypted with SSE-S3, which anyone with s3:GetObject on the log bucket can read. With SSE-KMS (the trail's KmsKeyId), reading a log file also needs kms:Decrypt on a customer managed key whose policy the entity controls and whose every use is itself logged. 164.312(a)(2)(iv) makes encryption the addressable specification for protecting ePHI at rest, and a separate key is what lets access to the audit record be limited to the people who review it. 164.312(b) audit controls rely on the record being available to reviewers and to no one else.",
  remediation: {
    text: 'Create a customer managed KMS key whose policy lets cloudtrail.amazonaws.com encrypt (with an aws:SourceArn condition naming the trail) and only the log reviewers decrypt, and set it on the trail.',
    terraform: `resource "aws_cloudtrail" "audit" {
  name           = "org-audit"
  s3_bucket_name = aws_s3_bucket.audit_logs.id
  kms_key_id     = aws_kms_key.audit_logs.arn
}`,
    cloudformation: `AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref AuditLogBucket
    IsLogging: true
    KMSKeyId: !GetAtt AuditLogKey.Arn`,
    cli: `aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn> --region <home-region>`,
  },
  evaluate(resource) {
    const { kmsKeyId } = trailProperties(resource);
    const subject = trailLabel(resource);
    if (kmsKeyId === undefined)
      return notAssessed('log encryption setting (DescribeTrails KmsKeyId)', subject);
    if (kmsKeyId === null)
      return fail(
        `${subject} has no KmsKeyId: its log files are encrypted with SSE-S3 only, readable by anyone who can read the log bucket.${phiNote(resource)}`,
      );
    return pass(`${subject} encrypts its log files with SSE-KMS (${kmsKeyId}).`);
  },
};
