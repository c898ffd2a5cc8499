import type { AwsCollectContext, NormalizedResource } from '../../../kit';
import { hubArn, hubFrom, notSubscribed, regionName, standardFrom } from './normalize';
import { ops } from './operations';
import { securityHubHub, type EnabledStandard, type SecurityHubProperties } from './resource';

/** GetEnabledStandards page size: 1–100. */
const standardsPage = 100;
/**
 * DescribeHub's answers where the account is not subscribed in the region: InvalidAccessException
 * (what the API answers today) and ResourceNotFoundException (named for a hub ARN that does not exist).
 * A missing IAM permission is AccessDeniedException, a coverage gap.
 */
const notSubscribedCodes = ['InvalidAccessException', 'ResourceNotFoundException'];

/** Security Hub of one account and region: one resource, subscribed or not. */
export async function collectSecurityHub(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const properties: SecurityHubProperties = { accountId: ctx.accountId };
  const described = await ctx.call(
    ops.describeHub.command,
    {},
    { subject: `Security Hub in ${name}`, notConfigured: notSubscribedCodes },
  );
  // Opt-in region not enabled for the account: nothing runs there, nothing to judge.
  // A refused or failed read is a coverage gap (recorded): nothing is known, nothing is judged.
  if (described.status === 'gap') return [];
  const evidenceIds = [described.evidenceId];
  if (described.status === 'not_configured') properties.hub = notSubscribed;
  if (described.status === 'ok') {
    properties.hub = hubFrom(described.output);
    const { pages, complete } = await ctx.pages(
      ops.getEnabledStandards.command,
      { MaxResults: standardsPage },
      { inputToken: 'NextToken', outputToken: 'NextToken', subject: `Security Hub in ${name}` },
    );
    evidenceIds.push(...pages.map((page) => page.evidenceId));
    if (complete && pages.length > 0)
      properties.standards = pages
        .flatMap((page) => page.output.StandardsSubscriptions ?? [])
        .map(standardFrom)
        .filter((each): each is EnabledStandard => each !== null);
  }
  return [
    ctx.resource({
      type: securityHubHub.type,
      nativeId: hubArn(ctx.partition, ctx.region, ctx.accountId),
      name,
      region: ctx.region,
      tags: {},
      properties: { ...properties },
      evidenceIds,
    }),
  ];
}
