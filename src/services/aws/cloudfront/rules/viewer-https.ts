import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { behaviourLabel, CLOUDFRONT_DISTRIBUTION, distributionLabel } from './common';
import { behavioursByPhi, viewerRemediation } from './https-viewers';

/** 164.312(e)(1), (e)(2)(i): the rest of a distribution's paths (static pages, assets) also use TLS. */
export const cloudfrontViewerHttps: Rule = {
  id: 'aws.cloudfront.viewer-https',
  title: 'CloudFront behaviours outside the PHI paths accept viewers only over HTTPS',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls in transit. Paths that serve no PHI themselves still matter: a page or script fetched over plain HTTP can be modified on the way (an injected script then reads the PHI the HTTPS pages show), and a browser sends the site's cookies that lack the Secure flag with every HTTP request. This rule takes the cache behaviours that serve none of the engagement's PHI URL paths and fails when any of them has the viewer protocol policy allow-all; redirect-to-https and https-only pass. Behaviours serving PHI paths are judged by aws.cloudfront.phi-path-https (high). The severity rises when the distribution is tagged as PHI.",
  remediation: viewerRemediation,
  evaluate(resource, context) {
    const subject = distributionLabel(resource);
    const split = behavioursByPhi(resource, context);
    if (split === undefined) return notAssessed('cache behaviours (ListDistributions)', subject);
    if (split.other.length === 0)
      return notApplicable(
        `${subject} has only behaviours that serve PHI paths; aws.cloudfront.phi-path-https judges them.`,
      );
    const open = split.other.filter((behaviour) => behaviour.viewerProtocolPolicy === 'allow-all');
    if (open.length > 0)
      return fail(
        `${subject} answers plain HTTP (viewer protocol policy allow-all) on ${open.map(behaviourLabel).join(', ')}.${phiNote(resource)}`,
      );
    return pass(
      `${subject} requires HTTPS on every behaviour outside the PHI paths (${split.other
        .map((behaviour) => `${behaviourLabel(behaviour)}: ${behaviour.viewerProtocolPolicy}`)
        .join(', ')}).`,
    );
  },
};
