import { APIGatewayServiceException } from '@aws-sdk/client-api-gateway';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * API Gateway (v1: REST APIs and custom domain names) in a scenario, per account and region.
 * Answers follow the API Gateway REST API reference (2015-07-09) as the SDK returns them: lists are
 * { items, position? } with limit 1–500 (default 25) — GetStages alone answers { item } unpaged;
 * GetResources with embed=methods carries each Method (authorizationType, apiKeyRequired), without
 * it empty method objects; a stage without access logging has no accessLogSettings; an unknown API
 * is NotFoundException ("Invalid API identifier specified"), a bad limit BadRequestException.
 */

const scenarioMethod = z.strictObject({
  httpMethod: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'ANY']),
  authorizationType: z.enum(['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS']).default('NONE'),
  apiKeyRequired: z.boolean().default(false),
});

const scenarioRestApi = z.strictObject({
  /** API ids are 10 lower-case letters and digits */
  id: z.string().regex(/^[a-z0-9]{10}$/, 'must be 10 lower-case letters or digits'),
  name: z.string().min(1),
  region: awsRegion,
  endpointType: z.enum(['EDGE', 'REGIONAL', 'PRIVATE']).default('REGIONAL'),
  disableExecuteApiEndpoint: z.boolean().default(false),
  tags: scenarioTags.default({}),
  /** Resource path → its methods; '/' is always present */
  resources: z
    .record(z.string().regex(/^\/[^\s]*$/, 'a resource path starting with /'), z.array(scenarioMethod))
    .default({}),
  stages: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
        /** The CloudWatch Logs group or Firehose ARN of access logs; null = off */
        accessLogDestination: z.string().nullable().default(null),
      }),
    )
    .default([]),
  createdAt: isoTime.default('2023-02-01T10:00:00Z'),
});

const scenarioDomainName = z.strictObject({
  domainName: z.string().regex(/^[a-z0-9.-]+$/),
  region: awsRegion,
  endpointType: z.enum(['EDGE', 'REGIONAL']).default('REGIONAL'),
  securityPolicy: z.string().default('TLS_1_2'),
  certificateArn: z.string(),
  tags: scenarioTags.default({}),
});

const account = {
  restApis: z.array(scenarioRestApi).default([]),
  apiDomainNames: z.array(scenarioDomainName).default([]),
};
const organisation = {};

type ScenarioRestApi = z.output<typeof scenarioRestApi>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const apigatewayError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(APIGatewayServiceException, name, httpStatusCode, message);

function limitOf(call: Call): number {
  const asked = call.input.limit;
  if (asked === undefined) return Math.min(25, call.pageSize);
  if (typeof asked !== 'number' || !Number.isInteger(asked) || asked < 1 || asked > 500)
    throw apigatewayError('BadRequestException', 400, 'Invalid value for limit: must be between 1 and 500');
  return Math.min(asked, call.pageSize);
}

const invalidPosition = () => apigatewayError('BadRequestException', 400, 'Invalid position parameter');

const here = <T extends { region: string }>(call: Call, items: readonly T[]) =>
  items.filter((each) => each.region === call.region);

function apiOf(call: Call): ScenarioRestApi {
  const id = call.input.restApiId;
  const found = here(call, call.account.restApis).find((api) => api.id === id);
  if (!found)
    throw apigatewayError(
      'NotFoundException',
      404,
      `Invalid API identifier specified ${call.account.accountId}:${String(id)}`,
    );
  return found;
}

function getRestApis(call: Call): object {
  const apis = here(call, call.account.restApis).sort((a, b) => a.id.localeCompare(b.id));
  const { page, next } = awsPage(apis, call.input.position, limitOf(call), invalidPosition);
  return {
    items: page.map((api) => ({
      id: api.id,
      name: api.name,
      createdDate: new Date(api.createdAt),
      apiKeySource: 'HEADER',
      endpointConfiguration: { types: [api.endpointType], ipAddressType: 'ipv4' },
      ...(Object.keys(api.tags).length > 0 ? { tags: { ...api.tags } } : {}),
      disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
      rootResourceId: resourceId(api, '/'),
    })),
    ...(next ? { position: next } : {}),
  };
}

/** Stable 10-character resource ids, the shape API Gateway gives. */
function resourceId(api: ScenarioRestApi, path: string): string {
  if (path === '/') return `${api.id.slice(0, 4)}root00`.slice(0, 10);
  let hash = 0;
  for (const char of `${api.id}${path}`) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(7, '0').slice(0, 6);
}

