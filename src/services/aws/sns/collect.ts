import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { encryptionFrom, numberOrNull, policyFrom, topicName } from './normalize';
import { ops } from './operations';
import { snsTopic, type SnsTopicProperties } from './resource';

/** Topics read at once (two calls each); the orchestrator's limiter is the real bound. */
const topicFanOut = 16;
/** A topic deleted between ListTopics and the read: NotFound (GetTopicAttributes), ResourceNotFound (tags). */
const topicGone = ['NotFoundException', 'NotFound', 'ResourceNotFoundException', 'ResourceNotFound'];

interface ListedTopic {
  arn: string;
  evidenceId: number;
}

async function listTopics(ctx: AwsCollectContext): Promise<ListedTopic[]> {
  // ListTopics answers up to 100 topics a page and a NextToken while more remain; it takes no page size.
  const { pages } = await ctx.pages(
    ops.listTopics.command,
    {},
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  return pages.flatMap((page) =>
    (page.output.Topics ?? []).flatMap((topic) =>
      topic.TopicArn ? [{ arn: topic.TopicArn, evidenceId: page.evidenceId }] : [],
    ),
  );
}

async function describe(ctx: AwsCollectContext, listed: ListedTopic): Promise<NormalizedResource | null> {
  const name = topicName(listed.arn);
  const options = { subject: name, notConfigured: topicGone };
  const [attributes, tagging] = await Promise.all([
    ctx.call(ops.getTopicAttributes.command, { TopicArn: listed.arn }, options),
    ctx.call(ops.listTagsForResource.command, { ResourceArn: listed.arn }, options),
  ]);
  // Deleted since it was listed: nothing left to judge.
  if (attributes.status === 'not_configured' || tagging.status === 'not_configured') return null;
  const properties: SnsTopicProperties = {
    topicArn: listed.arn,
    fifo: name.endsWith('.fifo'),
    tagsCollected: tagging.status === 'ok',
  };
  if (attributes.status === 'ok') {
    const values: Record<string, string> = { ...attributes.output.Attributes };
    properties.encryption = encryptionFrom(values);
    properties.policy = policyFrom(values.Policy);
    properties.subscriptionsConfirmed = numberOrNull(values.SubscriptionsConfirmed);
    if (values.FifoTopic !== undefined) properties.fifo = values.FifoTopic === 'true';
  }
  const tags: Record<string, string> = {};
  if (tagging.status === 'ok')
    for (const tag of tagging.output.Tags ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  return ctx.resource({
    type: snsTopic.type,
    nativeId: listed.arn,
    name,
    region: ctx.region,
    tags,
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, attributes.evidenceId, tagging.evidenceId],
  });
}

/** SNS topics of one account and region: listed by ARN, then each one's attributes and tags read. */
export async function collectSnsTopics(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listTopics(ctx);
  const described = await mapWithConcurrency(listed, topicFanOut, (each) => describe(ctx, each));
  return described.filter((each): each is NormalizedResource => each !== null);
}
