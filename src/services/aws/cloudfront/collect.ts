import type { DistributionSummary } from '@aws-sdk/client-cloudfront';
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

/** Every distribution of the account; the token sits inside DistributionList (NextMarker with IsTruncated). */
async function listDistributions(ctx: AwsCollectContext): Promise<Listed[]> {
  const { pages } = await ctx.pages(
    ops.listDistributions.command,
    { MaxItems: pageSize },
    {
      inputToken: 'Marker',
      outputToken: 'DistributionList.NextMarker',
      moreFlag: 'DistributionList.IsTruncated',
    },
  );
  // A refused page is a recorded gap; the distributions listed before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.DistributionList?.Items ?? []).map((summary) => ({ summary, evidenceId: page.evidenceId })),
  );
}

/** Managed and custom cache policies (no Type filter: both), once per account; null when refused. */
async function listCachePolicies(
  ctx: AwsCollectContext,
): Promise<{ index: CachePolicyIndex | null; evidenceIds: number[] }> {
  const { pages, complete } = await ctx.pages(
    ops.listCachePolicies.command,
    { MaxItems: pageSize },
    { inputToken: 'Marker', outputToken: 'CachePolicyList.NextMarker' },
  );
  const evidenceIds = pages.map((page) => page.evidenceId);
  // A policy missing from an incomplete list would read as "unknown": say so rather than guess.
  if (!complete) return { index: null, evidenceIds };
  return {
    index: cachePolicyIndex(pages.flatMap((page) => page.output.CachePolicyList?.Items ?? [])),
    evidenceIds,
  };
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
