import {
  mapWithConcurrency,
  type AzureCallResult,
  type AzureCollectContext,
  type NormalizedResource,
} from '../../../kit';
import {
  normalizeApi,
  normalizeOperation,
  normalizeService,
  policyContractFacts,
  type ArmResource,
  type NormalizedApi,
  type NormalizedService,
} from './normalize';
import { ops } from './operations';
import { apimApi, apimService, type OperationFacts, type PolicyFacts } from './resource';

/** Services, APIs and operations in flight at once; ctx schedules every call within the run's limits too. */
const PARALLEL = 8;
/** A scope without a policy answers 404: a fact ("no policy"), not a gap. */
const NO_POLICY = { notConfiguredStatuses: [404] };

/** A policy read as facts: null = no policy at that scope; undefined = not read (a gap). */
function policyOf(answer: AzureCallResult): PolicyFacts | null | undefined {
  if (answer.status === 'not_configured') return null;
  if (answer.status !== 'ok') return undefined;
  return policyContractFacts(answer.body as ArmResource);
}

const evidenceOf = (answer: AzureCallResult | undefined): number[] =>
  answer && answer.status !== 'gap' ? [answer.evidenceId] : [];

/** Operations of an API reachable without a key, each with its own policy. */
async function collectOperations(
  ctx: AzureCollectContext,
  params: Record<string, string>,
  subject: string,
  region: string,
): Promise<{ operations: OperationFacts[] | undefined; evidence: number[] }> {
  const listed = await ctx.list(ops.listOperations, params, { region, subject });
  const evidence = listed.pages.map((page) => page.evidenceId);
  const operations = await mapWithConcurrency(listed.items, PARALLEL, async ({ item }) => {
    const operation = normalizeOperation(item as ArmResource);
    if (!operation) return null;
    const answer = await ctx.get(
      ops.getOperationPolicy,
      { ...params, operationId: operation.name },
      { region, subject: `operation ${operation.name} of ${subject}`, ...NO_POLICY },
    );
    evidence.push(...evidenceOf(answer));
    const policy = policyOf(answer);
    return { ...operation, ...(policy !== undefined ? { policy } : {}) };
  });
  const found = operations.filter((each): each is OperationFacts => each !== null);
  return { operations: listed.status === 'ok' ? found : undefined, evidence };
}

async function collectApi(
  ctx: AzureCollectContext,
  service: NormalizedService,
  api: NormalizedApi,
  listEvidence: number[],
  global: { policy: PolicyFacts | null | undefined; evidence: number[] },
): Promise<NormalizedResource> {
  const base = {
    type: apimApi.type,
    nativeId: api.id,
    name: api.name,
    region: service.location,
    tags: api.tags,
  };
  if (api.properties.subscriptionRequired)
    return ctx.resource({ ...base, properties: { ...api.properties }, evidenceIds: listEvidence });
  const params = {
    resourceGroupName: service.properties.resourceGroup,
    serviceName: service.name,
    apiId: api.name,
  };
  const subject = `API ${api.name} of API Management service ${service.name}`;
  const [apiPolicy, operations] = await Promise.all([
    ctx.get(ops.getApiPolicy, params, { region: service.location, subject, ...NO_POLICY }),
    collectOperations(ctx, params, subject, service.location),
  ]);
  const apiFacts = policyOf(apiPolicy);
  return ctx.resource({
    ...base,
    properties: {
      ...api.properties,
      ...(global.policy !== undefined ? { globalPolicy: global.policy } : {}),
      ...(apiFacts !== undefined ? { apiPolicy: apiFacts } : {}),
      ...(operations.operations ? { operations: operations.operations } : {}),
    },
    evidenceIds: [...listEvidence, ...global.evidence, ...evidenceOf(apiPolicy), ...operations.evidence],
  });
}

async function collectService(
  ctx: AzureCollectContext,
  service: NormalizedService,
  evidenceId: number,
): Promise<NormalizedResource[]> {
  const params = { resourceGroupName: service.properties.resourceGroup, serviceName: service.name };
  const subject = `API Management service ${service.name}`;
  const listed = await ctx.list(ops.listApis, params, { region: service.location, subject });
  // Api_ListByService lists current revisions; a non-current one (apiId;rev=N) is not served by default.
  const apis = listed.items.flatMap(({ item, evidenceId: apiEvidence }) => {
    const api = normalizeApi(item as ArmResource, service);
    return api && api.isCurrent ? [{ api, evidence: [evidenceId, apiEvidence] }] : [];
  });
  const anyAnonymous = apis.some(({ api }) => !api.properties.subscriptionRequired);
  const globalAnswer = anyAnonymous
    ? await ctx.get(ops.getGlobalPolicy, params, { region: service.location, subject, ...NO_POLICY })
    : undefined;
  const global = {
    policy: globalAnswer ? policyOf(globalAnswer) : undefined,
    evidence: evidenceOf(globalAnswer),
  };
  const apiResources = await mapWithConcurrency(apis, PARALLEL, ({ api, evidence }) =>
    collectApi(ctx, service, api, evidence, global),
  );
  return [
    ctx.resource({
      type: apimService.type,
      nativeId: service.id,
      name: service.name,
      region: service.location,
      tags: service.tags,
      properties: { ...service.properties },
      evidenceIds: [evidenceId],
    }),
    ...apiResources,
  ];
}

/**
 * API Management services of one subscription (every page of ApiManagementService_List), their
 * APIs, and — only for APIs that do not require a subscription key — the all-APIs policy, the
 * API's policy, its operations and each operation's policy. A failed read is a coverage gap naming
 * the service, API or operation; what it would have told stays absent ("not assessed").
 */
export async function collectApiManagement(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listServices);
  const services = listed.items.flatMap(({ item, evidenceId }) => {
    const service = normalizeService(item as ArmResource);
    return service ? [{ service, evidenceId }] : [];
  });
  const perService = await mapWithConcurrency(services, PARALLEL, ({ service, evidenceId }) =>
    collectService(ctx, service, evidenceId),
  );
  return perService.flat();
}
