import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.sns.topic'; nativeId = the topic ARN; name = the topic name (the ARN's last
 * part). A property that could not be collected is absent: rules report it as "not assessed".
 */
export const topicSchema = z.object({
  topicArn: z.string(),
  /** FIFO topic names end in .fifo (GetTopicAttributes FifoTopic 'true') */
  fifo: z.boolean(),
  /** GetTopicAttributes: server-side encryption as the attributes state it */
  encryption: z
    .object({
      /** KmsMasterKeyId as written (key id, key ARN, alias name or alias ARN); null = no SSE */
      kmsMasterKeyId: z.string().nullable(),
      /** True when the key is the AWS managed key for SNS (alias/aws/sns) */
      awsManagedKey: z.boolean(),
    })
    .optional(),
  /** GetTopicAttributes' Policy attribute: every topic has one (SNS writes a default policy). */
  policy: z
    .object({
      present: z.boolean(),
      /** False when the text was not a JSON policy: nothing is claimed from it. */
      parsed: z.boolean(),
      /** Allow statements to Principal "*" (or {"AWS":"*"}) with no Condition, as written. */
      publicGrants: z.array(
        z.object({ sid: z.string().nullable(), actions: z.array(z.string()), notAction: z.boolean() }),
      ),
      /** Allow statements to everyone with a Condition (the default policy's AWS:SourceOwner one among them). */
      conditionedPublicGrants: z.number(),
      /** A Deny to everyone when aws:SecureTransport is false, on all SNS actions or on SNS:Publish */
      denyInsecureTransport: z.enum(['all-actions', 'publish', 'none']),
      document: z.unknown().nullable(),
    })
    .optional(),
  /** SubscriptionsConfirmed, a number in a string; null when unreadable */
  subscriptionsConfirmed: z.number().nullable().optional(),
  /** False when ListTagsForResource failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
});

export type SnsTopicProperties = z.infer<typeof topicSchema>;

export const snsTopic = defineResourceType('aws.sns.topic', 'SNS topic', topicSchema);
