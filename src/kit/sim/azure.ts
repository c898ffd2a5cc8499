import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { abortableDelay } from '../../cloud/limit';
import { azureSubscriptionOperation, azureSubscriptionsListOperation } from '../../cloud/identity-operations';
import { armPathParameters, armPathPattern } from '../operations';
import type { AzureServiceModule } from '../service';
import type { ScenarioSubscriptionBase } from './scenario';
import type { AzureSimAnswer } from './types';
import type { SimWorld } from './world';

interface Route {
  method: 'GET' | 'POST';
  service: string;
  operation: string;
  permission: string;
  pattern: RegExp;
  parameters: string[];
  module: AzureServiceModule | null;
}

interface Matched {
  route: Route;
  params: Record<string, string>;
}

/** Routes from the services' declared operations, plus the subscription read of sign-in. */
function routesOf(services: readonly AzureServiceModule[]): Route[] {
  const identity: Route = {
    method: 'GET',
    service: 'resources',
    operation: 'Subscriptions_Get',
    permission: azureSubscriptionOperation.permission,
    pattern: armPathPattern(azureSubscriptionOperation.path),
    parameters: armPathParameters(azureSubscriptionOperation.path),
    module: null,
  };
  const list: Route = {
    method: 'GET',
    service: 'resources',
    operation: 'Subscriptions_List',
    permission: azureSubscriptionsListOperation.permission,
    pattern: armPathPattern(azureSubscriptionsListOperation.path),
    parameters: [],
    module: null,
  };
  return [
    identity,
    list,
    ...services.flatMap((module) =>
      module.operations.map((op) => ({
        method: op.method,
        service: module.service,
        operation: op.name,
        permission: op.permission,
        pattern: armPathPattern(op.path),
        parameters: armPathParameters(op.path),
        module,
      })),
    ),
  ];
}

function match(routes: readonly Route[], method: string, path: string): Matched | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    const found = route.pattern.exec(path);
    if (!found) continue;
    const params: Record<string, string> = {};
    route.parameters.forEach((name, index) => {
      params[name] = decodeURIComponent(found[index + 1] ?? '');
    });
    return { route, params };
  }
  return null;
}

let requestCounter = 0;

function respond(
  request: PipelineRequest,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): PipelineResponse {
  requestCounter += 1;
  return {
    request,
    status,
    headers: createHttpHeaders({
      'content-type': 'application/json; charset=utf-8',
      'x-ms-request-id': `00000000-0000-4000-8000-${requestCounter.toString(16).padStart(12, '0')}`,
      ...headers,
    }),
    bodyAsText: JSON.stringify(body),
  };
}

export function armError(code: string, message: string): object {
  return { error: { code, message } };
}

const abortError = (message: string) => (): Error =>
  Object.assign(new Error(message), { name: 'AbortError' });

/** Injected latency, ending early on the request's abort signal or its per-attempt timeout as the real Node client does. */
async function wait(request: PipelineRequest, ms: number): Promise<void> {
  const signal = request.abortSignal as AbortSignal | undefined;
  if (request.timeout > 0 && ms > request.timeout) {
    await abortableDelay(request.timeout, signal, abortError('The operation was aborted.'));
    throw abortError(`The operation was aborted. Request timed out after ${request.timeout} ms.`)();
  }
  await abortableDelay(ms, signal, abortError('The operation was aborted.'));
}

/** ARM's list paging: `$skipToken` in a nextLink that repeats the request URL (unencoded, as ARM writes it). */
function listPage(
  world: SimWorld,
  request: PipelineRequest,
  items: readonly object[],
  url: URL,
): PipelineResponse {
  const skip = Number(url.searchParams.get('$skipToken') ?? '0');
  if (!Number.isInteger(skip) || skip < 0 || skip > items.length)
    return respond(request, 400, armError('InvalidSkipToken', 'The skip token is not valid.'));
  const size = world.scenario.simulation.azurePageSize;
  const base = new URL(url);
  base.searchParams.delete('$skipToken');
  const nextLink =
    skip + size < items.length
      ? `${base.toString()}${base.search ? '&' : '?'}$skipToken=${skip + size}`
      : undefined;
  return respond(request, 200, { value: items.slice(skip, skip + size), ...(nextLink ? { nextLink } : {}) });
}

