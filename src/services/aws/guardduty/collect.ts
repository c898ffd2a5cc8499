import type { Rule as EventRule } from '@aws-sdk/client-eventbridge';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  detectorArn,
  detectorFrom,
  findingPatternMatch,
  guardDutyRegionArn,
  regionName,
  targetKindOf,
} from './normalize';
import { ops } from './operations';
import { guardDutyRegion, type FindingRoute, type GuardDutyRegionProperties } from './resource';

/** ListDetectors page size: 1–50 (the API's maximum and default). */
const detectorsPage = 50;
/** ListRules / ListTargetsByRule page size: 1–100. */
const rulesPage = 100;
/** Matching rules whose targets are read at once. */
const ruleFanOut = 4;

/** ListTargetsByRule of one matching rule; a rule deleted since ListRules is dropped. */
async function routeOf(
  ctx: AwsCollectContext,
  rule: EventRule & { Name: string },
  match: { via: FindingRoute['via']; filtered: boolean },
  evidenceIds: number[],
): Promise<FindingRoute | null> {
  const { pages, complete } = await ctx.pages(
    ops.listTargetsByRule.command,
    { Rule: rule.Name, Limit: rulesPage },
    {
      inputToken: 'NextToken',
      outputToken: 'NextToken',
      subject: `EventBridge rule ${rule.Name}`,
      notConfigured: ['ResourceNotFoundException'],
    },
  );
  evidenceIds.push(...pages.map((page) => page.evidenceId));
  const gone = complete && pages.length === 0;
  if (gone) return null;
  return {
    ruleName: rule.Name,
    ruleArn: rule.Arn ?? '',
    state: rule.State ?? 'ENABLED',
    via: match.via,
    filtered: match.filtered,
    targets: complete
      ? pages.flatMap((page) =>
          (page.output.Targets ?? []).flatMap((target) =>
            target.Arn ? [{ id: target.Id ?? '', arn: target.Arn, kind: targetKindOf(target.Arn) }] : [],
          ),
        )
      : null,
  };
}

/**
 * The rules of the region's default event bus (GuardDuty publishes findings there, and nowhere
 * else), then the targets of those whose pattern matches GuardDuty findings.
 */
async function findingRoutes(
  ctx: AwsCollectContext,
  evidenceIds: number[],
): Promise<Pick<GuardDutyRegionProperties, 'findingRoutes' | 'rulesListed'>> {
  const listing = await ctx.pages(
    ops.listRules.command,
    { Limit: rulesPage },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  evidenceIds.push(...listing.pages.map((page) => page.evidenceId));
  // A failed page: the rules not listed may be the routing ones, so routing is not assessed.
  if (!listing.complete) return {};
  const rules = listing.pages.flatMap((page) => page.output.Rules ?? []);
  const matching = rules.flatMap((rule) => {
    const match = rule.Name ? findingPatternMatch(rule.EventPattern) : null;
    return match ? [{ rule: rule as EventRule & { Name: string }, match }] : [];
  });
  const routes = await mapWithConcurrency(matching, ruleFanOut, ({ rule, match }) =>
    routeOf(ctx, rule, match, evidenceIds),
  );
  return {
    findingRoutes: routes.filter((route): route is FindingRoute => route !== null),
    rulesListed: rules.length,
  };
}

/**
 * Every detector id of the region (NextToken paging; GuardDuty allows one detector per region, so one
 * page in practice). null when a page failed (a gap); 'region_disabled' when the region is not
 * enabled for the account.
 */
async function listDetectors(
  ctx: AwsCollectContext,
  name: string,
  evidenceIds: number[],
): Promise<string[] | null | 'region_disabled'> {
  const ids: string[] = [];
  let token: string | undefined;
  for (;;) {
    const answer = await ctx.call(
      ops.listDetectors.command,
      { MaxResults: detectorsPage, ...(token ? { NextToken: token } : {}) },
      { subject: `GuardDuty in ${name}` },
    );
    evidenceIds.push(answer.evidenceId);
    if (answer.status === 'gap') return answer.reason === 'region_disabled' ? 'region_disabled' : null;
    if (answer.status !== 'ok') return null;
    ids.push(...(answer.output.DetectorIds ?? []));
    token = answer.output.NextToken;
    if (!token) return ids;
  }
}

/**
 * GuardDuty of one account and region: ListDetectors, GetDetector of the detector listed, and where
 * a detector exists, the EventBridge rules that route its findings. One resource per region, a
 * detector or not; what could not be read is left absent.
 */
export async function collectGuardDuty(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const properties: GuardDutyRegionProperties = { accountId: ctx.accountId };
  const evidenceIds: number[] = [];
  const listed = await listDetectors(ctx, name, evidenceIds);
  // A region not enabled for the account (opt-in): GuardDuty cannot run there, nothing to judge.
  // A refused or failed list is a coverage gap: nothing is known of the region, so nothing is judged.
  if (listed === 'region_disabled' || listed === null) return [];
  if (listed !== null) {
    properties.detectorIds = listed;
    const first = listed[0];
    if (first !== undefined) {
      const arn = detectorArn(ctx.partition, ctx.region, ctx.accountId, first);
      const [detector, routing] = await Promise.all([
        ctx.call(ops.getDetector.command, { DetectorId: first }, { subject: `GuardDuty detector ${first}` }),
        findingRoutes(ctx, evidenceIds),
      ]);
      evidenceIds.push(detector.evidenceId);
      if (detector.status === 'ok')
        properties.detector = detectorFrom(detector.output, { detectorId: first, detectorArn: arn });
      Object.assign(properties, routing);
    }
  }
  return [
    ctx.resource({
      type: guardDutyRegion.type,
      nativeId: guardDutyRegionArn(ctx.partition, ctx.region, ctx.accountId),
      name,
      region: ctx.region,
      tags: {},
      properties: { ...properties },
      evidenceIds,
    }),
  ];
}
