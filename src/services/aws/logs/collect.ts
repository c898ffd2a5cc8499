import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { logGroupArnOf, logGroupFrom } from './normalize';
import { ops } from './operations';
import { logGroup, type LogGroupProperties } from './resource';

/** DescribeLogGroups answers at most 50 groups a page (limit 1–50) and a nextToken while more remain. */
const pageLimit = 50;
const tagFanOut = 16;
/** A group deleted between the list and the tag read. */
const groupGone = ['ResourceNotFoundException'];

/** CloudWatch Logs log groups of one account and region, each with its tags. */
export async function collectLogGroups(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const { pages } = await ctx.pages(
    ops.describeLogGroups.command,
    { limit: pageLimit },
    { inputToken: 'nextToken', outputToken: 'nextToken' },
  );
  const listed = pages.flatMap((page) =>
    (page.output.logGroups ?? []).map((group) => ({ group, evidenceId: page.evidenceId })),
  );
  const described = await mapWithConcurrency(listed, tagFanOut, async ({ group, evidenceId }) => {
    const settings = logGroupFrom(group);
    const arn = logGroupArnOf(group);
    if (!settings || !arn) return null;
    const tagging = await ctx.call(
      ops.listTagsForResource.command,
      { resourceArn: arn },
      { subject: settings.logGroupName, notConfigured: groupGone },
    );
    if (tagging.status === 'not_configured') return null;
    const properties: LogGroupProperties = { ...settings, tagsCollected: tagging.status === 'ok' };
    return ctx.resource({
      type: logGroup.type,
      nativeId: arn,
      name: settings.logGroupName,
      region: ctx.region,
      tags: tagging.status === 'ok' ? { ...tagging.output.tags } : {},
      properties: { ...properties },
      evidenceIds: [evidenceId, tagging.evidenceId],
    });
  });
  return described.filter((each): each is NormalizedResource => each !== null);
}
