import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import {
  isHealthMethod,
  methodLabel,
  openMethods,
  REST_API,
  restApiLabel,
  restApiProperties,
} from './common';
import { methodAuthorizationRemediation } from './remediation';

/** 164.312(a)(1), 164.312(d): probes left open are named as probes, at low severity. */
export const apigatewayHealthMethodAuthorization: Rule = {
  id: 'aws.apigateway.health-method-authorization',
  title: 'API Gateway health and status probes without authorization are known and return no data',
  severity: 'low',
  exposure: 'internet',
  resourceType: REST_API,
  citations: ['164.312(a)(1)', '164.312(d)'],
  failurePattern: failurePatterns.unauthenticatedEndpoints,
  rationale:
    '164.312(a)(1) and 164.312(d) require that access to systems holding ePHI be limited to authenticated, authorized callers. Health and status endpoints are commonly left open for load balancers and uptime monitors, which is acceptable when they return nothing but a status; the risk is a probe that grows to return build details, dependency status or, through a shared integration, data. This rule takes the methods whose path ends in a probe name (health, healthz, status, ping, ready, live, heartbeat) with no path parameter before it, and fails — at low severity — when one has authorization type NONE and no API key, so the consultant can confirm with the client that it returns no data. Other methods are judged by aws.apigateway.method-authorization.',
  remediation: methodAuthorizationRemediation,
  evaluate(resource) {
    const subject = restApiLabel(resource);
    const { methods } = restApiProperties(resource);
    if (methods === undefined) return notAssessed('methods (GetResources)', subject);
    const probes = methods.filter((method) => method.httpMethod !== 'OPTIONS' && isHealthMethod(method));
    if (probes.length === 0) return notApplicable(`${subject} has no health or status probe method.`);
    const open = openMethods(probes);
    if (open.length > 0)
      return fail(
        `${subject} answers the health or status probe ${open.map(methodLabel).join(', ')} without authorization or an API key; confirm it returns no data.`,
      );
    return pass(`${subject} requires authorization on its probes (${probes.map(methodLabel).join(', ')}).`);
  },
};
