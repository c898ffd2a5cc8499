import type { NormalizedResource, RuleContext } from '../../../../kit';
import type { Behaviour } from '../resource';
import { cloudfrontProperties, phiPathsReaching } from './common';

/** Behaviours split by whether they serve the engagement's PHI paths (shared by the two viewer-protocol rules). */
export function behavioursByPhi(
  resource: NormalizedResource,
  context: RuleContext,
): { phi: { behaviour: Behaviour; phiPaths: string[] }[]; other: Behaviour[] } | undefined {
  const { behaviours } = cloudfrontProperties(resource);
  if (behaviours === undefined) return undefined;
  const phi: { behaviour: Behaviour; phiPaths: string[] }[] = [];
  const other: Behaviour[] = [];
  behaviours.forEach((behaviour, index) => {
    const phiPaths = phiPathsReaching(behaviours, index, context.phiUrlPaths);
    if (phiPaths.length > 0) phi.push({ behaviour, phiPaths });
    else other.push(behaviour);
  });
  return { phi, other };
}

export const viewerRemediation = {
  text: 'Set the viewer protocol policy of every cache behaviour to redirect-to-https (browsers) or https-only (API clients), so CloudFront never answers a viewer over plain HTTP. Add an HSTS header with a response headers policy (the managed SecurityHeadersPolicy) so browsers stop trying HTTP at all.',
  terraform: `default_cache_behavior {
  target_origin_id           = "storefront-alb"
  viewer_protocol_policy     = "redirect-to-https"
  cache_policy_id            = "4135ea2d-6df8-44a3-9df3-4b5a84be39ad"
  response_headers_policy_id = "67f7725c-6f97-4210-82d7-5512b31e9d03" # SecurityHeadersPolicy (HSTS)
  allowed_methods            = ["GET", "HEAD"]
  cached_methods             = ["GET", "HEAD"]
}`,
  cloudformation: `DefaultCacheBehavior:
  TargetOriginId: storefront-alb
  ViewerProtocolPolicy: redirect-to-https
  CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
  ResponseHeadersPolicyId: 67f7725c-6f97-4210-82d7-5512b31e9d03 # SecurityHeadersPolicy (HSTS)`,
  cli: `aws cloudfront get-distribution-config --id <distribution-id> > dist.json
# Set "ViewerProtocolPolicy": "redirect-to-https" on DefaultCacheBehavior and every CacheBehaviors item;
# save DistributionConfig alone as config.json
aws cloudfront update-distribution --id <distribution-id> --if-match <ETag from dist.json> \\
  --distribution-config file://config.json`,
};
