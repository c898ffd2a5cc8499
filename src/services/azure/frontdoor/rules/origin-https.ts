import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepRoute, ROUTE, routeLabel, routeProperties, terraformRoute } from './common';

/** 164.312(e)(1), (e)(2)(i): Front Door reaches the origin over HTTPS. */
export const frontDoorOriginHttps: Rule = {
  id: 'azure.frontdoor.origin-https',
  title: 'Front Door routes forward requests to origins over HTTPS',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: ROUTE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "Between the Front Door edge and the origin, requests and responses cross Microsoft's network and, for an origin outside Azure or reached through its public address, the internet. 164.312(e)(1) and 164.312(e)(2)(i) ask for that hop to be protected too. A route's forwardingProtocol HttpOnly sends every request to the origin over plain HTTP — sign-ins, tokens and the PHI in the answers included — even when the viewer used HTTPS; MatchRequest forwards HTTP whenever the viewer's request was HTTP, which happens only when the route accepts HTTP without redirecting it. This rule fails on HttpOnly, and on MatchRequest when the route accepts HTTP and does not redirect it; HttpsOnly passes.",
  remediation: {
    text: 'Set the forwarding protocol to HttpsOnly, with an origin that presents a certificate matching its host name (leave certificate name checks on in the origin).',
    bicep: bicepRoute(
      'static',
      "      '/static/*'",
      `    supportedProtocols: [
      'Https'
    ]
    forwardingProtocol: 'HttpsOnly'`,
    ),
    terraform: terraformRoute(
      'static',
      '"/static/*"',
      `  supported_protocols           = ["Https"]
  forwarding_protocol           = "HttpsOnly"`,
    ),
    cli: `az afd route update --resource-group <resource-group> --profile-name <profile> --endpoint-name <endpoint> --route-name <route> --forwarding-protocol HttpsOnly`,
  },
  evaluate(resource) {
    const { forwardingProtocol, supportedProtocols, httpsRedirect, enabledState } = routeProperties(resource);
    const subject = routeLabel(resource);
    if (enabledState?.toLowerCase() === 'disabled')
      return notApplicable(`${subject} is disabled: it serves no requests.`);
    if (forwardingProtocol === undefined) return notAssessed('forwarding protocol', subject);
    const protocol = forwardingProtocol.toLowerCase();
    if (protocol === 'httponly')
      return fail(
        `${subject} forwards every request to its origin over plain HTTP (forwardingProtocol HttpOnly).${phiNote(resource)}`,
      );
    if (protocol === 'matchrequest') {
      if (supportedProtocols === undefined || httpsRedirect === undefined)
        return notAssessed('protocols the route accepts', subject);
      const http = supportedProtocols.some((each) => each.toLowerCase() === 'http');
      if (http && httpsRedirect.toLowerCase() !== 'enabled')
        return fail(
          `${subject} forwards plain-HTTP requests to its origin over HTTP (forwardingProtocol MatchRequest, HTTP accepted without redirect).${phiNote(resource)}`,
        );
      return pass(
        `${subject} forwards over the viewer's protocol, which is always HTTPS here (MatchRequest).`,
      );
    }
    return pass(`${subject} forwards requests to its origin over HTTPS only.`);
  },
};
