import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { queueLabel, SQS_QUEUE, sqsProperties } from './common';

/** 164.312(a)(2)(iv) encryption and decryption: messages holding ePHI are encrypted while queued. */
export const sqsEncryptionAtRest: Rule = {
  id: 'aws.sqs.encryption-at-rest',
  title: 'SQS queues encrypt messages at rest (SSE-KMS or SSE-SQS)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: SQS_QUEUE,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    '164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, or a documented equivalent where encryption is not reasonable and appropriate (addressable, 164.306(d)(3)). Support-ticket, order and intake queues carry message bodies with names, orders and health details for up to 14 days, and a queue without server-side encryption stores them as written. SQS encrypts a queue with SSE-SQS (keys SQS owns; the default for queues created since late 2022) or SSE-KMS (a KMS key named by KmsMasterKeyId). Either one passes this rule, as SSE-S3 passes the S3 default-encryption rule; for PHI queues SSE-KMS with a customer managed key is preferred, because every use of the key is logged in CloudTrail and the key policy can revoke access to the messages separately from access to the queue, and the passing detail says which one the queue uses. Queues created before SSE-SQS, or with it turned off, fail.',
  remediation: {
    text: 'Turn on server-side encryption for the queue, preferably SSE-KMS with a customer managed key (and a key policy that lets the producers and consumers use it), or at least SSE-SQS. Encryption applies to messages sent after the change; messages already in the queue stay unencrypted until they are consumed or expire.',
    terraform: `resource "aws_sqs_queue" "support_tickets" {
  name                              = "nwv-support-tickets"
  kms_master_key_id                 = aws_kms_key.phi.arn
  kms_data_key_reuse_period_seconds = 300
  # or, without a customer managed key:
  # sqs_managed_sse_enabled = true
}`,
    cloudformation: `SupportTicketsQueue:
  Type: AWS::SQS::Queue
  Properties:
    QueueName: nwv-support-tickets
    KmsMasterKeyId: !GetAtt PhiKey.Arn
    KmsDataKeyReusePeriodSeconds: 300
    # or, without a customer managed key:
    # SqsManagedSseEnabled: true`,
    cli: `aws sqs set-queue-attributes --queue-url <queue-url> \\
  --attributes '{"KmsMasterKeyId":"<kms-key-arn>","KmsDataKeyReusePeriodSeconds":"300"}'
# or SSE-SQS:
aws sqs set-queue-attributes --queue-url <queue-url> --attributes '{"SqsManagedSseEnabled":"true"}'`,
  },
  evaluate(resource) {
    const { encryption } = sqsProperties(resource);
    const subject = queueLabel(resource);
    if (encryption === undefined) return notAssessed('server-side encryption (GetQueueAttributes)', subject);
    if (encryption.kind === 'none')
      return fail(
        `${subject} has no server-side encryption (no KmsMasterKeyId, SqsManagedSseEnabled not true): its messages are stored unencrypted.${phiNote(resource)}`,
      );
    // The same words whatever the PHI classification: a pass never depends on tags that may be unreadable.
    if (encryption.kind === 'sse-sqs')
      return pass(
        `${subject} encrypts messages at rest with SSE-SQS (keys owned by SQS); for PHI, SSE-KMS with a customer managed key is preferred (CloudTrail logs each key use, and the key policy can revoke access).`,
      );
    const key = encryption.kmsMasterKeyId ?? 'an unreported key';
    if (encryption.awsManagedKey)
      return pass(
        `${subject} encrypts messages at rest with SSE-KMS under the AWS managed key ${key}; a customer managed key is preferred for PHI, since its policy can be restricted.`,
      );
    return pass(`${subject} encrypts messages at rest with SSE-KMS under key ${key}.`);
  },
};
