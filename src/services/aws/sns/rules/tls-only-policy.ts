import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { SNS_TOPIC, snsProperties, topicLabel } from './common';

/** 164.312(e)(1) transmission security: the topic refuses publishes that are not over TLS. */
export const snsTlsOnlyPolicy: Rule = {
  id: 'aws.sns.tls-only-policy',
  title: 'SNS topic policies deny publishing without TLS (aws:SecureTransport)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: SNS_TOPIC,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) calls for integrity controls so that transmitted ePHI is not modified without detection. SNS endpoints accept HTTP as well as HTTPS; AWS documents a Deny statement on SNS:Publish (or all SNS actions) for everyone when aws:SecureTransport is false as the way to make a topic accept only encrypted connections, whatever client, SDK endpoint override or device publishes. The rule reads the topic policy (GetTopicAttributes) and passes when such a Deny covers SNS:Publish or every SNS action; a topic with only the default policy fails. Deliveries from SNS to HTTP (not HTTPS) subscription endpoints are outside this rule.',
  remediation: {
    text: 'Add a Deny statement for all principals on SNS:Publish (or all SNS actions) when aws:SecureTransport is false, merged into the existing topic policy (setting Policy replaces the whole document).',
    terraform: `data "aws_iam_policy_document" "support_ticket_created" {
  # Keep the topic's existing statements here too: aws_sns_topic_policy replaces the whole policy.
  statement {
    sid       = "AllowPublishThroughSSLOnly"
    effect    = "Deny"
    actions   = ["sns:Publish"]
    resources = [aws_sns_topic.support_ticket_created.arn]
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

resource "aws_sns_topic_policy" "support_ticket_created" {
  arn    = aws_sns_topic.support_ticket_created.arn
  policy = data.aws_iam_policy_document.support_ticket_created.json
}`,
    cloudformation: `SupportTicketCreatedTopicPolicy:
  Type: AWS::SNS::TopicPolicy
  Properties:
    Topics: [!Ref SupportTicketCreatedTopic]
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: AllowPublishThroughSSLOnly
          Effect: Deny
          Principal: '*'
          Action: sns:Publish
          Resource: !Ref SupportTicketCreatedTopic
          Condition:
            Bool:
              aws:SecureTransport: 'false'`,
    cli: `aws sns get-topic-attributes --topic-arn <topic-arn> --query Attributes.Policy --output text > policy.json
# add: {"Sid":"AllowPublishThroughSSLOnly","Effect":"Deny","Principal":"*","Action":"SNS:Publish",
#       "Resource":"<topic-arn>","Condition":{"Bool":{"aws:SecureTransport":"false"}}}
aws sns set-topic-attributes --topic-arn <topic-arn> --attribute-name Policy --attribute-value file://policy.json`,
  },
  evaluate(resource) {
    const { policy } = snsProperties(resource);
    const subject = topicLabel(resource);
    if (policy === undefined) return notAssessed('topic policy (GetTopicAttributes)', subject);
    if (policy.present && !policy.parsed)
      return notAssessed('topic policy (the Policy attribute was not a JSON policy document)', subject);
    if (!policy.present)
      return fail(
        `${subject} has no topic policy, so publishing over plain HTTP is not denied.${phiNote(resource)}`,
      );
    if (policy.denyInsecureTransport === 'none')
      return fail(
        `${subject} has a topic policy without a Deny on aws:SecureTransport = false, so publishing over plain HTTP is not denied.${phiNote(resource)}`,
      );
    const scope = policy.denyInsecureTransport === 'all-actions' ? 'every SNS request' : 'every publish';
    return pass(`${subject} denies ${scope} that does not use TLS (aws:SecureTransport = false).`);
  },
};
