import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import { behaviourLabel, CLOUDFRONT_DISTRIBUTION, distributionLabel, phiPathWords, quoted } from './common';
import { behavioursByPhi, viewerRemediation } from './https-viewers';

/** 164.312(e)(1), (e)(2)(i): PHI pages and API responses never travel to the viewer in clear text. */
export const cloudfrontPhiPathHttps: Rule = {
  id: 'aws.cloudfront.phi-path-https',
  title: 'CloudFront behaviours serving PHI paths accept viewers only over HTTPS',
  severity: 'high',
  exposure: 'network',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires technical security measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls so that it is not improperly modified in transit. A cache behaviour whose viewer protocol policy is allow-all answers plain-HTTP requests as they come: account pages, order history and API responses for the paths it serves, together with the session cookies and tokens viewers send, cross the internet readable and modifiable by anyone on the path (public Wi-Fi, a proxy). This rule takes the behaviours that serve the engagement's PHI URL paths (matched in CloudFront's precedence order, the default behaviour counting for what no earlier behaviour claims) and fails when any of them is allow-all; redirect-to-https and https-only pass. Behaviours serving no PHI path are judged by aws.cloudfront.viewer-https at a lower severity.",
  remediation: viewerRemediation,
  evaluate(resource, context) {
    const subject = distributionLabel(resource);
    const split = behavioursByPhi(resource, context);
    if (split === undefined) return notAssessed('cache behaviours (ListDistributions)', subject);
    if (split.phi.length === 0)
      return notApplicable(
        `${subject} has no cache behaviour that serves the engagement's PHI URL paths (${quoted(context.phiUrlPaths)}).`,
      );
    const open = split.phi.filter((each) => each.behaviour.viewerProtocolPolicy === 'allow-all');
    if (open.length > 0)
      return fail(
        `${subject} answers plain HTTP (viewer protocol policy allow-all) on ${open
          .map((each) => `${behaviourLabel(each.behaviour)}, which serves ${phiPathWords(each.phiPaths)}`)
          .join('; ')}.`,
      );
    return pass(
      `${subject} serves its PHI paths only over HTTPS: ${split.phi
        .map((each) => `${behaviourLabel(each.behaviour)} is ${each.behaviour.viewerProtocolPolicy}`)
        .join(', ')}.`,
    );
  },
};
