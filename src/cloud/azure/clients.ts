import { StorageManagementClient } from '@azure/arm-storage';
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';
import type { TargetConnection } from '../../kit/model';
import { DeskError } from '../../errors';
import { parseBody, type AzureCallScope } from './call-context';
import type { AzureCloudEndpoints } from './clouds';
import { azureReadOnlyGuardPolicy } from './guard';

export interface AzureClientFactoryOptions {
  subscriptionId: string;
  credential: TokenCredential;
  endpoints: AzureCloudEndpoints;
  /** Replaces the transport: the simulator's HttpClient, or a spy in tests. */
  httpClient?: HttpClient;
  /** Retries after the first attempt (429 honours Retry-After; 5xx back off exponentially). Default 4. */
  maxRetries?: number;
  /** Per attempt. Default 30 s. */
  requestTimeoutMs?: number;
}

export interface AzureArmResponse {
  status: number;
  body: unknown;
}

export interface AzureClientFactory {
  readonly provider: 'azure';
  readonly subscriptionId: string;
  readonly endpoints: AzureCloudEndpoints;
  readonly requestTimeoutMs: number;
  /**
   * The guarded @azure/arm-storage client for this subscription. With a call scope (see
   * callAzure), a client of its own that applies the scope's abort signal and timeout to every
   * page and captures each raw answer for the evidence.
   */
  storage(scope?: AzureCallScope): StorageManagementClient;
  /** A guarded GET on an ARM path, for reads no SDK client wraps (the subscription itself). */
  armGet(path: string, apiVersion: string, abortSignal?: AbortSignal): Promise<AzureArmResponse>;
}

/**
 * Puts the read-only guard (then the call scope, if any) at the very start of a pipeline
 * (Serialize phase), ahead of token acquisition, retries and the transport. Every client the
 * factory builds goes through here; a new Azure client is one more builder.
 */
export function guardPipeline(
  pipeline: Pipeline,
  endpoints: AzureCloudEndpoints,
  scope?: AzureCallScope,
): void {
  pipeline.addPolicy(azureReadOnlyGuardPolicy({ armEndpoint: endpoints.armEndpoint }), {
    phase: 'Serialize',
  });
  // Outside the retry policy, so the scope sees each request's final response.
  if (scope) pipeline.addPolicy(scope.policy, { phase: 'Serialize' });
}

export function createAzureClientFactory(options: AzureClientFactoryOptions): AzureClientFactory {
  const { endpoints, credential, subscriptionId } = options;
  const retryOptions = { maxRetries: options.maxRetries ?? 4 };
  const common = {
    endpoint: endpoints.armEndpoint,
    // The SDK defaults to the public cloud's scope; sovereign clouds need their own.
    credentials: { scopes: [endpoints.armScope] },
    retryOptions,
    ...(options.httpClient ? { httpClient: options.httpClient } : {}),
  };
  let storage: StorageManagementClient | undefined;
  const buildStorage = (scope?: AzureCallScope): StorageManagementClient => {
    const client = new StorageManagementClient(credential, subscriptionId, common);
    guardPipeline(client.pipeline, endpoints, scope);
    return client;
  };

  const armPipeline = createPipelineFromOptions({ retryOptions });
  armPipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: endpoints.armScope }));
  guardPipeline(armPipeline, endpoints);
  const armHttpClient = options.httpClient ?? createDefaultHttpClient();
  const requestTimeoutMs = options.requestTimeoutMs ?? 30_000;

  return {
    provider: 'azure',
    subscriptionId,
    endpoints,
    requestTimeoutMs,
    storage(scope) {
      if (scope) return buildStorage(scope);
      storage ??= buildStorage();
      return storage;
    },
    async armGet(path, apiVersion, abortSignal) {
      const url = new URL(path, `${endpoints.armEndpoint}/`);
      url.searchParams.set('api-version', apiVersion);
      const request = createPipelineRequest({
        url: url.toString(),
        method: 'GET',
        timeout: requestTimeoutMs,
        ...(abortSignal ? { abortSignal } : {}),
      });
      request.headers.set('accept', 'application/json');
      const response = await armPipeline.sendRequest(armHttpClient, request);
      return { status: response.status, body: parseBody(response.bodyAsText ?? undefined) };
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
