import type {
  CacheBehavior,
  CachePolicySummary,
  DefaultCacheBehavior,
  DistributionSummary,
  LoggingConfig,
  Origin,
  Tags,
} from '@aws-sdk/client-cloudfront';
import type {
  Behaviour,
  BehaviourCache,
  CloudFrontDistributionProperties,
  DistributionOrigin,
} from './resource';

/**
 * Pure conversions from CloudFront API answers to CloudFrontDistributionProperties (API reference
 * 2020-05-31: DistributionSummary, CacheBehavior, CachePolicyConfig, Origin, ViewerCertificate,
 * LoggingConfig). CloudFront's lists are { Quantity, Items? }: Items is absent when Quantity is 0.
 */

/** The managed CachingDisabled policy: TTLs 0/0/0, nothing in the key. */
export const CACHING_DISABLED_POLICY_ID = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';

/** CloudFront's own defaults for a legacy behaviour that leaves a TTL unset (Developer Guide, "Cache behavior settings"). */
const LEGACY_DEFAULT_TTL = 86_400;
const LEGACY_MAX_TTL = 31_536_000;

/** CachingDisabled as the managed-policy reference states it: 0/0/0, no header, cookie or query string. */
const cachingDisabled: BehaviourCache = {
  source: 'cache-policy',
  policyName: 'Managed-CachingDisabled',
  managed: true,
  minTtl: 0,
  defaultTtl: 0,
  maxTtl: 0,
  authorizationInKey: false,
  cookiesInKey: 'none',
  allHeadersForwarded: false,
};

export type CachePolicyIndex = ReadonlyMap<string, BehaviourCache>;

export function distributionArn(partition: string, accountId: string, id: string): string {
  return `arn:${partition}:cloudfront::${accountId}:distribution/${id}`;
}

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Cache policies by id (managed and custom), as what they put in the key and how long they cache. */
export function cachePolicyIndex(summaries: readonly CachePolicySummary[]): CachePolicyIndex {
  const index = new Map<string, BehaviourCache>();
  for (const summary of summaries) {
    const policy = summary.CachePolicy;
    const config = policy?.CachePolicyConfig;
    if (!policy?.Id || !config) continue;
    const key = config.ParametersInCacheKeyAndForwardedToOrigin;
    const headers = key?.HeadersConfig;
    const headerNames = headers?.HeaderBehavior === 'whitelist' ? (headers.Headers?.Items ?? []) : [];
    const cookieBehavior = key?.CookiesConfig?.CookieBehavior;
    index.set(policy.Id, {
      source: 'cache-policy',
      policyName: config.Name ?? null,
      managed: summary.Type === 'managed',
      minTtl: config.MinTTL ?? 0,
      // DefaultTTL and MaxTTL are optional in CachePolicyConfig; CloudFront fills 86400 and 31536000.
      defaultTtl: config.DefaultTTL ?? LEGACY_DEFAULT_TTL,
      maxTtl: config.MaxTTL ?? LEGACY_MAX_TTL,
      authorizationInKey: headerNames.some((name) => sameName(name, 'Authorization')),
      cookiesInKey:
        cookieBehavior === 'whitelist' || cookieBehavior === 'allExcept' || cookieBehavior === 'all'
          ? cookieBehavior
          : 'none',
      allHeadersForwarded: false,
    });
  }
  return index;
}

/** A legacy behaviour (ForwardedValues, no CachePolicyId): its own TTLs and forwarded values. */
function legacyCache(raw: DefaultCacheBehavior | CacheBehavior): BehaviourCache {
  const headers = raw.ForwardedValues?.Headers?.Items ?? [];
  const allHeaders = headers.includes('*');
  const forward = raw.ForwardedValues?.Cookies?.Forward;
  return {
    source: 'legacy',
    policyName: null,
    managed: false,
    minTtl: raw.MinTTL ?? 0,
    defaultTtl: raw.DefaultTTL ?? LEGACY_DEFAULT_TTL,
    maxTtl: raw.MaxTTL ?? LEGACY_MAX_TTL,
    authorizationInKey: allHeaders || headers.some((name) => sameName(name, 'Authorization')),
    cookiesInKey: forward === 'whitelist' || forward === 'all' ? forward : 'none',
    allHeadersForwarded: allHeaders,
  };
}

