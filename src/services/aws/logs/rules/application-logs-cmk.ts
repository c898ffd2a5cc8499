import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { retentionText } from '../normalize';
import { groupLabel, LOG_GROUP, logProperties } from './common';

/** 164.312(a)(2)(iv) encryption and decryption, 164.312(b): application logs that may hold ePHI are under a key the shop controls. */
export const logsApplicationLogsCmk: Rule = {
  id: 'aws.logs.application-logs-cmk',
  title: 'Application log groups are encrypted with a customer managed KMS key',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: LOG_GROUP,
  citations: ['164.312(a)(2)(iv)', '164.312(a)(1)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "CloudWatch Logs always encrypts log data at rest; without a kmsKeyId it uses keys CloudWatch Logs owns, so anyone allowed logs:GetLogEvents or a Logs Insights query can read every event, no key use is recorded in CloudTrail, and access cannot be revoked by disabling a key. Application logs are where PHI leaks unplanned: Lambda and container output, API Gateway execution logs and database logs carry request bodies, ticket text, e-mail addresses and query parameters. 164.312(a)(2)(iv) asks for encryption and decryption under the covered entity's control, and 164.312(a)(1) for access limited to those granted it; a customer managed key adds a second, separately granted permission (kms:Decrypt) in front of the log events. The rule applies to application log groups — named /aws/lambda/, /ecs/, /aws/ecs/, EKS and Container Insights application groups, /aws/elasticbeanstalk/, /aws/apprunner/, API-Gateway-Execution-Logs_, /aws/rds/, /aws/states/, or any name outside /aws/ — and to groups tagged as PHI; flow log and CloudTrail groups are judged by the retention rule instead. It reads kmsKeyId from DescribeLogGroups; retention is reported for information. A log group tagged as PHI fails at the higher severity.",
  remediation: {
    text: 'Associate a customer managed KMS key with the log group (its key policy must allow the logs.<region>.amazonaws.com service principal with an encryption-context condition naming the group). New events are encrypted under it; earlier events stay readable under the old keys. Set a retention that matches the log policy.',
    terraform: `resource "aws_cloudwatch_log_group" "support_ticket_intake" {
  name              = "/aws/lambda/nwv-support-ticket-intake"
  kms_key_id        = aws_kms_key.logs.arn
  retention_in_days = 365
}`,
    cloudformation: `SupportTicketIntakeLogGroup:
  Type: AWS::Logs::LogGroup
  Properties:
    LogGroupName: /aws/lambda/nwv-support-ticket-intake
    KmsKeyId: !GetAtt LogsKey.Arn
    RetentionInDays: 365`,
    cli: `aws logs associate-kms-key --log-group-name /aws/lambda/nwv-support-ticket-intake --kms-key-id <key-arn>
aws logs put-retention-policy --log-group-name /aws/lambda/nwv-support-ticket-intake --retention-in-days 365`,
  },
  evaluate(resource) {
    const { kmsKeyId, category, tagsCollected, retentionInDays } = logProperties(resource);
    const subject = groupLabel(resource);
    if (category === undefined || kmsKeyId === undefined)
      return notAssessed('settings (DescribeLogGroups)', subject);
    if (category !== 'application' && !resource.phi) {
      if (tagsCollected === false && category === 'aws-service')
        return notAssessed('tags, and so whether it holds PHI (ListTagsForResource),', subject);
      return notApplicable(
        `${subject} is ${category === 'audit' ? 'an audit (flow log or CloudTrail) log group' : 'an AWS service log group'}, not tagged as PHI: CloudWatch Logs encrypts it with its own keys.`,
      );
    }
    const retention = ` Retention: ${retentionText(retentionInDays)}.`;
    if (kmsKeyId !== null)
      return pass(`${subject} is encrypted with the customer managed KMS key ${kmsKeyId}.${retention}`);
    return fail(
      `${subject} is encrypted only with CloudWatch Logs' own keys (no kmsKeyId): anyone allowed to read log events can read it, and no key use is logged.${retention}${phiNote(resource)}`,
    );
  },
};
