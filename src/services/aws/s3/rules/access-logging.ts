import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

/** 164.312(b) audit controls: every read of a PHI bucket leaves a record that can be reviewed. */
export const s3AccessLogging: Rule = {
  id: 'aws.s3.access-logging',
  title: 'S3 buckets holding PHI record server access logs',
  severity: 'medium',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    '164.312(b) requires mechanisms that record and examine activity in systems that contain ePHI, and 164.308(a)(1)(ii)(D) requires regular review of records such as access reports. CloudTrail records bucket configuration changes by default but not object reads (GetObject) unless data events are enabled, so without server access logging a PHI bucket can be read with no trace: the entity could not scope a breach, run the four-factor risk assessment of 164.402 or show OCR whose PHI was viewed. The rule applies to buckets classified as PHI; CloudTrail S3 data events covering the bucket are an equivalent control and can be recorded as such in triage.',
  remediation: {
    text: 'Turn on server access logging to a dedicated log bucket (in the same account and region, not the bucket itself) that grants s3:PutObject to the logging.s3.amazonaws.com service principal, has its own retention (documentation is kept 6 years, 164.316(b)(2)(i)) and is itself access-restricted. Alternatively enable CloudTrail data events for the bucket. Feed either source into the activity review process.',
    terraform: `resource "aws_s3_bucket_logging" "phi" {
  bucket        = aws_s3_bucket.phi.id
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "s3/\${aws_s3_bucket.phi.id}/"
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    LoggingConfiguration:
      DestinationBucketName: !Ref AccessLogsBucket
      LogFilePrefix: s3/phi-bucket/`,
    cli: `aws s3api put-bucket-logging --bucket <bucket-name> \\
  --bucket-logging-status '{"LoggingEnabled":{"TargetBucket":"<log-bucket-name>","TargetPrefix":"s3/<bucket-name>/"}}'`,
  },
  evaluate(resource) {
    const subject = bucketLabel(resource);
    const { logging, tagsCollected } = s3Properties(resource);
    if (!resource.phi && tagsCollected === false) {
      // Unread tags are unknown, not empty: the bucket may hold PHI.
      return notAssessed('tags (and so the PHI classification)', subject);
    }
    if (!resource.phi) {
      return notApplicable(
        `${subject} is not classified as PHI; server access logging is required here only for PHI buckets.`,
      );
    }
    if (logging === undefined) return notAssessed('server access logging configuration', subject);
    if (!logging.enabled) {
      return fail(
        `${subject} has no server access logging, so reads of its objects are not recorded unless CloudTrail data events cover it.${phiNote(resource)}`,
      );
    }
    const target = logging.targetBucket
      ? `s3://${logging.targetBucket}/${logging.targetPrefix ?? ''}`
      : 'an unreported target';
    return pass(`${subject} records server access logs to ${target}.`);
  },
};
