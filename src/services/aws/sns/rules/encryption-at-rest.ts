import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { SNS_TOPIC, snsProperties, topicLabel } from './common';

/** 164.312(a)(2)(iv) encryption and decryption: notifications carrying ePHI are encrypted while SNS holds them. */
export const snsEncryptionAtRest: Rule = {
  id: 'aws.sns.encryption-at-rest',
  title: 'SNS topics encrypt messages at rest (SSE with a KMS key)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: SNS_TOPIC,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, or a documented equivalent where encryption is not reasonable and appropriate (addressable, 164.306(d)(3)). SNS stores each published message until every subscription has received it — across delivery retries, and in the archive of a FIFO topic — and a support-ticket or appointment topic fans the ticket text, names and health details out to queues, functions and e-mail. Unlike SQS, SNS has no service-owned encryption: a topic is encrypted only when KmsMasterKeyId names a KMS key (the AWS managed alias/aws/sns or a customer managed key). The rule reads KmsMasterKeyId from GetTopicAttributes: absent means the topic stores messages unencrypted. A customer managed key is preferred for PHI (its policy can restrict use and each use is logged in CloudTrail); the passing detail names the key.',
  remediation: {
    text: 'Set KmsMasterKeyId on the topic, preferably to a customer managed KMS key whose key policy lets the publishers (and services such as EventBridge or CloudWatch alarms) use it. Encryption applies to messages published after the change.',
    terraform: `resource "aws_sns_topic" "support_ticket_created" {
  name              = "nwv-support-ticket-created"
  kms_master_key_id = aws_kms_key.phi.arn # or "alias/aws/sns"
}`,
    cloudformation: `SupportTicketCreatedTopic:
  Type: AWS::SNS::Topic
  Properties:
    TopicName: nwv-support-ticket-created
    KmsMasterKeyId: !GetAtt PhiKey.Arn # or alias/aws/sns`,
    cli: `aws sns set-topic-attributes --topic-arn <topic-arn> \\
  --attribute-name KmsMasterKeyId --attribute-value <kms-key-arn-or-alias>`,
  },
  evaluate(resource) {
    const { encryption } = snsProperties(resource);
    const subject = topicLabel(resource);
    if (encryption === undefined) return notAssessed('server-side encryption (GetTopicAttributes)', subject);
    if (encryption.kmsMasterKeyId === null)
      return fail(
        `${subject} has no server-side encryption (no KmsMasterKeyId): its messages are stored unencrypted until delivered.${phiNote(resource)}`,
      );
    if (encryption.awsManagedKey)
      return pass(
        `${subject} encrypts messages at rest under the AWS managed key ${encryption.kmsMasterKeyId}; a customer managed key is preferred for PHI, since its policy can be restricted.`,
      );
    return pass(`${subject} encrypts messages at rest under KMS key ${encryption.kmsMasterKeyId}.`);
  },
};
