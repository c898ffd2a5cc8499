import type { CachePolicySummary, DistributionSummary } from '@aws-sdk/client-cloudfront';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  cachePolicyIndex,
  distributionArn,
  distributionFrom,
  loggingFrom,
  tagsFrom,
  type CachePolicyIndex,
} from './normalize';
import { ops } from './operations';
import { cloudfrontDistribution, type CloudFrontDistributionProperties } from './resource';

/** MaxItems asked of ListDistributions and ListCachePolicies (CloudFront answers at most 100 a page). */
const pageSize = 100;
/** Distributions read at once (two calls each); the orchestrator's limiter is the real bound. */
const distributionFanOut = 8;
/** A distribution deleted between the list and the read. */
const distributionGone = ['NoSuchDistribution', 'NoSuchResource'];

interface Listed {
  summary: DistributionSummary;
  evidenceId: number;
}

/**
 * Every distribution of the account. The token lives inside DistributionList (NextMarker, present
 * when IsTruncated), so the pages are walked here rather than with ctx.pages.
 */
async function listDistributions(ctx: AwsCollectContext): Promise<Listed[]> {
  const listed: Listed[] = [];
  let marker: string | undefined;
  for (;;) {
    const answer = await ctx.call(ops.listDistributions.command, {
      MaxItems: pageSize,
      ...(marker ? { Marker: marker } : {}),
    });
    // A refused page is a recorded gap; the distributions listed before it are still assessed.
    if (answer.status !== 'ok') return listed;
    const list = answer.output.DistributionList;
    for (const summary of list?.Items ?? []) listed.push({ summary, evidenceId: answer.evidenceId });
    const next = list?.NextMarker;
    if (list?.IsTruncated !== true || !next) return listed;
    marker = next;
  }
}

/** Managed and custom cache policies (no Type filter: both), once per account; null when refused. */
async function listCachePolicies(
  ctx: AwsCollectContext,
): Promise<{ index: CachePolicyIndex | null; evidenceIds: number[] }> {
  const summaries: CachePolicySummary[] = [];
  const evidenceIds: number[] = [];
  let marker: string | undefined;
  for (;;) {
    const answer = await ctx.call(ops.listCachePolicies.command, {
      MaxItems: pageSize,
      ...(marker ? { Marker: marker } : {}),
    });
    evidenceIds.push(answer.evidenceId);
    // A policy missing from an incomplete list would read as "unknown": say so rather than guess.
    if (answer.status !== 'ok') return { index: null, evidenceIds };
    const list = answer.output.CachePolicyList;
    summaries.push(...(list?.Items ?? []));
    if (!list?.NextMarker) return { index: cachePolicyIndex(summaries), evidenceIds };
    marker = list.NextMarker;
  }
}

async function describe(
  ctx: AwsCollectContext,
  listed: Listed,
  policies: { index: CachePolicyIndex | null; evidenceIds: number[] },
): Promise<NormalizedResource | null> {
  const id = listed.summary.Id ?? '';
  const arn = listed.summary.ARN ?? distributionArn(ctx.partition, ctx.accountId, id);
  const subject = id;
  const [config, tagging] = await Promise.all([
    ctx.call(ops.getDistributionConfig.command, { Id: id }, { subject, notConfigured: distributionGone }),
    ctx.call(
      ops.listTagsForResource.command,
      { Resource: arn },
      { subject, notConfigured: distributionGone },
    ),
  ]);
  if (config.status === 'not_configured' || tagging.status === 'not_configured') return null;
  const properties: CloudFrontDistributionProperties = {
    ...distributionFrom(listed.summary, policies.index),
    tagsCollected: tagging.status === 'ok',
  };
  if (config.status === 'ok') properties.logging = loggingFrom(config.output.DistributionConfig?.Logging);
  return ctx.resource({
    type: cloudfrontDistribution.type,
    nativeId: arn,
    name: id,
    region: 'global',
    tags: tagging.status === 'ok' ? tagsFrom(tagging.output.Tags) : {},
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, ...policies.evidenceIds, config.evidenceId, tagging.evidenceId],
  });
}

/** CloudFront distributions of one account (a global service: one task per account, home region). */
export async function collectCloudFrontDistributions(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listDistributions(ctx);
  if (listed.length === 0) return [];
  const policies = await listCachePolicies(ctx);
  const described = await mapWithConcurrency(listed, distributionFanOut, (each) =>
    describe(ctx, each, policies),
  );
  return described.filter((each): each is NormalizedResource => each !== null);
}
