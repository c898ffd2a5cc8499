import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { CLOUDTRAIL_TRAIL, stoppedNote, trailLabel, trailProperties } from './common';

/** 164.308(a)(1)(ii)(D) information system activity review: events reach a place where they can be alarmed on. */
export const cloudTrailCloudWatchLogs: Rule = {
  id: 'aws.cloudtrail.cloudwatch-logs',
  title: 'CloudTrail trails deliver events to CloudWatch Logs for alarms',
  severity: 'low',
  exposure: 'internal',
  resourceType: CLOUDTRAIL_TRAIL,
  citations: ['164.308(a)(1)(ii)(D)', '164.312(b)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    'Log files in S3 are a record; they are not a review. 164.308(a)(1)(ii)(D) requires procedures to regularly review records of information system activity, and 164.312(b) requires mechanisms that record and examine activity. A trail that also delivers to a CloudWatch Logs log group (CloudWatchLogsLogGroupArn) lets metric filters and alarms fire within minutes on the events that matter: StopLogging or DeleteTrail, console sign-in without MFA, a change to a PHI bucket policy, an unusual volume of GetObject on PHI data. Without it, a review depends on someone querying the S3 archive, which in practice happens after an incident rather than during one. Another route to the same review (EventBridge rules, a SIEM reading the bucket, CloudTrail Lake) satisfies the intent; this rule names the trails without CloudWatch delivery so the engagement can record which route is used.',
  remediation: {
    text: 'Create a log group (retention as the retention policy requires) and a role CloudTrail can assume to write to it, and set both on the trail; then add metric filters and alarms for the events the activity review watches.',
    terraform: `resource "aws_cloudtrail" "audit" {
  name                       = "org-audit"
  s3_bucket_name             = aws_s3_bucket.audit_logs.id
  cloud_watch_logs_group_arn = "\${aws_cloudwatch_log_group.trail.arn}:*"
  cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cloudwatch.arn
}`,
    cloudformation: `AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref AuditLogBucket
    IsLogging: true
    CloudWatchLogsLogGroupArn: !GetAtt TrailLogGroup.Arn
    CloudWatchLogsRoleArn: !GetAtt TrailToCloudWatchRole.Arn`,
    cli: `aws cloudtrail update-trail --name <trail> --cloud-watch-logs-log-group-arn <log-group-arn> --cloud-watch-logs-role-arn <role-arn> --region <home-region>`,
  },
  evaluate(resource) {
    const { cloudWatchLogsLogGroupArn, isLogging } = trailProperties(resource);
    const subject = trailLabel(resource);
    if (cloudWatchLogsLogGroupArn === undefined)
      return notAssessed('CloudWatch Logs delivery (DescribeTrails CloudWatchLogsLogGroupArn)', subject);
    if (cloudWatchLogsLogGroupArn === null)
      return fail(
        `${subject} does not deliver to CloudWatch Logs (no CloudWatchLogsLogGroupArn), so no metric filter or alarm can watch its events.${stoppedNote(isLogging)}`,
      );
    return pass(`${subject} delivers its events to CloudWatch Logs (${cloudWatchLogsLogGroupArn}).`);
  },
};
