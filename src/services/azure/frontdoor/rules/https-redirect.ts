import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepRoute, ROUTE, routeLabel, routeProperties, terraformRoute } from './common';

/** 164.312(e)(1), (e)(2)(i): browsers that ask over HTTP are sent to HTTPS. */
export const frontDoorHttpsRedirect: Rule = {
  id: 'azure.frontdoor.https-redirect',
  title: 'Front Door routes that accept HTTP redirect it to HTTPS',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: ROUTE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    "164.312(e)(1) requires protecting ePHI transmitted over a network, and 164.312(e)(2)(i) integrity controls in transit. A Front Door route whose supportedProtocols include Http and whose httpsRedirect is Disabled answers plain-HTTP requests as they come: pages, the cookies browsers send with them and whatever the origin returns cross the internet readable and modifiable by anyone on the path. With httpsRedirect Enabled, Front Door answers every HTTP request with a redirect to HTTPS; a route that accepts only Https refuses HTTP outright. This rule reads each enabled route's supportedProtocols and httpsRedirect (Routes_ListByEndpoint). Severity rises when the profile is tagged as PHI.",
  remediation: {
    text: 'Enable HTTPS redirect on every route that accepts HTTP (or accept Https only), and send HSTS from the origin or a rule-set response header so browsers stop trying HTTP.',
    bicep: bicepRoute(
      'static',
      "      '/static/*'",
      `    supportedProtocols: [
      'Http'
      'Https'
    ]
    httpsRedirect: 'Enabled'
    forwardingProtocol: 'HttpsOnly'`,
    ),
    terraform: terraformRoute(
      'static',
      '"/static/*"',
      `  supported_protocols           = ["Http", "Https"]
  https_redirect_enabled        = true
  forwarding_protocol           = "HttpsOnly"`,
    ),
    cli: `az afd route update --resource-group <resource-group> --profile-name <profile> --endpoint-name <endpoint> --route-name <route> --https-redirect Enabled`,
  },
  evaluate(resource) {
    const { supportedProtocols, httpsRedirect, enabledState } = routeProperties(resource);
    const subject = routeLabel(resource);
    if (enabledState?.toLowerCase() === 'disabled')
      return notApplicable(`${subject} is disabled: it serves no requests.`);
    if (supportedProtocols === undefined) return notAssessed('supported protocols', subject);
    const http = supportedProtocols.some((protocol) => protocol.toLowerCase() === 'http');
    if (!http) return pass(`${subject} accepts HTTPS only.`);
    if (httpsRedirect === undefined) return notAssessed('HTTPS redirect setting', subject);
    if (httpsRedirect.toLowerCase() !== 'enabled')
      return fail(
        `${subject} accepts plain HTTP and does not redirect it to HTTPS (httpsRedirect ${httpsRedirect}).${phiNote(resource)}`,
      );
    return pass(`${subject} redirects HTTP requests to HTTPS.`);
  },
};
