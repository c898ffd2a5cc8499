import type { AwsCollectContext, NormalizedResource } from '../../../kit';
import { behaviorGraphsArn, membershipFrom, regionName } from './normalize';
import { ops } from './operations';
import { detectiveRegion, type DetectiveProperties } from './resource';

/** ListGraphs / ListInvitations page size: 1–200. */
const pageSize = 200;

type Membership = NonNullable<DetectiveProperties['memberships']>[number];

/** Detective of one account and region: the graphs it administers and those it is a member of. */
export async function collectDetective(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const name = regionName(ctx.region, ctx.accountId);
  const options = {
    inputToken: 'NextToken',
    outputToken: 'NextToken',
    subject: `Detective in ${name}`,
  } as const;
  const graphs = await ctx.call(
    ops.listGraphs.command,
    { MaxResults: pageSize },
    { subject: options.subject },
  );
  // Opt-in region not enabled for the account: nothing runs there, nothing to judge.
  // A refused or failed list is a coverage gap (recorded): nothing is known, nothing is judged.
  if (graphs.status === 'gap') return [];
  const properties: DetectiveProperties = { accountId: ctx.accountId };
  const evidenceIds = [graphs.evidenceId];
  if (graphs.status === 'ok') {
    const arns = (graphs.output.GraphList ?? []).flatMap((graph) => (graph.Arn ? [graph.Arn] : []));
    let token = graphs.output.NextToken;
    let complete = true;
    while (token) {
      const next = await ctx.call(
        ops.listGraphs.command,
        { MaxResults: pageSize, NextToken: token },
        options,
      );
      evidenceIds.push(next.evidenceId);
      if (next.status !== 'ok') {
        complete = false;
        break;
      }
      arns.push(...(next.output.GraphList ?? []).flatMap((graph) => (graph.Arn ? [graph.Arn] : [])));
      token = next.output.NextToken;
    }
    if (complete) properties.administeredGraphs = arns;
  }
  const invitations = await ctx.pages(ops.listInvitations.command, { MaxResults: pageSize }, options);
  evidenceIds.push(...invitations.pages.map((page) => page.evidenceId));
  if (invitations.complete)
    properties.memberships = invitations.pages
      .flatMap((page) => page.output.Invitations ?? [])
      .map(membershipFrom)
      .filter((each): each is Membership => each !== null);
  return [
    ctx.resource({
      type: detectiveRegion.type,
      nativeId: behaviorGraphsArn(ctx.partition, ctx.region, ctx.accountId),
      name,
      region: ctx.region,
      tags: {},
      properties: { ...properties },
      evidenceIds,
    }),
  ];
}
