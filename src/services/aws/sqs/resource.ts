import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.sqs.queue'; nativeId = the queue ARN; name = the queue name (the last segment
 * of the URL ListQueues answers). A property that could not be collected is absent: rules report it
 * as "not assessed", never as pass or fail.
 */
export const queueSchema = z.object({
  /** ListQueues answers URLs: https://sqs.<region>.amazonaws.com/<account>/<name> */
  queueUrl: z.string(),
  /** FIFO queue names end in .fifo (and GetQueueAttributes says FifoQueue 'true') */
  fifo: z.boolean(),
  /** GetQueueAttributes (All): server-side encryption as the attributes state it. */
  encryption: z
    .object({
      /** 'sse-kms': KmsMasterKeyId set; 'sse-sqs': SqsManagedSseEnabled 'true'; 'none': neither */
      kind: z.enum(['sse-kms', 'sse-sqs', 'none']),
      /** KmsMasterKeyId as written: a key id, key ARN, alias name or alias ARN; absent unless SSE-KMS */
      kmsMasterKeyId: z.string().nullable(),
      /** True when the key is the AWS managed key for SQS (alias/aws/sqs) */
      awsManagedKey: z.boolean(),
      /** KmsDataKeyReusePeriodSeconds (60–86400), present with SSE-KMS */
      dataKeyReusePeriodSeconds: z.number().nullable(),
    })
    .optional(),
  /** GetQueueAttributes' Policy attribute (absent when the queue has no policy). */
  policy: z
    .object({
      present: z.boolean(),
      /** False when the text was not a JSON policy: the text is kept, nothing is claimed from it. */
      parsed: z.boolean(),
      /** Allow statements to Principal "*" (or {"AWS":"*"}) with no Condition, as written. */
      publicGrants: z.array(
        z.object({
          sid: z.string().nullable(),
          actions: z.array(z.string()),
          notAction: z.boolean(),
        }),
      ),
      /** Allow statements to everyone that carry a Condition: restricted, worth a look in triage. */
      conditionedPublicGrants: z.number(),
      /** A Deny to everyone on all SQS actions when aws:SecureTransport is false. */
      denyInsecureTransport: z.boolean(),
      document: z.unknown().nullable(),
    })
    .optional(),
  /** MessageRetentionPeriod in seconds (60–1209600) */
  messageRetentionPeriodSeconds: z.number().nullable().optional(),
  /** RedrivePolicy's deadLetterTargetArn, or null without a dead-letter queue */
  deadLetterTargetArn: z.string().nullable().optional(),
  /** False when ListQueueTags failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
});

export type SqsQueueProperties = z.infer<typeof queueSchema>;

export const sqsQueue = defineResourceType('aws.sqs.queue', 'SQS queue', queueSchema);
