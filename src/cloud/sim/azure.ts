import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import {
  createHttpHeaders,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from '@azure/core-rest-pipeline';
import { abortableDelay } from '../limit';
import { armError, armStorageAccount, armSubscription } from './azure-arm';
import type { ScenarioSubscription } from './scenario';
import type { SimWorld } from './world';

interface Route {
  service: string;
  operation: string;
  subscriptionId: string;
  resourceGroup?: string;
  name?: string;
}

const routes: { pattern: RegExp; service: string; operation: string }[] = [
  { pattern: /^\/subscriptions\/([^/]+)$/i, service: 'resources', operation: 'Subscriptions_Get' },
  {
    pattern: /^\/subscriptions\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts$/i,
    service: 'storage',
    operation: 'StorageAccounts_List',
  },
  {
    pattern:
      /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/Microsoft\.Storage\/storageAccounts\/([^/]+)$/i,
    service: 'storage',
    operation: 'StorageAccounts_GetProperties',
  },
];

function route(path: string): Route | null {
  for (const candidate of routes) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    return {
      service: candidate.service,
      operation: candidate.operation,
      subscriptionId: (match[1] ?? '').toLowerCase(),
      ...(match[2] ? { resourceGroup: match[2] } : {}),
      ...(match[3] ? { name: match[3] } : {}),
    };
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

function listPage(
  world: SimWorld,
  request: PipelineRequest,
  subscription: ScenarioSubscription,
  url: URL,
): PipelineResponse {
  const accounts = [...subscription.storageAccounts].sort((a, b) => a.name.localeCompare(b.name));
  const skip = Number(url.searchParams.get('$skipToken') ?? '0');
  if (!Number.isInteger(skip) || skip < 0 || skip > accounts.length)
    return respond(request, 400, armError('InvalidSkipToken', 'The skip token is not valid.'));
  const size = world.scenario.simulation.azurePageSize;
  const base = new URL(url);
  base.searchParams.delete('$skipToken');
  // ARM writes $skipToken unencoded in its nextLinks.
  const nextLink =
    skip + size < accounts.length
      ? `${base.toString()}${base.search ? '&' : '?'}$skipToken=${skip + size}`
      : undefined;
  return respond(request, 200, {
    value: accounts
      .slice(skip, skip + size)
      .map((account) => armStorageAccount(subscription.subscriptionId, account)),
    ...(nextLink ? { nextLink } : {}),
  });
}

/**
 * The simulated Azure Resource Manager: an HttpClient (the transport slot of the real pipeline)
 * answering ARM GETs from the scenario. Everything else (guard, token, retries, paging) is the
 * real SDK's.
 */
export function azureSimulatorHttpClient(world: SimWorld): HttpClient {
  const subscriptions = new Map(
    world.scenario.azure.subscriptions.map((each) => [each.subscriptionId.toLowerCase(), each]),
  );
  return {
    async sendRequest(request) {
      const url = new URL(request.url);
      const found = route(url.pathname);
      world.calls.increment(
        'azure',
        found?.service ?? 'unknown',
        found?.operation ?? `${request.method} ${url.pathname}`,
      );
      if (!request.headers.get('authorization')?.startsWith('Bearer ')) {
        return respond(
          request,
          401,
          armError('AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."),
        );
      }
      if (request.method !== 'GET')
        return respond(
          request,
          405,
          armError('MethodNotAllowed', `The simulator answers GET only, not ${request.method}.`),
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
      const subscription = subscriptions.get(found.subscriptionId);
      const effects = world.faults.effectsFor({
        provider: 'azure',
        service: found.service,
        operation: found.operation,
        region: 'global',
        account: found.subscriptionId,
      });
      if (effects.latencyMs > 0) await wait(request, effects.latencyMs);
      if (!subscription)
        return respond(
          request,
          404,
          armError('SubscriptionNotFound', `The subscription '${found.subscriptionId}' could not be found.`),
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
            `The client '${principal}' with object id '${principal}' does not have authorization to perform action '${permissionOf(found)}' over scope '/subscriptions/${subscription.subscriptionId}' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
          ),
        );
      }
      if (failure?.kind === 'region_disabled') {
        return respond(
          request,
          400,
          armError(
            'LocationNotAvailableForResourceType',
            'The provided location is not available for resource type Microsoft.Storage/storageAccounts.',
          ),
        );
      }
      if (found.operation === 'Subscriptions_Get')
        return respond(request, 200, armSubscription(subscription));
      if (found.operation === 'StorageAccounts_List') return listPage(world, request, subscription, url);
      const account = subscription.storageAccounts.find(
        (each) =>
          each.name === found.name && each.resourceGroup.toLowerCase() === found.resourceGroup?.toLowerCase(),
      );
      if (!account)
        return respond(
          request,
          404,
          armError(
            'ResourceNotFound',
            `The Resource 'Microsoft.Storage/storageAccounts/${found.name}' under resource group '${found.resourceGroup}' was not found.`,
          ),
        );
      return respond(request, 200, armStorageAccount(subscription.subscriptionId, account));
    },
  };
}

function permissionOf(found: Route): string {
  return found.service === 'resources'
    ? 'Microsoft.Resources/subscriptions/read'
    : 'Microsoft.Storage/storageAccounts/read';
}

/**
 * The simulated Entra ID: a TokenCredential issuing unsigned JWTs whose claims name the scenario's
 * principal, so connectTarget reads the caller identity the same way as from a real token.
 */
export function simulatedAzureCredential(subscription: ScenarioSubscription): TokenCredential {
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
