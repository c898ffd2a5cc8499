import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { CLOUDTRAIL_TRAIL, stoppedNote, trailLabel, trailProperties } from './common';

/** 164.312(c)(1)/(c)(2) integrity: the audit record itself can be shown to be unaltered. */
export const cloudTrailLogFileValidation: Rule = {
  id: 'aws.cloudtrail.log-file-validation',
  title: 'CloudTrail trails have log file integrity validation enabled',
  severity: 'medium',
  exposure: 'internal',
  resourceType: CLOUDTRAIL_TRAIL,
  citations: ['164.312(c)(1)', '164.312(c)(2)', '164.312(b)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    'An audit log is evidence only if it can be shown not to have been changed. With log file validation, CloudTrail writes an hourly digest file that holds a SHA-256 hash of every log file it delivered and is signed with a CloudTrail private key; `aws cloudtrail validate-logs` then proves that no log file was modified, deleted or forged after delivery. 164.312(c)(1) requires policies and procedures that protect ePHI from improper alteration or destruction, and 164.312(c)(2) a mechanism to corroborate that it has not been altered: the access records of PHI reads are part of that protection, since someone who read PHI without authority would want to remove the trace. 164.312(b) audit controls are only as trustworthy as the integrity of what they record. Without validation an edited log file cannot be told from a genuine one.',
  remediation: {
    text: 'Enable log file validation on the trail (it applies to log files delivered from then on), keep the digest files in the same access-restricted bucket, and run validate-logs as part of the activity review.',
    terraform: `resource "aws_cloudtrail" "audit" {
  name                       = "org-audit"
  s3_bucket_name             = aws_s3_bucket.audit_logs.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}`,
    cloudformation: `AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref AuditLogBucket
    IsLogging: true
    IsMultiRegionTrail: true
    EnableLogFileValidation: true`,
    cli: `aws cloudtrail update-trail --name <trail> --enable-log-file-validation --region <home-region>
aws cloudtrail validate-logs --trail-arn <trail-arn> --start-time 2026-11-01T00:00:00Z`,
  },
  evaluate(resource) {
    const { logFileValidation, isLogging } = trailProperties(resource);
    const subject = trailLabel(resource);
    if (logFileValidation === undefined)
      return notAssessed('log file validation setting (DescribeTrails LogFileValidationEnabled)', subject);
    if (!logFileValidation)
      return fail(
        `${subject} does not validate its log files (LogFileValidationEnabled false): an altered or deleted log file cannot be detected.${stoppedNote(isLogging)}${phiNote(resource)}`,
      );
    return pass(`${subject} writes signed digest files for log file validation.`);
  },
};
