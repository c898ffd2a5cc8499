import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { DomainNameProperties, RestApiMethod, RestApiProperties } from './resource';

/** REST APIs and domain names as the collector hands them to rules, compliant unless overridden. */

const ACCOUNT = '111122223333';

const method = (
  path: string,
  httpMethod: string,
  authorizationType = 'COGNITO_USER_POOLS',
  apiKeyRequired = false,
): RestApiMethod => ({
  path,
  httpMethod,
  authorizationType,
  apiKeyRequired,
});

export function compliantRestApi(): RestApiProperties {
  return {
    apiId: 'a1b2c3d4e5',
    endpointTypes: ['REGIONAL'],
    disableExecuteApiEndpoint: false,
    methods: [
      method('/health', 'GET', 'AWS_IAM'),
      method('/orders', 'GET'),
      method('/orders', 'OPTIONS', 'NONE'),
      method('/orders/{orderId}', 'GET'),
    ],
    stages: [
      {
        name: 'prod',
        deploymentId: 'd1',
        accessLogDestination: 'arn:aws:logs:us-east-1:111122223333:log-group:api-access',
      },
    ],
  };
}

interface Options<P> {
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function resourceOf<P extends Record<string, unknown>>(
  type: string,
  name: string,
  nativeId: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...base, ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'aws',
    type,
    nativeId,
    name,
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: phi ? { phi: 'true' } : { app: 'orders' },
    properties,
    phi,
    phiReason: phi ? 'tag phi=true' : null,
    evidenceIds: [1, 2],
  };
}

export const restApiResource = (options: Options<RestApiProperties> = {}) =>
  resourceOf(
    'aws.apigateway.rest-api',
    'nwv-orders-api',
    'arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5',
    compliantRestApi(),
    options,
  );

export const domainResource = (options: Options<DomainNameProperties> = {}) =>
  resourceOf(
    'aws.apigateway.domain-name',
    'api.example.com',
    'arn:aws:apigateway:us-east-1::/domainnames/api.example.com',
    { securityPolicy: 'TLS_1_2', endpointTypes: ['REGIONAL'], mutualTls: false, status: 'AVAILABLE' },
    options,
  );

const methods = (...each: RestApiMethod[]) => ({ properties: { methods: each } });

export const apigatewayFixtures: ServiceFixtures = {
  'aws.apigateway.method-authorization': {
    pass: [
      {
        name: 'Cognito on every method, OPTIONS open',
        resource: restApiResource(),
        detail:
          'API Gateway REST API nwv-orders-api (a1b2c3d4e5) in us-east-1 requires an authorizer on every method outside OPTIONS and health probes (2 method(s))',
      },
      {
        name: 'API key alone is said to identify, not authenticate',
        resource: restApiResource(methods(method('/orders', 'GET', 'NONE', true))),
        detail: 'GET /orders rely on an API key alone, which identifies but does not authenticate the caller',
      },
    ],
    fail: [
      {
        name: 'GET /account and an order status open',
        resource: restApiResource({
          phi: true,
          ...methods(
            method('/account', 'GET', 'NONE'),
            method('/orders/{orderId}/status', 'GET', 'NONE'),
            method('/health', 'GET', 'NONE'),
          ),
        }),
        detail:
          /answers GET \/account, GET \/orders\/\{orderId\}\/status with authorization type NONE and no API key\. It is classified as PHI/,
      },
      {
        name: 'private API says how it is reachable',
        resource: restApiResource({
          properties: { endpointTypes: ['PRIVATE'], methods: [method('/readings', 'POST', 'NONE')] },
        }),
        detail: '(a private API, reachable through VPC endpoints its policy allows) answers POST /readings',
      },
    ],
    notApplicable: [
      {
        name: 'only a health probe',
        resource: restApiResource(methods(method('/health', 'GET', 'NONE'))),
        detail: 'has no method outside OPTIONS and health or status probes',
      },
      {
        name: 'GetResources refused',
        resource: restApiResource({ missing: ['methods'] }),
        detail: /^Not assessed: the methods \(GetResources\)/,
      },
    ],
  },
  'aws.apigateway.health-method-authorization': {
    pass: [
      {
        name: 'probe behind IAM',
        resource: restApiResource(),
        detail: 'requires authorization on its probes (GET /health)',
      },
    ],
    fail: [
      {
        name: 'open /v1/status probe',
        resource: restApiResource(methods(method('/v1/status', 'GET', 'NONE'), method('/orders', 'GET'))),
        detail:
          'answers the health or status probe GET /v1/status without authorization or an API key; confirm it returns no data.',
      },
    ],
    notApplicable: [
      {
        name: 'no probe',
        resource: restApiResource(methods(method('/orders', 'GET'))),
        detail: 'has no health or status probe method',
      },
    ],
  },
  'aws.apigateway.stage-access-logs': {
    pass: [
      {
        name: 'prod logs to CloudWatch Logs',
        resource: restApiResource(),
        detail:
          'writes access logs on every stage (prod → arn:aws:logs:us-east-1:111122223333:log-group:api-access)',
      },
    ],
    fail: [
      {
        name: 'a stage without access logs',
        resource: restApiResource({
          phi: true,
          properties: {
            stages: [
              {
                name: 'prod',
                deploymentId: 'd1',
                accessLogDestination: 'arn:aws:logs:us-east-1:111122223333:log-group:x',
              },
              { name: 'beta', deploymentId: 'd2', accessLogDestination: null },
            ],
          },
        }),
        detail:
          /has stage\(s\) beta without access logging \(no accessLogSettings destination\)\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'no stage deployed',
        resource: restApiResource({ properties: { stages: [] } }),
        detail: 'has no deployed stage',
      },
      {
        name: 'GetStages refused',
        resource: restApiResource({ missing: ['stages'] }),
        detail: /^Not assessed: the stages \(GetStages\)/,
      },
    ],
  },
  'aws.apigateway.domain-tls': {
    pass: [
      {
        name: 'TLS_1_2',
        resource: domainResource(),
        detail: 'requires TLS 1.2 or later (security policy TLS_1_2)',
      },
      {
        name: 'enhanced TLS 1.3 policy',
        resource: domainResource({ properties: { securityPolicy: 'SecurityPolicy_TLS13_1_3_2025_09' } }),
        detail: 'security policy SecurityPolicy_TLS13_1_3_2025_09',
      },
    ],
    fail: [
      {
        name: 'TLS_1_0 on a PHI domain',
        resource: domainResource({ phi: true, properties: { securityPolicy: 'TLS_1_0' } }),
        detail: /accepts TLS 1\.0 and 1\.1: its security policy is TLS_1_0\. It is classified as PHI/,
      },
    ],
    notApplicable: [
      {
        name: 'an unknown policy name',
        resource: domainResource({ properties: { securityPolicy: 'SecurityPolicy_FUTURE' } }),
        detail: /^Not assessed: the minimum TLS version of security policy SecurityPolicy_FUTURE/,
      },
    ],
  },
};