function getResources(call: Call): object {
  const api = apiOf(call);
  const embed = Array.isArray(call.input.embed) && (call.input.embed as unknown[]).includes('methods');
  const paths = [...new Set(['/', ...Object.keys(api.resources)])].sort();
  const resources = paths.map((path) => {
    const parent = path === '/' ? undefined : path.slice(0, path.lastIndexOf('/')) || '/';
    const methods = api.resources[path] ?? [];
    return {
      id: resourceId(api, path),
      ...(parent !== undefined
        ? { parentId: resourceId(api, parent), pathPart: path.slice(path.lastIndexOf('/') + 1) }
        : {}),
      path,
      ...(methods.length > 0
        ? {
            resourceMethods: Object.fromEntries(
              methods.map((method) => [
                method.httpMethod,
                embed
                  ? {
                      httpMethod: method.httpMethod,
                      authorizationType: method.authorizationType,
                      ...(method.authorizationType === 'CUSTOM' ||
                      method.authorizationType === 'COGNITO_USER_POOLS'
                        ? { authorizerId: 'a1b2c3' }
                        : {}),
                      apiKeyRequired: method.apiKeyRequired,
                    }
                  : {},
              ]),
            ),
          }
        : {}),
    };
  });
  const { page, next } = awsPage(resources, call.input.position, limitOf(call), invalidPosition);
  return { items: page, ...(next ? { position: next } : {}) };
}

function getStages(call: Call): object {
  const api = apiOf(call);
  return {
    item: api.stages.map((stage) => ({
      deploymentId: `d${api.id.slice(0, 5)}`,
      stageName: stage.name,
      cacheClusterEnabled: false,
      cacheClusterStatus: 'NOT_AVAILABLE',
      methodSettings: {},
      tracingEnabled: false,
      ...(stage.accessLogDestination
        ? {
            accessLogSettings: {
              destinationArn: stage.accessLogDestination,
              format: '{"requestId":"$context.requestId"}',
            },
          }
        : {}),
      createdDate: new Date(api.createdAt),
      lastUpdatedDate: new Date(api.createdAt),
    })),
  };
}

function getDomainNames(call: Call): object {
  const domains = here(call, call.account.apiDomainNames).sort((a, b) =>
    a.domainName.localeCompare(b.domainName),
  );
  const { page, next } = awsPage(domains, call.input.position, limitOf(call), invalidPosition);
  return {
    items: page.map((domain) => ({
      domainName: domain.domainName,
      ...(domain.endpointType === 'REGIONAL'
        ? {
            regionalDomainName: `d-${domain.domainName.replace(/[^a-z0-9]/g, '').slice(0, 10)}.execute-api.${domain.region}.amazonaws.com`,
            regionalHostedZoneId: 'Z1UJRXOUMOOFQ8',
            regionalCertificateArn: domain.certificateArn,
          }
        : {
            distributionDomainName: `d${domain.domainName.replace(/[^a-z0-9]/g, '').slice(0, 12)}.cloudfront.net`,
            distributionHostedZoneId: 'Z2FDTNDATAQYW2',
            certificateArn: domain.certificateArn,
          }),
      endpointConfiguration: { types: [domain.endpointType] },
      domainNameStatus: 'AVAILABLE',
      securityPolicy: domain.securityPolicy,
      ...(Object.keys(domain.tags).length > 0 ? { tags: { ...domain.tags } } : {}),
    })),
    ...(next ? { position: next } : {}),
  };
}

function checkApis(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    (each.restApis as ScenarioRestApi[]).forEach((api, i) => {
      if (!each.regions.includes(api.region))
        issue(
          ['aws', 'accounts', a, 'restApis', i, 'region'],
          `${api.region} is not one of the account's regions`,
        );
      for (const path of Object.keys(api.resources))
        if (path !== '/' && path.endsWith('/'))
          issue(
            ['aws', 'accounts', a, 'restApis', i, 'resources', path],
            'a resource path has no trailing /',
          );
    });
  });
}

export const apigatewaySim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkApis,
  error: apigatewayError,
  faults: {
    throttle: { name: 'TooManyRequestsException', status: 429, message: 'Too Many Requests' },
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message: 'User is not authorized to access this resource with an explicit deny',
    },
  },
  answers: {
    GetRestApis: getRestApis,
    GetResources: getResources,
    GetStages: getStages,
    GetDomainNames: getDomainNames,
  },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['orders', 'account', 'telehealth', 'telemetry', 'support'];
    const auth = () => pick(['NONE', 'AWS_IAM', 'CUSTOM', 'COGNITO_USER_POOLS'] as const);
    const restApis = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 4)) }, (_, k) => {
        const app = pick(apps);
        return {
          id: `${hex(5)}${index.toString(36)}${k}${hex(3)}`.slice(0, 10).padEnd(10, '0'),
          name: `gen-a${index}-${app}-api-${k}`,
          region,
          tags: chance(0.2) ? {} : { app, ...(chance(0.4) ? { phi: 'true' } : {}) },
          resources: {
            '/health': [{ httpMethod: 'GET', authorizationType: chance(0.7) ? 'NONE' : 'AWS_IAM' }],
            [`/${app}`]: [
              { httpMethod: 'GET', authorizationType: auth() },
              { httpMethod: 'OPTIONS', authorizationType: 'NONE' },
            ],
          },
          stages: [
            {
              name: 'prod',
              accessLogDestination: chance(0.5)
                ? `arn:aws:logs:${region}:${accountId}:log-group:gen-a${index}-api`
                : null,
            },
          ],
        };
      }),
    );
    return { restApis, apiDomainNames: [] };
  },
};
