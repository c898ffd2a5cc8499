import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import type { SnsTopicProperties } from '../resource';
import { SNS_TOPIC, snsProperties, topicLabel } from './common';

type Grant = NonNullable<SnsTopicProperties['policy']>['publicGrants'][number];

function describeGrant(grant: Grant): string {
  const statement = grant.sid ? `statement "${grant.sid}"` : 'an unnamed statement';
  const actions = grant.notAction
    ? `every action except ${grant.actions.join(', ') || 'none'}`
    : grant.actions.join(', ') || 'no listed action';
  return `${statement} allows ${actions} to Principal "*" with no Condition`;
}

/** 164.312(a)(1) access control, 164.308(a)(4)(ii)(B) access authorization: only authorized principals publish or subscribe. */
export const snsPolicyPublic: Rule = {
  id: 'aws.sns.policy-public',
  title: 'SNS topic policies do not allow everyone without a restricting Condition',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: SNS_TOPIC,
  citations: ['164.312(a)(1)', '164.308(a)(4)(ii)(B)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    'A topic policy is a resource-based policy: an Allow to Principal "*" (or {"AWS":"*"}) with no Condition grants its actions to every AWS account. SNS:Subscribe lets anyone attach their own queue, function, HTTPS endpoint or e-mail address and receive every later message — for a support-ticket or appointment topic, a copy of each PHI message; SNS:Publish lets anyone inject forged tickets. 164.312(a)(1) requires that only persons or software programs granted access rights reach ePHI, and 164.308(a)(4)(ii)(B) requires access to be granted through an authorization process, which an open statement bypasses. The rule reports only what the policy says: statements to everyone that carry a Condition — including the default policy SNS writes, limited by AWS:SourceOwner to the owner account — are counted in the passing detail for review, not failed.',
  remediation: {
    text: 'Replace Principal "*" with the accounts, roles or services that publish and subscribe, or add a restricting Condition (aws:SourceArn, aws:SourceAccount, aws:PrincipalOrgID). SetTopicAttributes Policy replaces the whole policy: start from the current one.',
    terraform: `data "aws_iam_policy_document" "order_status" {
  statement {
    sid       = "AllowEventBridgePublish"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.order_status.arn]
    principals {
      type        = "Service"
      identifiers = ["events.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_sns_topic_policy" "order_status" {
  arn    = aws_sns_topic.order_status.arn
  policy = data.aws_iam_policy_document.order_status.json
}`,
    cloudformation: `OrderStatusTopicPolicy:
  Type: AWS::SNS::TopicPolicy
  Properties:
    Topics: [!Ref OrderStatusTopic]
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: AllowEventBridgePublish
          Effect: Allow
          Principal:
            Service: events.amazonaws.com
          Action: sns:Publish
          Resource: !Ref OrderStatusTopic
          Condition:
            StringEquals:
              aws:SourceAccount: !Ref AWS::AccountId`,
    cli: `aws sns get-topic-attributes --topic-arn <topic-arn> --query Attributes.Policy --output text > policy.json
# edit policy.json: remove Principal "*" or add a restricting Condition
aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name Policy --attribute-value file://policy.json`,
  },
  evaluate(resource) {
    const { policy } = snsProperties(resource);
    const subject = topicLabel(resource);
    if (policy === undefined) return notAssessed('topic policy (GetTopicAttributes)', subject);
    if (!policy.present)
      return pass(
        `${subject} has no topic policy: only principals of its own account that IAM allows can use it.`,
      );
    if (!policy.parsed)
      return notAssessed('topic policy (the Policy attribute was not a JSON policy document)', subject);
    if (policy.publicGrants.length > 0)
      return fail(
        `The topic policy of ${subject}: ${policy.publicGrants.map(describeGrant).join('; ')}.${phiNote(resource)}`,
      );
    const review =
      policy.conditionedPublicGrants > 0
        ? ` ${policy.conditionedPublicGrants} statement(s) allow Principal "*" with a Condition (SNS's default policy does, limited to the owner account by AWS:SourceOwner): review that each Condition restricts the caller.`
        : '';
    return pass(
      `The topic policy of ${subject} has no statement that allows Principal "*" without a Condition.${review}`,
    );
  },
};