/** `policies` null: the cache policies could not be listed, so a policy-based behaviour's cache is unknown. */
export function behaviourFrom(
  raw: DefaultCacheBehavior | CacheBehavior,
  pathPattern: string,
  isDefault: boolean,
  policies: CachePolicyIndex | null,
): Behaviour {
  const cachePolicyId = raw.CachePolicyId && raw.CachePolicyId !== '' ? raw.CachePolicyId : null;
  const cache = cachePolicyId
    ? (policies?.get(cachePolicyId) ??
      // CachingDisabled is known by its fixed id even when the policies could not be listed.
      (cachePolicyId === CACHING_DISABLED_POLICY_ID ? cachingDisabled : undefined))
    : legacyCache(raw);
  return {
    pathPattern,
    isDefault,
    viewerProtocolPolicy: raw.ViewerProtocolPolicy ?? 'allow-all',
    targetOriginId: raw.TargetOriginId ?? '',
    cachePolicyId,
    ...(cache ? { cache } : {}),
  };
}

export function originFrom(raw: Origin): DistributionOrigin {
  const custom = raw.CustomOriginConfig;
  return {
    id: raw.Id ?? '',
    domainName: raw.DomainName ?? '',
    kind: custom ? 'custom' : raw.VpcOriginConfig ? 'vpc' : 's3',
    originProtocolPolicy: custom?.OriginProtocolPolicy ?? null,
    originSslProtocols: custom ? [...(custom.OriginSslProtocols?.Items ?? [])] : [],
  };
}

/** A summary's behaviours (cache behaviours in precedence order, then the default '*') and the rest. */
export function distributionFrom(
  summary: DistributionSummary,
  policies: CachePolicyIndex | null,
): Omit<CloudFrontDistributionProperties, 'logging' | 'tagsCollected'> {
  const behaviours: Behaviour[] = (summary.CacheBehaviors?.Items ?? []).map((each) =>
    behaviourFrom(each, each.PathPattern ?? '', false, policies),
  );
  if (summary.DefaultCacheBehavior)
    behaviours.push(behaviourFrom(summary.DefaultCacheBehavior, '*', true, policies));
  const certificate = summary.ViewerCertificate ?? {};
  const defaultCertificate = certificate.CloudFrontDefaultCertificate === true;
  return {
    domainName: summary.DomainName ?? '',
    aliases: [...(summary.Aliases?.Items ?? [])],
    comment: summary.Comment && summary.Comment !== '' ? summary.Comment : null,
    enabled: summary.Enabled !== false,
    behaviours,
    origins: (summary.Origins?.Items ?? []).map(originFrom),
    originGroups: (summary.OriginGroups?.Items ?? []).map((group) => ({
      id: group.Id ?? '',
      members: (group.Members?.Items ?? []).flatMap((member) => (member.OriginId ? [member.OriginId] : [])),
    })),
    viewerCertificate: {
      defaultCertificate,
      source:
        certificate.CertificateSource ??
        (defaultCertificate
          ? 'cloudfront'
          : certificate.ACMCertificateArn
            ? 'acm'
            : certificate.IAMCertificateId
              ? 'iam'
              : null),
      // With the default certificate CloudFront sets TLSv1 whatever was asked (ViewerCertificate reference).
      minimumProtocolVersion: certificate.MinimumProtocolVersion ?? (defaultCertificate ? 'TLSv1' : null),
      sslSupportMethod: certificate.SSLSupportMethod ?? null,
    },
  };
}

export function loggingFrom(
  logging: LoggingConfig | undefined,
): NonNullable<CloudFrontDistributionProperties['logging']> {
  const enabled = logging?.Enabled === true;
  return {
    enabled,
    bucket: enabled && logging?.Bucket ? logging.Bucket : null,
    prefix: enabled && logging?.Prefix ? logging.Prefix : null,
    includeCookies: enabled && logging?.IncludeCookies === true,
  };
}

export function tagsFrom(tags: Tags | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags?.Items ?? []) if (tag.Key) out[tag.Key] = tag.Value ?? '';
  return out;
}
