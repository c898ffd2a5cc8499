import type { PipelinePolicy } from '@azure/core-rest-pipeline';
import { DeskError } from '../../errors';
import type { DeclaredOperation } from '../../kit/model';
import { armPathPattern } from '../../kit/operations';
import { azureSubscriptionOperation, azureSubscriptionsListOperation } from '../identity-operations';

/**
 * POST endpoints that only read. ARM uses POST for queries whose input does not fit a URL; these
 * two return configuration and compliance state, never data or keys.
 */
const readOnlyPostPaths: readonly RegExp[] = [
  // Resource Graph queries (tenant-wide endpoint)
  /^\/providers\/microsoft\.resourcegraph\/resources$/,
  // Azure Policy compliance summaries, at subscription or resource-group scope
  /^\/subscriptions\/[^/]+(\/resourcegroups\/[^/]+)?\/providers\/microsoft\.policyinsights\/policystates\/latest\/summarize$/,
];

/** Actions that hand out keys, SAS tokens or secrets, refused whatever the method (`listKeys` is a POST on ARM). */
const secretActions =
  /\/(listkeys|listaccountsas|listservicesas|regeneratekey|regeneratekeys|listsecrets|listconnectionstrings|listcredentials|listadminkeys|listquerykeys|getsecret|publishxml|listpublishingcredentials|listuserdelegationkey)$/;

export type AzureGuardDecision = { allowed: true } | { allowed: false; reason: string };

export interface AzureGuardOptions {
  /** When set, only this ARM origin is allowed: data-plane hosts (blob, queue, Key Vault) are refused. */
  armEndpoint?: string;
  /**
   * The declared operations (method + ARM path pattern). A request matching none is refused, so a
   * GET that ARM proxies to a data plane (a Log Analytics query, a blob listing) cannot slip through.
   */
  allowed: AzureAllowList;
}

/** The declared ARM operations as patterns, built once per connection by azureAllowList. */
export type AzureAllowList = readonly { method: 'GET' | 'POST'; pattern: RegExp; path: string }[];

/**
 * The allow-list: every declared Azure operation plus the subscription read of connectTarget and
 * the subscription list of --azure-all-subscriptions.
 */
export function azureAllowList(operations: readonly DeclaredOperation[]): AzureAllowList {
  const azure = operations.flatMap((op) => (op.provider === 'azure' ? [op] : []));
  const all = [...azure, azureSubscriptionOperation, azureSubscriptionsListOperation];
  const seen = new Set<string>();
  return all.flatMap((op) => {
    const key = `${op.method} ${op.path.toLowerCase()}`;
    if (seen.has(key)) return [];
    seen.add(key);
    return [{ method: op.method, pattern: armPathPattern(op.path), path: op.path }];
  });
}

/** The policy, with the reason a user reads when a request is refused. Pure: unit-tested on methods and URLs. */
export function azureGuardDecision(
  method: string,
  url: string,
  options: AzureGuardOptions,
): AzureGuardDecision {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: `"${url}" is not a URL` };
  }
  const verb = method.toUpperCase();
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname).toLowerCase().replace(/\/+$/, '');
  } catch {
    return { allowed: false, reason: 'the URL path is malformed' };
  }
  if (options.armEndpoint && parsed.origin !== new URL(options.armEndpoint).origin) {
    return {
      allowed: false,
      reason: `${parsed.host} is not the Azure Resource Manager endpoint (data-plane reads are never made)`,
    };
  }
  if (secretActions.test(path))
    return { allowed: false, reason: 'it would return keys, SAS tokens or secrets' };
  if (verb !== 'GET' && verb !== 'POST')
    return {
      allowed: false,
      reason: `${verb} changes the subscription, which this read-only tool never does`,
    };
  if (verb === 'POST' && !readOnlyPostPaths.some((pattern) => pattern.test(path)))
    return {
      allowed: false,
      reason:
        'POST is allowed only to the read-only query endpoints (Resource Graph, policy-state summaries)',
    };
  if (!options.allowed.some((each) => each.method === verb && each.pattern.test(path)))
    return { allowed: false, reason: `${verb} ${path} is not one of the declared operations` };
  return { allowed: true };
}

export function isAzureRequestAllowed(method: string, url: string, options: AzureGuardOptions): boolean {
  return azureGuardDecision(method, url, options).allowed;
}

export const azureGuardPolicyName = 'phiAuditReadOnlyGuard';

/**
 * Added in the pipeline's first phase (Serialize), so it runs before token acquisition, retries and
 * the HttpClient: a refused request never leaves the process.
 */
export function azureReadOnlyGuardPolicy(options: AzureGuardOptions): PipelinePolicy {
  return {
    name: azureGuardPolicyName,
    async sendRequest(request, next) {
      const decision = azureGuardDecision(request.method, request.url, options);
      if (!decision.allowed) {
        const { pathname } = new URL(request.url);
        throw new DeskError(
          'READ_ONLY_VIOLATION',
          `Refused ${request.method} ${pathname}: ${decision.reason}.`,
        );
      }
      return next(request);
    },
  };
}