/** The JSON body of a POST, parsed; undefined when it is not JSON. */
function requestBody(request: PipelineRequest): Record<string, unknown> | undefined {
  if (typeof request.body !== 'string') return undefined;
  try {
    const parsed = JSON.parse(request.body) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Resource Graph's paging, in the body rather than a nextLink: rows go in `data` (objectArray), and
 * while rows remain the answer carries a `$skipToken` the caller sends back as
 * `options.$skipToken` with the same query. `$top` (1–1000) sets the page size and `$skip` the
 * first row; the scenario's page cap wins if smaller. Tokens are opaque, as Resource Graph's are.
 */
function queryPage(
  world: SimWorld,
  request: PipelineRequest,
  items: readonly object[],
  body: Record<string, unknown>,
): PipelineResponse {
  const options = (body.options ?? {}) as Record<string, unknown>;
  const top = options.$top;
  if (top !== undefined && (typeof top !== 'number' || !Number.isInteger(top) || top < 1 || top > 1000))
    return respond(request, 400, armError('BadRequest', 'Please provide a $top value between 1 and 1000.'));
  const skip = options.$skip;
  if (skip !== undefined && (typeof skip !== 'number' || !Number.isInteger(skip) || skip < 0))
    return respond(request, 400, armError('BadRequest', 'Please provide a non-negative $skip value.'));
  if (options.resultFormat !== undefined && options.resultFormat !== 'objectArray')
    return respond(
      request,
      501,
      armError('NotImplemented', 'The simulator answers resultFormat objectArray only.'),
    );
  let start = skip ?? 0;
  const token = options.$skipToken;
  if (token !== undefined) {
    let at: unknown;
    try {
      at = (JSON.parse(Buffer.from(String(token), 'base64').toString('utf8')) as { at?: unknown }).at;
    } catch {
      at = undefined;
    }
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0 || at > items.length)
      return respond(request, 400, armError('InvalidSkipToken', 'The skip token is not valid.'));
    start = at;
  }
  const size = Math.min(top ?? 1000, world.scenario.simulation.azurePageSize);
  const data = items.slice(start, start + size);
  const next = start + size < items.length ? start + size : undefined;
  return respond(request, 200, {
    totalRecords: items.length,
    count: data.length,
    resultTruncated: 'false',
    ...(next !== undefined
      ? { $skipToken: Buffer.from(JSON.stringify({ at: next }), 'utf8').toString('base64') }
      : {}),
    data,
    facets: [],
  });
}

export function armSubscription(subscription: ScenarioSubscriptionBase): object {
  return {
    id: `/subscriptions/${subscription.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: subscription.subscriptionId,
    tenantId: subscription.tenantId,
    displayName: subscription.displayName ?? subscription.label,
    state: subscription.state ?? 'Enabled',
    subscriptionPolicies: {
      locationPlacementId: 'Public_2014-09-01',
      quotaId: 'EnterpriseAgreement_2014-09-01',
      spendingLimit: 'Off',
    },
  };
}

/**
 * The simulated Azure Resource Manager: an HttpClient (the transport slot of the real pipeline)
 * answering ARM GETs from the scenario, routed by the services' declared paths. Everything else
 * (guard, token, retries, paging) is the real SDK's.
 */
export function azureSimulatorHttpClient(world: SimWorld): HttpClient {
  const subscriptions = new Map(
    world.scenario.azure.subscriptions.map((each) => [each.subscriptionId.toLowerCase(), each]),
  );
  const routes = routesOf(world.services.filter((s): s is AzureServiceModule => s.provider === 'azure'));
  return {
    async sendRequest(request) {
      const url = new URL(request.url);
      const found = match(routes, request.method, url.pathname);
      world.calls.increment(
        'azure',
        found?.route.service ?? 'unknown',
        found?.route.operation ?? `${request.method} ${url.pathname}`,
      );
      if (!request.headers.get('authorization')?.startsWith('Bearer ')) {
        return respond(
          request,
          401,
          armError('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
        );
      }
      if (request.method !== 'GET' && request.method !== 'POST')
        return respond(
          request,
          405,
          armError('MethodNotAllowed', `The simulator answers GET and POST only, not ${request.method}.`),
        );
      if (!found)
        return respond(
          request,
          404,
          armError('InvalidResourceType', `The simulator does not serve ${url.pathname}.`),
        );
      if (!url.searchParams.get('api-version'))
        return respond(
          request,
          400,
          armError(
            'MissingApiVersionParameter',
            'The api-version query parameter (?api-version=) is required for all requests.',
          ),
        );
      // A POST query names its scope in the body (Resource Graph: { subscriptions: [id] }).
      const body = request.method === 'POST' ? requestBody(request) : undefined;
      if (request.method === 'POST' && !body)
        return respond(
          request,
          400,
          armError('InvalidRequestContent', 'The request content was invalid and could not be deserialized.'),
        );
      // Subscriptions - List: every subscription of the signed-in principal's tenant.
      if (found.route.operation === 'Subscriptions_List') {
        const tenant = tenantOfToken(request.headers.get('authorization') ?? '');
        const visible = world.scenario.azure.subscriptions.filter((s) => !tenant || s.tenantId === tenant);
        return listPage(world, request, visible.map(armSubscription), url);
      }
      const scopes = Array.isArray(body?.subscriptions) ? body.subscriptions : [];
      if (body && found.params.subscriptionId === undefined && scopes.length !== 1)
        return respond(
          request,
          400,
          armError(
            'BadRequest',
            'The simulator answers queries scoped to exactly one subscription (subscriptions: [id]).',
          ),
        );
      const subscriptionId = String(found.params.subscriptionId ?? scopes[0] ?? '').toLowerCase();
      const subscription = subscriptions.get(subscriptionId);
      const effects = world.faults.effectsFor({
        provider: 'azure',
        service: found.route.service,
        operation: found.route.operation,
        region: 'global',
        account: subscriptionId,
      });
      if (effects.latencyMs > 0) await wait(request, effects.latencyMs);
      if (!subscription)
        return respond(
          request,
          404,
          armError('SubscriptionNotFound', `The subscription '${subscriptionId}' could not be found.`),
        );
      const failure = effects.failure;
      if (failure?.kind === 'throttle') {
        const retryMs = failure.fault.ms ?? 1000;
        return respond(
          request,
          429,
          armError(
            'TooManyRequests',
            'The request is being throttled as the limit has been reached for operation type - Read.',
          ),
          {
            'retry-after': String(Math.max(1, Math.ceil(retryMs / 1000))),
            'retry-after-ms': String(retryMs),
          },
        );
      }
      if (failure?.kind === 'access_denied') {
        const principal = subscription.principal?.objectId ?? '00000000-0000-0000-0000-000000000000';
        return respond(
          request,
          403,
          armError(
            'AuthorizationFailed',
            `The client '${principal}' with object id '${principal}' does not have authorization to perform action '${found.route.permission}' over scope '/subscriptions/${subscription.subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
          ),
        );
      }
      if (failure?.kind === 'region_disabled') {
        const type = found.route.permission.replace(/\/read$/, '');
        return respond(
          request,
          400,
          armError(
            'LocationNotAvailableForResourceType',
            `The provided location is not available for resource type ${type}.`,
          ),
        );
      }
      if (!found.route.module) return respond(request, 200, armSubscription(subscription));
      const module = found.route.module;
      const answer = module.sim.answers[found.route.operation];
      if (!answer)
        return respond(
          request,
          501,
          armError('NotImplemented', `The simulator does not implement ${found.route.operation}.`),
        );
      const result: AzureSimAnswer = answer({
        subscription,
        scenario: world.scenario,
        params: found.params,
        url,
        ...(body ? { body } : {}),
        state: world.state.get(module.id),
      });
      if ('list' in result)
        return body
          ? queryPage(world, request, result.list, body)
          : listPage(world, request, result.list, url);
      if ('body' in result) return respond(request, 200, result.body);
      return respond(request, result.status, armError(result.code, result.message));
    },
  };
}

