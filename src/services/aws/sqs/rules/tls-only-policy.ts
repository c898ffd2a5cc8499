import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { queueLabel, SQS_QUEUE, sqsProperties } from './common';

/** 164.312(e)(1) transmission security: the queue refuses requests that are not over TLS. */
export const sqsTlsOnlyPolicy: Rule = {
  id: 'aws.sqs.tls-only-policy',
  title: 'SQS queue policies deny requests that do not use TLS (aws:SecureTransport)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: SQS_QUEUE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) calls for integrity controls so that transmitted ePHI is not improperly modified without detection. SQS endpoints accept HTTP as well as HTTPS; AWS documents that requests to queues with server-side encryption must use HTTPS, but that guarantee disappears with the encryption setting and does not cover unencrypted queues. A Deny statement to everyone on sqs:* when aws:SecureTransport is false makes TLS a property of the queue itself, whatever client, SDK endpoint override or proxy sends or receives the messages, and is the evidence auditors expect for this control, as for S3 buckets.',
  remediation: {
    text: 'Add a Deny statement for all principals and all SQS actions on the queue when aws:SecureTransport is false. Merge it into the existing queue policy: setting the Policy attribute replaces the whole document.',
    terraform: `data "aws_iam_policy_document" "support_tickets" {
  # Keep the queue's existing statements here too: aws_sqs_queue_policy replaces the whole policy.
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["sqs:*"]
    resources = [aws_sqs_queue.support_tickets.arn]
    principals {
      type        = "*"
      identifiers = ["*"]
    }
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_sqs_queue_policy" "support_tickets" {
  queue_url = aws_sqs_queue.support_tickets.id
  policy    = data.aws_iam_policy_document.support_tickets.json
}`,
    cloudformation: `SupportTicketsQueuePolicy:
  Type: AWS::SQS::QueuePolicy
  Properties:
    Queues: [!Ref SupportTicketsQueue]
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: '*'
          Action: 'sqs:*'
          Resource: !GetAtt SupportTicketsQueue.Arn
          Condition:
            Bool:
              aws:SecureTransport: 'false'`,
    cli: `# 1. Save the current policy (skip if the queue has none) and add the statement below to it.
aws sqs get-queue-attributes --queue-url <queue-url> --attribute-names Policy --query Attributes.Policy --output text > policy.json
#    {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"sqs:*",
#     "Resource":"<queue-arn>","Condition":{"Bool":{"aws:SecureTransport":"false"}}}
# 2. Apply the merged policy (the Policy attribute is the policy as an escaped JSON string).
aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://attributes.json`,
  },
  evaluate(resource) {
    const { policy, encryption } = sqsProperties(resource);
    const subject = queueLabel(resource);
    if (policy === undefined) return notAssessed('queue policy (GetQueueAttributes)', subject);
    if (policy.present && !policy.parsed)
      return notAssessed('queue policy (the Policy attribute was not a JSON policy document)', subject);
    const sseNote =
      encryption && encryption.kind !== 'none'
        ? ' SQS refuses non-HTTPS requests to it only while its server-side encryption stays on.'
        : '';
    if (!policy.present)
      return fail(
        `${subject} has no queue policy, so requests over plain HTTP are not denied.${sseNote}${phiNote(resource)}`,
      );
    if (!policy.denyInsecureTransport)
      return fail(
        `${subject} has a queue policy without a Deny on aws:SecureTransport = false, so requests over plain HTTP are not denied.${sseNote}${phiNote(resource)}`,
      );
    return pass(`${subject} denies every request that does not use TLS (aws:SecureTransport = false).`);
  },
};
