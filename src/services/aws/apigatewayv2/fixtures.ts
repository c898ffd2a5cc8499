import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { routeFrom } from './normalize';
import type { ApiProperties, ApiRoute } from './resource';

/** HTTP and WebSocket APIs as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';

const route = (
  routeKey: string,
  authorizationType = 'JWT',
  protocolType = 'HTTP',
  apiKeyRequired = false,
): ApiRoute =>
  routeFrom(
    { RouteKey: routeKey, AuthorizationType: authorizationType as 'JWT', ApiKeyRequired: apiKeyRequired },
    protocolType,
  );

export function compliantApi(): ApiProperties {
  return {
    apiId: 'h1t2p3a4p5',
    protocolType: 'HTTP',
    apiEndpoint: 'https://h1t2p3a4p5.execute-api.us-east-1.amazonaws.com',
    disableExecuteApiEndpoint: false,
    routes: [
      route('GET /health', 'AWS_IAM'),
      route('GET /orders/{orderId}'),
      route('OPTIONS /orders', 'NONE'),
    ],
    stages: [
      {
        name: '$default',
        autoDeploy: true,
        accessLogDestination: 'arn:aws:logs:us-east-1:111122223333:log-group:http',
      },
    ],
  };
}

interface Options {
  phi?: boolean;
  properties?: Partial<Record<keyof ApiProperties, unknown>>;
  missing?: (keyof ApiProperties)[];
}

export function apiResource(options: Options = {}): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...compliantApi(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.apigatewayv2.api',
    nativeId: 'arn:aws:apigateway:us-east-1::/apis/h1t2p3a4p5',
    name: 'nwv-orders-http',
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { app: 'orders' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2, 3],
  };
}

const routes = (...each: ApiRoute[]) => ({ properties: { routes: each } });

export const apigatewayv2Fixtures: ServiceFixtures = {
  'aws.apigatewayv2.route-authorization': {
    pass: [
      {
        name: 'JWT on the data route, OPTIONS open',
        resource: apiResource(),
        detail:
          'API Gateway HTTP API nwv-orders-http (h1t2p3a4p5) in us-east-1 requires an authorizer on "GET /orders/{orderId}" (JWT).',
      },
      {
        name: 'WebSocket $connect with a Lambda authorizer; other routes not judged',
        resource: apiResource({
          properties: {
            protocolType: 'WEBSOCKET',
            routes: [route('$connect', 'CUSTOM', 'WEBSOCKET'), route('sendMessage', 'NONE', 'WEBSOCKET')],
          },
        }),
        detail:
          'API Gateway WebSocket API nwv-orders-http (h1t2p3a4p5) in us-east-1 requires an authorizer on "$connect" (CUSTOM)',
      },
    ],
    fail: [
      {
        name: 'POST /readings and $default open on a PHI API',
        resource: apiResource({
          phi: true,
          ...routes(route('POST /readings', 'NONE'), route('$default', 'NONE'), route('GET /health', 'NONE')),
        }),
        detail:
          /answers "\$default", "POST \/readings" with authorization type NONE\. It is classified as PHI|answers "POST \/readings", "\$default" with authorization type NONE\. It is classified as PHI/,
      },
      {
        name: 'WebSocket $connect without authorizer or API key',
        resource: apiResource({
          properties: { protocolType: 'WEBSOCKET', routes: [route('$connect', 'NONE', 'WEBSOCKET')] },
        }),
        detail:
          'WebSocket API nwv-orders-http (h1t2p3a4p5) in us-east-1 answers "$connect" with authorization type NONE.',
      },
    ],
    notApplicable: [
      {
        name: 'only a health route',
        resource: apiResource(routes(route('GET /health', 'NONE'))),
        detail: 'has no route to judge outside OPTIONS and health or status probes',
      },
      {
        name: 'GetRoutes refused',
        resource: apiResource({ missing: ['routes'] }),
        detail: /^Not assessed: the routes \(GetRoutes\)/,
      },
    ],
  },
  'aws.apigatewayv2.health-route-authorization': {
    pass: [
      {
        name: 'probe behind IAM',
        resource: apiResource(),
        detail: 'requires an authorizer on its probes ("GET /health")',
      },
    ],
    fail: [
      {
        name: 'open GET /health',
        resource: apiResource(routes(route('GET /health', 'NONE'), route('POST /readings'))),
        detail:
          'answers the health or status probe "GET /health" without an authorizer; confirm it returns no data.',
      },
    ],
    notApplicable: [
      {
        name: 'no probe route',
        resource: apiResource(routes(route('POST /readings'))),
        detail: 'has no health or status probe route',
      },
    ],
  },
  'aws.apigatewayv2.stage-access-logs': {
    pass: [
      {
        name: '$default stage logs',
        resource: apiResource(),
        detail:
          'writes access logs on every stage ($default → arn:aws:logs:us-east-1:111122223333:log-group:http)',
      },
    ],
    fail: [
      {
        name: 'auto-deployed $default without logs',
        resource: apiResource({
          phi: true,
          properties: { stages: [{ name: '$default', autoDeploy: true, accessLogDestination: null }] },
        }),
        detail:
          /has stage\(s\) \$default without access logging \(no AccessLogSettings destination\)\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      { name: 'no stage', resource: apiResource({ properties: { stages: [] } }), detail: 'has no stage' },
      {
        name: 'GetStages refused',
        resource: apiResource({ missing: ['stages'] }),
        detail: /^Not assessed: the stages \(GetStages\)/,
      },
    ],
  },
};