/**
 * The simulated Entra ID: a TokenCredential issuing unsigned JWTs whose claims name the scenario's
 * principal, so connectTarget reads the caller identity the same way as from a real token.
 */
export function simulatedAzureCredential(subscription: ScenarioSubscriptionBase): TokenCredential {
  return {
    async getToken(_scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken> {
      if (options?.abortSignal?.aborted) throw abortError('The operation was aborted.')();
      const expiresOnTimestamp = Date.now() + 3_600_000;
      const claims = {
        aud: 'https://management.azure.com/',
        iss: `https://sts.windows.net/${subscription.tenantId}/`,
        tid: subscription.tenantId,
        oid: subscription.principal?.objectId ?? '00000000-0000-0000-0000-000000000000',
        upn: subscription.principal?.userPrincipalName ?? 'simulated-auditor@example.invalid',
        exp: Math.floor(expiresOnTimestamp / 1000),
      };
      const encode = (value: object) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
      return {
        token: `${encode({ alg: 'none', typ: 'JWT' })}.${encode(claims)}.simulated`,
        expiresOnTimestamp,
        tokenType: 'Bearer',
      };
    },
  };
}

/** The tenant a simulated bearer token names (its `tid` claim); null when it names none. */
function tenantOfToken(authorization: string): string | null {
  const payload = authorization.replace(/^Bearer /, '').split('.')[1];
  if (!payload) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { tid?: unknown };
    return typeof claims.tid === 'string' ? claims.tid : null;
  } catch {
    return null;
  }
}
