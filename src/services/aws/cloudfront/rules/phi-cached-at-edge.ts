import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import type { Behaviour, BehaviourCache } from '../resource';
import {
  behaviourLabel,
  cachesResponses,
  CLOUDFRONT_DISTRIBUTION,
  cloudfrontProperties,
  distributionLabel,
  keyedOnViewer,
  phiPathsReaching,
  phiPathWords,
  quoted,
} from './common';

function cacheWords(cache: BehaviourCache): string {
  const source =
    cache.source === 'legacy' ? 'legacy cache settings' : `cache policy ${cache.policyName ?? '(unnamed)'}`;
  return `${source}, default TTL ${cache.defaultTtl} s, max TTL ${cache.maxTtl} s`;
}

function keyWords(cache: BehaviourCache): string {
  const parts: string[] = [];
  if (cache.authorizationInKey) parts.push('the Authorization header');
  if (cache.cookiesInKey !== 'none') parts.push(`cookies (${cache.cookiesInKey})`);
  return parts.join(' and ');
}

/** 164.312(a)(1) access control, 164.308(a)(4)(i) access authorization: one viewer's PHI is never served to another from the edge cache. */
export const cloudfrontPhiCachedAtEdge: Rule = {
  id: 'aws.cloudfront.phi-cached-at-edge',
  title: 'CloudFront does not cache responses for PHI paths under a cache key that ignores the viewer',
  severity: 'high',
  exposure: 'internet',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.phiCachedAtEdge,
  rationale:
    "164.312(a)(1) requires technical controls that allow access to ePHI only to persons granted access, and 164.308(a)(4)(i) requires that access be authorized. A CloudFront cache behaviour that caches responses (a cache policy or legacy settings with a default or maximum TTL above 0) and whose cache key holds neither the Authorization header nor cookies stores one response per URL: the order history, account page or intake answers the origin rendered for the first signed-in viewer is served from the edge to the next viewer who requests the same URL, for up to the TTL, without reaching the origin's access check. This rule matches each behaviour's path pattern against the engagement's PHI URL paths (the workspace setting, by default /account*, /orders*, /checkout*, /api/*) in CloudFront's own precedence order, so the default behaviour (*) counts for the PHI paths no earlier behaviour wholly claims. It reads the TTLs and cache key of the behaviour's cache policy (ListCachePolicies: managed and custom) or legacy ForwardedValues; the managed CachingDisabled policy (TTLs 0) passes. It cannot see the origin's Cache-Control headers: an origin that answers private or no-store is not cached while the minimum TTL is 0, which the consultant can confirm in triage; a distribution that serves no PHI on those paths (a media CDN on its own host name) can be marked so in triage.",
  remediation: {
    text: 'Attach the managed CachingDisabled cache policy (4135ea2d-6df8-44a3-9df3-4b5a84be39ad) to every behaviour that serves account, order, checkout or API responses, and forward the viewer headers and cookies the origin needs through an origin request policy (for example the managed AllViewerExceptHostHeader). If a PHI response must be cached, include the Authorization header (or the session cookie) in the cache key so each viewer gets their own entry, keep the TTL short, and have the origin send Cache-Control: private, no-store on personal pages.',
    terraform: `ordered_cache_behavior {
  path_pattern             = "/account/*"
  target_origin_id         = "storefront-alb"
  viewer_protocol_policy   = "redirect-to-https"
  allowed_methods          = ["GET", "HEAD", "OPTIONS", "PUT", "POST", "PATCH", "DELETE"]
  cached_methods           = ["GET", "HEAD"]
  cache_policy_id          = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" # CachingDisabled
  origin_request_policy_id = "b689b0a8-53d0-40ab-baf2-68738e2966ac" # AllViewerExceptHostHeader
}`,
    cloudformation: `CacheBehaviors:
  - PathPattern: /account/*
    TargetOriginId: storefront-alb
    ViewerProtocolPolicy: redirect-to-https
    CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad # CachingDisabled
    OriginRequestPolicyId: b689b0a8-53d0-40ab-baf2-68738e2966ac # AllViewerExceptHostHeader`,
    cli: `aws cloudfront get-distribution-config --id <distribution-id> > dist.json
# In DistributionConfig.CacheBehaviors.Items[] for the PHI path: set "CachePolicyId" to
# "4135ea2d-6df8-44a3-9df3-4b5a84be39ad" (CachingDisabled); save DistributionConfig alone as config.json
aws cloudfront update-distribution --id <distribution-id> --if-match <ETag from dist.json> \\
  --distribution-config file://config.json`,
  },
  evaluate(resource, context) {
    const subject = distributionLabel(resource);
    const { behaviours } = cloudfrontProperties(resource);
    if (behaviours === undefined) return notAssessed('cache behaviours (ListDistributions)', subject);
    const served = behaviours
      .map((behaviour, index) => ({
        behaviour,
        phiPaths: phiPathsReaching(behaviours, index, context.phiUrlPaths),
      }))
      .filter((each) => each.phiPaths.length > 0);
    if (served.length === 0)
      return notApplicable(
        `${subject} has no cache behaviour that serves the engagement's PHI URL paths (${quoted(context.phiUrlPaths)}).`,
      );
    const described = (each: { behaviour: Behaviour; phiPaths: string[] }) =>
      `${behaviourLabel(each.behaviour)} (${phiPathWords(each.phiPaths)})`;
    const leaking = served.filter(
      (each) =>
        each.behaviour.cache && cachesResponses(each.behaviour.cache) && !keyedOnViewer(each.behaviour.cache),
    );
    if (leaking.length > 0)
      return fail(
        `${subject} caches responses at the edge with a cache key holding neither the Authorization header nor cookies on ${leaking
          .map((each) => `${described(each)} under ${cacheWords(each.behaviour.cache as BehaviourCache)}`)
          .join('; ')}, so a response rendered for one viewer can be served to the next.`,
      );
    const unknown = served.filter((each) => each.behaviour.cache === undefined);
    if (unknown.length > 0)
      return notAssessed(
        `cache policy (ListCachePolicies) of ${unknown.map((each) => behaviourLabel(each.behaviour)).join(', ')}`,
        subject,
      );
    const why = served.map((each) => {
      const cache = each.behaviour.cache as BehaviourCache;
      return cachesResponses(cache)
        ? `${described(each)} keys its cache on ${keyWords(cache)}`
        : `${described(each)} does not cache (${cacheWords(cache)}${cache.allHeadersForwarded ? ', every header forwarded' : ''})`;
    });
    return pass(`${subject}: ${why.join('; ')}.`);
  },
};
