import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  deadLetterTargetFrom,
  encryptionFrom,
  policyFrom,
  queueUrlParts,
  retentionFrom,
  sqsQueueArn,
} from './normalize';
import { ops } from './operations';
import { sqsQueue, type SqsQueueProperties } from './resource';

/** ListQueues page size asked (1–1000). Without MaxResults SQS answers at most 1000 and no NextToken. */
const listQueuesLimit = 1000;
/** Queues read at once (two calls each); the orchestrator's limiter is the real bound. */
const queueFanOut = 16;
/**
 * A queue deleted between ListQueues and the read: QueueDoesNotExist in the JSON protocol, its
 * query-compatible code AWS.SimpleQueueService.NonExistentQueue in older answers.
 */
const queueGone = ['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue'];

interface ListedQueue {
  url: string;
  name: string;
  evidenceId: number;
}

async function listQueues(ctx: AwsCollectContext): Promise<ListedQueue[]> {
  const { pages } = await ctx.pages(
    ops.listQueues.command,
    // MaxResults must be set for SQS to answer a NextToken at all.
    { MaxResults: listQueuesLimit },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  // A failed page is a recorded gap; the queues listed before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.QueueUrls ?? []).map((url) => ({
      url,
      name: queueUrlParts(url)?.name ?? url,
      evidenceId: page.evidenceId,
    })),
  );
}

async function describe(ctx: AwsCollectContext, listed: ListedQueue): Promise<NormalizedResource | null> {
  const subject = listed.name;
  const input = { QueueUrl: listed.url };
  const [attributes, tagging] = await Promise.all([
    // 'All': naming KmsMasterKeyId alone is refused by some endpoints on queues without SSE-KMS.
    ctx.call(
      ops.getQueueAttributes.command,
      { ...input, AttributeNames: ['All'] },
      { subject, notConfigured: queueGone },
    ),
    ctx.call(ops.listQueueTags.command, input, { subject, notConfigured: queueGone }),
  ]);
  // Deleted since it was listed: nothing left to judge.
  if (attributes.status === 'not_configured' || tagging.status === 'not_configured') return null;
  const properties: SqsQueueProperties = {
    queueUrl: listed.url,
    fifo: listed.name.endsWith('.fifo'),
    tagsCollected: tagging.status === 'ok',
  };
  let arn = sqsQueueArn(
    ctx.partition,
    ctx.region,
    queueUrlParts(listed.url)?.accountId ?? ctx.accountId,
    listed.name,
  );
  if (attributes.status === 'ok') {
    const values: Record<string, string> = { ...attributes.output.Attributes };
    properties.encryption = encryptionFrom(values);
    properties.policy = policyFrom(values.Policy);
    properties.messageRetentionPeriodSeconds = retentionFrom(values);
    properties.deadLetterTargetArn = deadLetterTargetFrom(values);
    if (values.FifoQueue !== undefined) properties.fifo = values.FifoQueue === 'true';
    if (values.QueueArn) arn = values.QueueArn;
  }
  return ctx.resource({
    type: sqsQueue.type,
    nativeId: arn,
    name: listed.name,
    region: ctx.region,
    tags: tagging.status === 'ok' ? { ...tagging.output.Tags } : {},
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, attributes.evidenceId, tagging.evidenceId],
  });
}

/** SQS queues of one account and region: listed by URL, then each one's attributes and tags read. */
export async function collectSqsQueues(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listQueues(ctx);
  const described = await mapWithConcurrency(listed, queueFanOut, (each) => describe(ctx, each));
  return described.filter((each): each is NormalizedResource => each !== null);
}
