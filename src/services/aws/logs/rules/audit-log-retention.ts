import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { groupLabel, LOG_GROUP, logProperties } from './common';

/** The floor: one year of audit records, online. */
export const MINIMUM_AUDIT_RETENTION_DAYS = 365;

/** 164.312(b) audit controls, 164.308(a)(6)(ii) response and reporting: audit records outlive the time to discover a breach. */
export const logsAuditLogRetention: Rule = {
  id: 'aws.logs.audit-log-retention',
  title: 'Audit log groups (VPC flow logs, CloudTrail) keep events for at least 365 days',
  severity: 'low',
  exposure: 'internal',
  resourceType: LOG_GROUP,
  citations: ['164.312(b)', '164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    '164.312(b) requires mechanisms that record and examine activity in systems containing ePHI, and 164.308(a)(6)(ii) requires identifying and responding to security incidents and documenting their outcome, which needs the records of the period the incident covers. Breaches are commonly discovered months after they start, and the breach notification rule counts from discovery, so flow logs and CloudTrail events deleted after 30 or 90 days leave the investigation without the connections and API calls it must reconstruct. HIPAA sets no retention period for audit logs; 164.316(b)(2)(i) keeps required documentation six years, and one year online is the common floor (PCI DSS 10.7 asks the same), so this rule fails an audit log group — named for VPC flow logs or CloudTrail — whose retentionInDays is under 365, and passes 365 days or more, or no expiry. Longer archives in S3 are not seen here: a shorter CloudWatch retention with an S3 archive may be accepted in triage. Application log groups are out of scope: keeping PHI in logs longer than needed is not better.',
  remediation: {
    text: "Set the retention of flow log and CloudTrail log groups to at least 365 days (or the engagement's policy, often 2192 days = 6 years), or archive them to S3 with a lifecycle and Object Lock and document it.",
    terraform: `resource "aws_cloudwatch_log_group" "flow_logs" {
  name              = "/nwv/vpc/flow-logs"
  retention_in_days = 365
  kms_key_id        = aws_kms_key.logs.arn
}`,
    cloudformation: `FlowLogsLogGroup:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /nwv/vpc/flow-logs
    RetentionInDays: 365
    KmsKeyId: !GetAtt LogsKey.Arn`,
    cli: `aws logs put-retention-policy --log-group-name /nwv/vpc/flow-logs --retention-in-days 365`,
  },
  evaluate(resource) {
    const { category, retentionInDays } = logProperties(resource);
    const subject = groupLabel(resource);
    if (category === undefined || retentionInDays === undefined)
      return notAssessed('settings (DescribeLogGroups)', subject);
    if (category !== 'audit')
      return notApplicable(
        `${subject} is not a flow log or CloudTrail log group; its retention is not judged.`,
      );
    if (retentionInDays === null) return pass(`${subject} keeps audit events without expiry.`);
    if (retentionInDays >= MINIMUM_AUDIT_RETENTION_DAYS)
      return pass(`${subject} keeps audit events for ${retentionInDays} days.`);
    return fail(
      `${subject} deletes audit events after ${retentionInDays} days, less than ${MINIMUM_AUDIT_RETENTION_DAYS}: connections or API calls older than that cannot be investigated from CloudWatch Logs.`,
    );
  },
};
