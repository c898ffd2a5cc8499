import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import {
  apiLabel,
  apiProperties,
  isHealthRoute,
  isOpen,
  judgedRoutes,
  routeRemediation,
  V2_API,
} from './common';

/** 164.312(a)(1) access control, 164.312(d) person or entity authentication: routes know who calls them. */
export const apigatewayv2RouteAuthorization: Rule = {
  id: 'aws.apigatewayv2.route-authorization',
  title: 'API Gateway HTTP API routes and WebSocket $connect routes require an authorizer',
  severity: 'high',
  exposure: 'internet',
  resourceType: V2_API,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    '164.312(a)(1) requires technical controls that allow access to ePHI only to authorized persons or software, and 164.312(d) procedures to verify that whoever seeks access is who they claim to be. An HTTP API route whose authorization type is NONE passes every request to its integration with no identity attached; a $default or ANY /{proxy+} route without an authorizer opens every path of the API. On a WebSocket API the authorizer sits on the $connect route, and a connection opened without one can send to every other route. The rule reads every route (GetRoutes) and fails on HTTP routes other than OPTIONS, and on a WebSocket $connect route, with authorization type NONE (and, for WebSocket, no API key); JWT, AWS_IAM and CUSTOM (Lambda) authorizers pass. Health and status probes (/health, /status, /ping …) are judged at low severity by aws.apigatewayv2.health-route-authorization. A backend that authenticates requests itself can be recorded so in triage.',
  remediation: routeRemediation,
  evaluate(resource) {
    const subject = apiLabel(resource);
    const { routes } = apiProperties(resource);
    if (routes === undefined) return notAssessed('routes (GetRoutes)', subject);
    const judged = judgedRoutes(resource, routes).filter((route) => !isHealthRoute(route));
    if (judged.length === 0)
      return notApplicable(`${subject} has no route to judge outside OPTIONS and health or status probes.`);
    const open = judged.filter(isOpen);
    if (open.length > 0)
      return fail(
        `${subject} answers ${open.map((route) => `"${route.routeKey}"`).join(', ')} with authorization type NONE.${phiNote(resource)}`,
      );
    return pass(
      `${subject} requires an authorizer on ${judged.map((route) => `"${route.routeKey}" (${route.authorizationType})`).join(', ')}.`,
    );
  },
};
