import type { AccessToken, TokenCredential } from '@azure/core-auth';
import type { TargetConnection, TargetSpec } from '../../kit/model';
import { DeskError, isDeskError, messageOf } from '../../errors';
import { asSentence, type ConnectOptions } from '../connect-options';
import { azureSubscriptionOperation, subscriptionApiVersion } from '../identity-operations';
import { createAzureClientFactory, type AzureArmResponse, type AzureClientFactory } from './clients';
import { azureCloudEndpoints } from './clouds';
import {
  azureCredential,
  azureSignInHint,
  describeAzureAuth,
  parseAzureAuth,
  type AzureAuth,
} from './credentials';
import { azureAllowList } from './guard';
import { describePrincipal, principalFromToken } from './token-claims';

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The sign-in never reached the authority: MSAL's endpoints_resolution_error (the authority's
 * OpenID metadata could not be fetched), Node's socket errors, core-rest-pipeline's
 * REQUEST_SEND_ERROR. Telling the user to set a secret or sign in again would send them the wrong way.
 */
export function isNetworkFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e: unknown = error; e && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, errorCode } = e as { code?: unknown; errorCode?: unknown };
    const text = `${String(code ?? '')} ${String(errorCode ?? '')} ${messageOf(e)}`;
    if (
      /endpoints_resolution_error|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|ECONNRESET|EHOSTUNREACH|ENETUNREACH|REQUEST_SEND_ERROR|network_error|CERT_|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(
        text,
      )
    )
      return true;
  }
  return false;
}

function authorityOf(target: TargetSpec): string {
  try {
    return azureCloudEndpoints(target.cloud, target.auth).authorityHost;
  } catch {
    return 'of the cloud';
  }
}

async function signIn(
  credential: TokenCredential,
  scope: string,
  target: TargetSpec,
  auth: AzureAuth,
  hint: string,
  signal?: AbortSignal,
): Promise<AccessToken> {
  let token: AccessToken | null;
  try {
    token = await credential.getToken(scope, signal ? { abortSignal: signal } : {});
  } catch (error) {
    if (signal?.aborted) throw new DeskError('CANCELLED', 'Sign-in was cancelled.', { cause: error });
    if (isDeskError(error)) throw error;
    if (isNetworkFailure(error))
      throw new DeskError(
        'INTERNAL',
        `Azure sign-in for "${target.label}" could not reach the sign-in authority ${authorityOf(target)}: ${asSentence(messageOf(error))} Check the network connection, the proxy and, for a custom cloud, the authority host; the credentials were not tried.`,
        { cause: error },
      );
    // CredentialUnavailableError, AuthenticationError, AuthenticationRequiredError: all need the user to sign in again.
    throw new DeskError(
      'ACCESS_DENIED',
      `Azure sign-in for "${target.label}" with ${describeAzureAuth(auth)} failed: ${asSentence(messageOf(error))} To fix: ${hint}.`,
      { cause: error },
    );
  }
  if (!token)
    throw new DeskError(
      'ACCESS_DENIED',
      `Azure sign-in for "${target.label}" with ${describeAzureAuth(auth)} returned no token. To fix: ${hint}.`,
    );
  return token;
}

async function readSubscription(
  clients: AzureClientFactory,
  target: TargetSpec,
  hint: string,
  signal?: AbortSignal,
): Promise<AzureArmResponse> {
  try {
    return await clients.armGet(
      azureSubscriptionOperation.path.replace('{subscriptionId}', target.scopeId),
      subscriptionApiVersion,
      signal,
    );
  } catch (error) {
    if (signal?.aborted) throw new DeskError('CANCELLED', 'Sign-in was cancelled.', { cause: error });
    if (isDeskError(error)) throw error;
    throw new DeskError(
      'INTERNAL',
      `Could not reach Azure Resource Manager (${clients.endpoints.armEndpoint}) for "${target.label}": ${messageOf(error)}. ${hint}`,
      { cause: error },
    );
  }
}

/**
 * Signs in to one Azure subscription: a token for ARM (whose claims name the caller), then a read
 * of the subscription itself to prove access before any collector runs.
 */
export async function connectAzure(target: TargetSpec, options: ConnectOptions): Promise<TargetConnection> {
  const auth = parseAzureAuth(target.auth);
  const simulator = options.simulator;
  if (auth.method === 'simulated' && !simulator)
    throw new DeskError('BAD_INPUT', `Target "${target.label}" is simulated, but no scenario is loaded.`);
  if (!guid.test(target.scopeId))
    throw new DeskError('BAD_INPUT', `"${target.scopeId}" is not an Azure subscription id (a GUID).`);
  const endpoints = azureCloudEndpoints(simulator ? 'AzureCloud' : target.cloud, target.auth);
  const hint = azureSignInHint(auth, endpoints);
  const credential = simulator
    ? simulator.azureCredential(target.scopeId)
    : azureCredential(auth, {
        endpoints,
        ...(options.env ? { env: options.env } : {}),
        ...(options.onDeviceCode ? { onDeviceCode: options.onDeviceCode } : {}),
        ...(options.azureIdentityHttpClient ? { httpClient: options.azureIdentityHttpClient } : {}),
      });
  const httpClient = simulator?.azureHttpClient ?? options.azureHttpClient;
  const clients = createAzureClientFactory({
    subscriptionId: target.scopeId,
    credential,
    endpoints,
    allowed: azureAllowList(options.operations),
    ...(httpClient ? { httpClient } : {}),
    ...(options.maxAttempts !== undefined ? { maxRetries: Math.max(0, options.maxAttempts - 1) } : {}),
    ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
  });

  const token = await signIn(credential, endpoints.armScope, target, auth, hint, options.signal);
  const principal = principalFromToken(token.token);
  const response = await readSubscription(clients, target, hint, options.signal);
  const error = (response.body as { error?: { code?: string; message?: string } } | null)?.error;
  if (response.status === 401 || response.status === 403 || response.status === 404) {
    const who = describePrincipal(principal, auth.tenantId ?? null);
    throw new DeskError(
      'ACCESS_DENIED',
      `${who} cannot read subscription ${target.scopeId} ("${target.label}"): ${error?.code ?? `HTTP ${response.status}`}: ${asSentence(error?.message ?? '')} To fix: grant the PHI Audit Desk reader role on the subscription, or ${hint}.`,
    );
  }
  if (response.status !== 200) {
    throw new DeskError(
      'INTERNAL',
      `Reading subscription ${target.scopeId} answered HTTP ${response.status}: ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
    );
  }
  const tenantId = (response.body as { tenantId?: unknown }).tenantId;
  return {
    provider: 'azure',
    target,
    identity: describePrincipal(principal, typeof tenantId === 'string' ? tenantId : null),
    clients,
  };
}
