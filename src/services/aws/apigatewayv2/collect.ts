import type { Api } from '@aws-sdk/client-apigatewayv2';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { apiArn, apiBase, routeFrom, stagesFrom } from './normalize';
import { ops } from './operations';
import { v2Api, type ApiProperties } from './resource';

/** MaxResults asked (a string in the v2 API). */
const maxResults = '500';
const apiFanOut = 8;
const gone = ['NotFoundException'];

async function describeApi(
  ctx: AwsCollectContext,
  api: Api,
  listEvidence: number,
): Promise<NormalizedResource | null> {
  const id = api.ApiId ?? '';
  const subject = api.Name ? `${api.Name} (${id})` : id;
  const paging = { inputToken: 'NextToken' as const, outputToken: 'NextToken', subject, notConfigured: gone };
  const [routes, stages] = await Promise.all([
    ctx.pages(ops.getRoutes.command, { ApiId: id, MaxResults: maxResults }, paging),
    ctx.pages(ops.getStages.command, { ApiId: id, MaxResults: maxResults }, paging),
  ]);
  // A not-configured first page (NotFoundException) means the API was deleted since it was listed.
  const deleted = (each: { complete: boolean; pages: unknown[] }) => each.complete && each.pages.length === 0;
  if (deleted(routes) || deleted(stages)) return null;
  const properties: ApiProperties = { ...apiBase(api) };
  if (routes.complete)
    properties.routes = routes.pages
      .flatMap((page) => page.output.Items ?? [])
      .map((route) => routeFrom(route, properties.protocolType))
      .sort((a, b) => a.routeKey.localeCompare(b.routeKey));
  if (stages.complete)
    properties.stages = stagesFrom(stages.pages.flatMap((page) => page.output.Items ?? []));
  return ctx.resource({
    type: v2Api.type,
    nativeId: apiArn(ctx.partition, ctx.region, id),
    name: api.Name ?? id,
    region: ctx.region,
    tags: { ...api.Tags },
    properties: { ...properties },
    evidenceIds: [
      listEvidence,
      ...routes.pages.map((page) => page.evidenceId),
      ...stages.pages.map((page) => page.evidenceId),
    ],
  });
}

/** HTTP and WebSocket APIs of one account and region, with their routes and stages. */
export async function collectApiGatewayV2(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const { pages } = await ctx.pages(
    ops.getApis.command,
    { MaxResults: maxResults },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  const listed = pages.flatMap((page) =>
    (page.output.Items ?? []).map((api) => ({ api, evidenceId: page.evidenceId })),
  );
  const described = await mapWithConcurrency(listed, apiFanOut, (each) =>
    describeApi(ctx, each.api, each.evidenceId),
  );
  return described.filter((each): each is NormalizedResource => each !== null);
}
