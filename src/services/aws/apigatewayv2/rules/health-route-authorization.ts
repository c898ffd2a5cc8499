import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import {
  apiLabel,
  apiProperties,
  isHealthRoute,
  isOpen,
  judgedRoutes,
  routeRemediation,
  V2_API,
} from './common';

/** 164.312(a)(1), 164.312(d): probes left open are named as probes, at low severity. */
export const apigatewayv2HealthRouteAuthorization: Rule = {
  id: 'aws.apigatewayv2.health-route-authorization',
  title: 'API Gateway HTTP API health and status routes without an authorizer are known and return no data',
  severity: 'low',
  exposure: 'internet',
  resourceType: V2_API,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    '164.312(a)(1) and 164.312(d) require that access to systems holding ePHI be limited to authenticated, authorized callers. Health and status routes are commonly left open for uptime monitors, which is acceptable when they return nothing but a status; the risk is a probe that grows to return build details, dependency status or data through a shared integration. This rule takes the HTTP API routes whose path ends in a probe name (health, healthz, status, ping, ready, live, heartbeat) with no path parameter before it and fails — at low severity — when one has authorization type NONE, so the consultant can confirm with the client that it returns no data. Other routes are judged by aws.apigatewayv2.route-authorization.',
  remediation: routeRemediation,
  evaluate(resource) {
    const subject = apiLabel(resource);
    const { routes } = apiProperties(resource);
    if (routes === undefined) return notAssessed('routes (GetRoutes)', subject);
    const probes = judgedRoutes(resource, routes).filter(isHealthRoute);
    if (probes.length === 0) return notApplicable(`${subject} has no health or status probe route.`);
    const open = probes.filter(isOpen);
    if (open.length > 0)
      return fail(
        `${subject} answers the health or status probe ${open.map((route) => `"${route.routeKey}"`).join(', ')} without an authorizer; confirm it returns no data.`,
      );
    return pass(
      `${subject} requires an authorizer on its probes (${probes.map((route) => `"${route.routeKey}"`).join(', ')}).`,
    );
  },
};
