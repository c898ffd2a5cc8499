import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import type { SqsQueueProperties } from '../resource';
import { queueLabel, SQS_QUEUE, sqsProperties } from './common';

type Grant = NonNullable<SqsQueueProperties['policy']>['publicGrants'][number];

function describeGrant(grant: Grant): string {
  const statement = grant.sid ? `statement "${grant.sid}"` : 'an unnamed statement';
  const actions = grant.notAction
    ? `every action except ${grant.actions.join(', ') || 'none'}`
    : grant.actions.join(', ') || 'no listed action';
  return `${statement} allows ${actions} to Principal "*" with no Condition`;
}

/**
 * 164.312(a)(1) access control, 164.308(a)(4)(ii)(B) access authorization: only authorized
 * principals send to, read from or manage a queue that carries ePHI.
 */
export const sqsPolicyPublic: Rule = {
  id: 'aws.sqs.policy-public',
  title: 'SQS queue policies do not allow everyone without a restricting Condition',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: SQS_QUEUE,
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    'A queue policy is a resource-based policy: a statement that allows Principal "*" (or {"AWS": "*"}) with no Condition grants its actions to any AWS principal of any account, with no identity policy of the queue owner involved. On a queue that carries support tickets or orders, sqs:ReceiveMessage lets anyone read (and so remove) PHI messages, sqs:SendMessage lets anyone inject forged ones, and sqs:* adds purge and policy changes. 164.312(a)(1) requires that only persons or software programs granted access rights reach ePHI, and 164.308(a)(4)(ii)(B) requires access to be granted through an authorization process, which an open statement bypasses. The rule reports only what the policy says: statements to everyone that carry any Condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID, aws:SourceVpce) are treated as restricted and counted in the passing detail for review in triage.',
  remediation: {
    text: 'Replace Principal "*" with the accounts, roles or services that need the queue, or keep it only with a restricting Condition such as aws:SourceArn (the SNS topic or EventBridge rule that sends), aws:SourceAccount or aws:PrincipalOrgID. SetQueueAttributes Policy replaces the whole policy, so start from the current one.',
    terraform: `data "aws_iam_policy_document" "support_tickets" {
  statement {
    sid       = "AllowTopicToSend"
    actions   = ["sqs:SendMessage"]
    resources = [aws_sqs_queue.support_tickets.arn]
    principals {
      type        = "Service"
      identifiers = ["sns.amazonaws.com"]
    }
    condition {
      test     = "ArnEquals"
      variable = "aws:SourceArn"
      values   = [aws_sns_topic.tickets.arn]
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
        - Sid: AllowTopicToSend
          Effect: Allow
          Principal:
            Service: sns.amazonaws.com
          Action: sqs:SendMessage
          Resource: !GetAtt SupportTicketsQueue.Arn
          Condition:
            ArnEquals:
              aws:SourceArn: !Ref TicketsTopic`,
    cli: `aws sqs get-queue-attributes --queue-url <queue-url> --attribute-names Policy --query Attributes.Policy --output text > policy.json
# edit policy.json: remove Principal "*" or add a restricting Condition, then wrap it as {"Policy": "<escaped JSON>"}
aws sqs set-queue-attributes --queue-url <queue-url> --attributes file://attributes.json`,
  },
  evaluate(resource) {
    const { policy } = sqsProperties(resource);
    const subject = queueLabel(resource);
    if (policy === undefined) return notAssessed('queue policy (GetQueueAttributes)', subject);
    if (!policy.present)
      return pass(
        `${subject} has no queue policy: only principals of its own account that IAM allows can use it.`,
      );
    if (!policy.parsed)
      return notAssessed('queue policy (the Policy attribute was not a JSON policy document)', subject);
    if (policy.publicGrants.length > 0)
      return fail(
        `The queue policy of ${subject}: ${policy.publicGrants.map(describeGrant).join('; ')}.${phiNote(resource)}`,
      );
    const review =
      policy.conditionedPublicGrants > 0
        ? ` ${policy.conditionedPublicGrants} statement(s) allow Principal "*" with a Condition: review that each Condition restricts the caller.`
        : '';
    return pass(
      `The queue policy of ${subject} has no statement that allows Principal "*" without a Condition.${review}`,
    );
  },
};
