import type { Trail } from '@aws-sdk/client-cloudtrail';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  accountTrailsArn,
  s3DataEventsFrom,
  statusFrom,
  tagsFromResourceTags,
  trailFrom,
  trailNameOf,
  type TrailFacts,
} from './normalize';
import { ops } from './operations';
import {
  cloudTrailAccount,
  cloudTrailTrail,
  type CloudTrailAccountProperties,
  type CloudTrailTrailProperties,
} from './resource';

/** Trails described at once (three calls each); the orchestrator's limiter is the real bound. */
const trailFanOut = 8;

interface SeenTrail {
  name: string;
  facts: TrailFacts;
  evidenceIds: number[];
}

/**
 * DescribeTrails in every assessed region, shadow trails included (the API's default): a
 * multi-region trail, or an organization trail in a member account, is listed in each region it
 * logs, and only with shadow trails does a region show the trails homed elsewhere. The answers are
 * merged by TrailARN, so each trail is one resource, in its home region.
 */
async function listTrails(
  ctx: AwsCollectContext,
  regions: readonly string[],
): Promise<{ trails: SeenTrail[]; listed: string[]; refused: string[]; evidenceIds: number[] }> {
  const answers = await Promise.all(
    regions.map(async (region) => ({
      region,
      answer: await ctx.call(ops.describeTrails.command, { includeShadowTrails: true }, { region }),
    })),
  );
  const byArn = new Map<string, SeenTrail & { fromHome: boolean }>();
  const listed: string[] = [];
  const refused: string[] = [];
  for (const { region, answer } of answers) {
    if (answer.status !== 'ok') {
      refused.push(region);
      continue;
    }
    listed.push(region);
    for (const trail of answer.output.trailList ?? ([] as Trail[])) {
      const facts = trailFrom(trail);
      if (!facts) continue;
      const fromHome = facts.homeRegion === region;
      const known = byArn.get(facts.trailArn);
      const evidenceIds = [...(known?.evidenceIds ?? []), answer.evidenceId];
      // The home region's answer is the trail's own; a shadow copy stands in until it is seen.
      if (!known || (fromHome && !known.fromHome))
        byArn.set(facts.trailArn, { name: trailNameOf(trail), facts, evidenceIds, fromHome });
      else known.evidenceIds = evidenceIds;
    }
  }
  const trails = [...byArn.values()].sort((a, b) => a.facts.trailArn.localeCompare(b.facts.trailArn));
  return { trails, listed, refused, evidenceIds: answers.map(({ answer }) => answer.evidenceId) };
}

/** GetTrailStatus, GetEventSelectors and ListTags of one trail, each sent to its home region by ARN. */
async function describeTrail(ctx: AwsCollectContext, seen: SeenTrail): Promise<NormalizedResource> {
  const arn = seen.facts.trailArn;
  const options = { region: seen.facts.homeRegion, subject: seen.name };
  const [status, selectors, tagging] = await Promise.all([
    ctx.call(ops.getTrailStatus.command, { Name: arn }, options),
    ctx.call(ops.getEventSelectors.command, { TrailName: arn }, options),
    // ListTags takes up to 20 ARNs of the current region; NextToken is "reserved for future use".
    ctx.call(ops.listTags.command, { ResourceIdList: [arn] }, options),
  ]);
  const properties: CloudTrailTrailProperties = {
    ...seen.facts,
    tagsCollected: tagging.status === 'ok',
  };
  if (status.status === 'ok') Object.assign(properties, statusFrom(status.output));
  if (selectors.status === 'ok') properties.s3DataEvents = s3DataEventsFrom(selectors.output);
  return ctx.resource({
    type: cloudTrailTrail.type,
    nativeId: arn,
    name: seen.name,
    region: seen.facts.homeRegion,
    tags: tagging.status === 'ok' ? tagsFromResourceTags(tagging.output.ResourceTagList ?? [], arn) : {},
    properties: { ...properties },
    evidenceIds: [
      ...new Set([...seen.evidenceIds, status.evidenceId, selectors.evidenceId, tagging.evidenceId]),
    ],
  });
}

/**
 * CloudTrail trails of one account (scope 'global': one task per account, calling each assessed
 * region), plus one account-level resource that says which trails were seen and which regions
 * could not be listed, for the account-wide rule.
 */
export async function collectCloudTrail(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const regions = ctx.base.connection.target.regions;
  const { trails, listed, refused, evidenceIds: listing } = await listTrails(ctx, regions);
  // No region answered DescribeTrails: nothing was seen, so nothing is claimed (the gaps say why).
  if (listed.length === 0) return [];
  const described = await mapWithConcurrency(trails, trailFanOut, (each) => describeTrail(ctx, each));
  const account: CloudTrailAccountProperties = {
    accountId: ctx.accountId,
    regionsListed: listed,
    regionsRefused: refused,
    trails: described.map((resource) => {
      const properties = cloudTrailTrail.properties(resource);
      return {
        trailArn: resource.nativeId,
        name: resource.name,
        homeRegion: resource.region,
        multiRegion: properties.multiRegion === true,
        isLogging: properties.isLogging ?? null,
      };
    }),
  };
  const evidenceIds = [...new Set([...listing, ...described.flatMap((resource) => resource.evidenceIds)])];
  return [
    ...described,
    ctx.resource({
      type: cloudTrailAccount.type,
      nativeId: accountTrailsArn(ctx.partition, ctx.accountId),
      name: `account ${ctx.accountId}`,
      region: 'global',
      tags: {},
      properties: { ...account },
      evidenceIds,
    }),
  ];
}
