import type { TokenCredential } from '@azure/core-auth';
import { DeskError, isDeskError, messageOf } from '../errors';
import { createAzureClientFactory, type AzureArmResponse } from '../cloud/azure/clients';
import { azureCloudEndpoints } from '../cloud/azure/clouds';
import { isNetworkFailure } from '../cloud/azure/connect';
import {
  azureCredential,
  azureSignInHint,
  describeAzureAuth,
  parseAzureAuth,
} from '../cloud/azure/credentials';
import { azureAllowList } from '../cloud/azure/guard';
import { azureSubscriptionsListOperation } from '../cloud/identity-operations';
import type { Simulator } from '../cloud/sim';
import type { CloudName, DeclaredOperation, TargetSpec } from '../kit/model';
import type { RunStore } from './store';

/**
 * `--azure-all-subscriptions`: every subscription the signed-in identity can list (Subscriptions -
 * List), optionally only those of one tenant, each assessed as a target of its own. Disabled and
 * deleted subscriptions are listed but not entered, and named.
 */
export interface AzureTenantSpec {
  label: string;
  cloud: CloudName;
  /** The sign-in, as a target's auth (tenantId selects the tenant) */
  auth: Record<string, string>;
  regions: string[];
}

export interface SkippedSubscription {
  subscriptionId: string;
  name: string;
  state: string;
}

export interface SubscriptionListSummary {
  label: string;
  tenantId: string | null;
  listed: number;
  entered: number;
  skipped: SkippedSubscription[];
  error: string | null;
}

interface ListedSubscription {
  subscriptionId?: string;
  tenantId?: string;
  displayName?: string;
  state?: string;
}

interface ExpandOptions {
  store: RunStore;
  operations: readonly DeclaredOperation[];
  simulator?: Simulator;
  signal: AbortSignal;
  onEvidence(): void;
}

/** States whose resources ARM still serves for reading and that the client still runs (Subscriptions - List). */
const ASSESSED_STATES = new Set(['Enabled', 'Warned', 'PastDue']);

function simulatedCredential(simulator: Simulator, tenantId: string | undefined): TokenCredential {
  const first = simulator.scenario.azure.subscriptions.find((s) => !tenantId || s.tenantId === tenantId);
  if (!first)
    throw new DeskError('BAD_INPUT', `The scenario has no Azure subscription in tenant ${tenantId}.`);
  return simulator.azureCredential(first.subscriptionId);
}

export async function expandAzureSubscriptions(
  spec: AzureTenantSpec,
  options: ExpandOptions,
): Promise<{ targets: TargetSpec[]; summary: SubscriptionListSummary }> {
  const auth = parseAzureAuth(spec.auth);
  const { simulator } = options;
  const endpoints = azureCloudEndpoints(simulator ? 'AzureCloud' : spec.cloud, spec.auth);
  const summary: SubscriptionListSummary = {
    label: spec.label,
    tenantId: auth.tenantId ?? null,
    listed: 0,
    entered: 0,
    skipped: [],
    error: null,
  };
  const credential = simulator
    ? simulatedCredential(simulator, auth.tenantId)
    : azureCredential(auth, { endpoints });
  const clients = createAzureClientFactory({
    subscriptionId: '',
    credential,
    endpoints,
    allowed: azureAllowList(options.operations),
    ...(simulator ? { httpClient: simulator.azureHttpClient } : {}),
  });
  const pages: { path: string; response: AzureArmResponse }[] = [];
  const listed: ListedSubscription[] = [];
  try {
    let response = await clients.armGet(
      azureSubscriptionsListOperation.path,
      azureSubscriptionsListOperation.apiVersion,
      options.signal,
    );
    for (;;) {
      pages.push({ path: response.path, response });
      if (response.status !== 200) {
        const error = (response.body as { error?: { code?: string; message?: string } } | null)?.error;
        throw new DeskError(
          response.status === 401 || response.status === 403 ? 'ACCESS_DENIED' : 'INTERNAL',
          `Listing the subscriptions with ${describeAzureAuth(auth)} answered HTTP ${response.status}: ${error?.code ?? ''} ${error?.message ?? ''}`.trim(),
        );
      }
      const body = response.body as { value?: ListedSubscription[]; nextLink?: string } | null;
      listed.push(...(body?.value ?? []));
      if (!body?.nextLink) break;
      response = await clients.armGetUrl(body.nextLink, options.signal);
    }
  } catch (error) {
    if (options.signal.aborted) throw error;
    const hint = isNetworkFailure(error)
      ? 'check the network connection and the cloud’s endpoints'
      : azureSignInHint(auth, endpoints);
    const message = isDeskError(error) ? error.message : messageOf(error);
    summary.error = `${message} To fix: ${hint}.`;
    return { targets: [], summary };
  }
  summary.listed = listed.length;
  const targets: TargetSpec[] = [];
  for (const subscription of listed) {
    const subscriptionId = subscription.subscriptionId ?? '';
    if (auth.tenantId && subscription.tenantId && subscription.tenantId !== auth.tenantId) continue;
    const state = subscription.state ?? 'Enabled';
    const name = subscription.displayName ?? subscriptionId;
    if (!ASSESSED_STATES.has(state)) {
      summary.skipped.push({ subscriptionId, name, state });
      continue;
    }
    targets.push({
      provider: 'azure',
      label: `${name} (${spec.label})`,
      cloud: spec.cloud,
      scopeId: subscriptionId,
      regions: spec.regions,
      auth: {
        ...spec.auth,
        ...(subscription.tenantId && !spec.auth.tenantId ? { tenantId: subscription.tenantId } : {}),
      },
    });
  }
  summary.entered = targets.length;
  // The listing is evidence of the scope: kept with the first subscription it named.
  const first = targets[0];
  if (first) {
    const id = options.store.upsertTarget(first);
    for (const page of pages) {
      options.store.recordEvidence(
        { id, provider: 'azure', scopeId: first.scopeId, identity: describeAzureAuth(auth) },
        {
          service: azureSubscriptionsListOperation.service,
          operation: azureSubscriptionsListOperation.operationId,
          region: 'global',
          request: { path: page.path },
          outcome: 'ok',
          response: page.response.body,
        },
      );
      options.onEvidence();
    }
  }
  return { targets, summary };
}
