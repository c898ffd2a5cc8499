import type { RestApi } from '@aws-sdk/client-api-gateway';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { domainNameArn, domainNameFrom, methodsFrom, restApiArn, restApiBase, stagesFrom } from './normalize';
import { ops } from './operations';
import { domainName, restApi, type RestApiProperties } from './resource';

/** The largest page API Gateway answers (limit 1–500; 25 when unset). */
const limit = 500;
const apiFanOut = 8;
/** An API deleted between the list and the read. */
const gone = ['NotFoundException'];

async function describeApi(
  ctx: AwsCollectContext,
  api: RestApi,
  listEvidence: number,
): Promise<NormalizedResource | null> {
  const id = api.id ?? '';
  const subject = api.name ? `${api.name} (${id})` : id;
  const [resources, stages] = await Promise.all([
    ctx.pages(
      ops.getResources.command,
      // embed=methods: each resource's methods with authorizationType and apiKeyRequired.
      { restApiId: id, limit, embed: ['methods'] },
      { inputToken: 'position', outputToken: 'position', subject, notConfigured: gone },
    ),
    ctx.call(ops.getStages.command, { restApiId: id }, { subject, notConfigured: gone }),
  ]);
  if (stages.status === 'not_configured' || (resources.complete && resources.pages.length === 0)) return null;
  const properties: RestApiProperties = { ...restApiBase(api) };
  if (resources.complete)
    properties.methods = methodsFrom(resources.pages.flatMap((page) => page.output.items ?? []));
  if (stages.status === 'ok') properties.stages = stagesFrom(stages.output.item ?? []);
  return ctx.resource({
    type: restApi.type,
    nativeId: restApiArn(ctx.partition, ctx.region, id),
    name: api.name ?? id,
    region: ctx.region,
    tags: { ...api.tags },
    properties: { ...properties },
    evidenceIds: [listEvidence, ...resources.pages.map((page) => page.evidenceId), stages.evidenceId],
  });
}

/** REST APIs (with their methods and stages) and custom domain names of one account and region. */
export async function collectApiGateway(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const [apis, domains] = await Promise.all([
    ctx.pages(ops.getRestApis.command, { limit }, { inputToken: 'position', outputToken: 'position' }),
    ctx.pages(ops.getDomainNames.command, { limit }, { inputToken: 'position', outputToken: 'position' }),
  ]);
  const listed = apis.pages.flatMap((page) =>
    (page.output.items ?? []).map((api) => ({ api, evidenceId: page.evidenceId })),
  );
  const described = await mapWithConcurrency(listed, apiFanOut, (each) =>
    describeApi(ctx, each.api, each.evidenceId),
  );
  // Custom domain names are one resource for REST, HTTP and WebSocket APIs: the v1 list holds them all.
  const domainResources = domains.pages.flatMap((page) =>
    (page.output.items ?? []).flatMap((domain) =>
      domain.domainName
        ? [
            ctx.resource({
              type: domainName.type,
              nativeId: domainNameArn(ctx.partition, ctx.region, domain.domainName),
              name: domain.domainName,
              region: ctx.region,
              tags: { ...domain.tags },
              properties: { ...domainNameFrom(domain) },
              evidenceIds: [page.evidenceId],
            }),
          ]
        : [],
    ),
  );
  return [...described.filter((each): each is NormalizedResource => each !== null), ...domainResources];
}
