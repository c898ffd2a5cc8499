import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
} from '@azure/core-rest-pipeline';
import type { TargetConnection } from '../../kit/model';
import { DeskError } from '../../errors';
import type { AzureCloudEndpoints } from './clouds';
import { azureReadOnlyGuardPolicy, type AzureAllowList } from './guard';

export interface AzureClientFactoryOptions {
  subscriptionId: string;
  credential: TokenCredential;
  endpoints: AzureCloudEndpoints;
  /** The declared operations the read-only guard lets through (see azureAllowList). */
  allowed: AzureAllowList;
  /** Replaces the transport: the simulator's HttpClient, or a spy in tests. */
  httpClient?: HttpClient;
  /** Retries after the first attempt (429 honours Retry-After; 5xx back off exponentially). Default 4. */
  maxRetries?: number;
  /** Per attempt. Default 30 s. */
  requestTimeoutMs?: number;
}

/** One ARM answer as it arrived: status, parsed JSON body, and the raw text it was parsed from. */
export interface AzureArmResponse {
  status: number;
  body: unknown;
  /** The response body bytes as text, exactly as received */
  text: string;
  /** Path and query of the request actually sent (the host is the target's ARM endpoint) */
  path: string;
  requestId: string | null;
}

export interface AzureClientFactory {
  readonly provider: 'azure';
  readonly subscriptionId: string;
  readonly endpoints: AzureCloudEndpoints;
  readonly requestTimeoutMs: number;
  /** A guarded GET on an ARM path with an api-version. */
  armGet(path: string, apiVersion: string, abortSignal?: AbortSignal): Promise<AzureArmResponse>;
  /** A guarded GET on an absolute ARM URL (a list's nextLink, which carries its own api-version). */
  armGetUrl(url: string, abortSignal?: AbortSignal): Promise<AzureArmResponse>;
  /**
   * A guarded POST of a JSON body to an ARM path: only the read-only query endpoints (Resource
   * Graph, policy-state summaries), and only when a service declared the operation (the guard).
   */
  armPost(
    path: string,
    apiVersion: string,
    body: unknown,
    abortSignal?: AbortSignal,
  ): Promise<AzureArmResponse>;
}

export function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { text };
  }
}

/**
 * One pipeline for every ARM read of a subscription: the read-only guard first (Serialize phase,
 * ahead of token acquisition, retries and the transport, so a refused request never leaves the
 * process), then bearer token, retries (429 Retry-After, 5xx back-off) and the HttpClient.
 * Services read ARM REST JSON as sent: no SDK model remaps a property away from the evidence.
 */
export function createAzureClientFactory(options: AzureClientFactoryOptions): AzureClientFactory {
  const { endpoints, credential, subscriptionId } = options;
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: options.maxRetries ?? 4 } });
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: endpoints.armScope }));
  pipeline.addPolicy(
    azureReadOnlyGuardPolicy({ armEndpoint: endpoints.armEndpoint, allowed: options.allowed }),
    { phase: 'Serialize' },
  );
  const httpClient = options.httpClient ?? createDefaultHttpClient();
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;
  const armOrigin = new URL(endpoints.armEndpoint).origin;

  const send = async (
    url: URL,
    abortSignal?: AbortSignal,
    post?: { body: unknown },
  ): Promise<AzureArmResponse> => {
    const request = createPipelineRequest({
      url: url.toString(),
      method: post ? 'POST' : 'GET',
      timeout: requestTimeoutMs,
      ...(post ? { body: JSON.stringify(post.body) } : {}),
      ...(abortSignal ? { abortSignal } : {}),
    });
    request.headers.set('accept', 'application/json');
    if (post) request.headers.set('content-type', 'application/json');
    const response = await pipeline.sendRequest(httpClient, request);
    const text = response.bodyAsText ?? '';
    return {
      status: response.status,
      body: parseBody(text),
      text,
      path: `${url.pathname}${url.search}`,
      requestId: response.headers.get('x-ms-request-id') ?? null,
    };
  };

  return {
    provider: 'azure',
    subscriptionId,
    endpoints,
    requestTimeoutMs,
    armGet(path, apiVersion, abortSignal) {
      const url = new URL(path, `${endpoints.armEndpoint}/`);
      url.searchParams.set('api-version', apiVersion);
      return send(url, abortSignal);
    },
    async armGetUrl(link, abortSignal) {
      const url = new URL(link, `${endpoints.armEndpoint}/`);
      // A nextLink names its own host; it must stay the target's ARM endpoint (the guard checks it too).
      if (url.origin !== armOrigin)
        throw new DeskError('READ_ONLY_VIOLATION', `Refused a next page link outside ${armOrigin}.`);
      return send(url, abortSignal);
    },
    armPost(path, apiVersion, body, abortSignal) {
      const url = new URL(path, `${endpoints.armEndpoint}/`);
      url.searchParams.set('api-version', apiVersion);
      return send(url, abortSignal, { body });
    },
  };
}

/** The Azure client factory of a connection; collectors call this to narrow TargetConnection.clients. */
export function azureClientsOf(connection: TargetConnection): AzureClientFactory {
  const clients = connection.clients as Partial<AzureClientFactory> | null;
  if (connection.provider !== 'azure' || clients?.provider !== 'azure') {
    throw new DeskError('INTERNAL', `Target "${connection.target.label}" is not an Azure connection.`);
  }
  return clients as AzureClientFactory;
}
