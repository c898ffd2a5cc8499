import { ApiGatewayV2ServiceException } from '@aws-sdk/client-apigatewayv2';
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
 * API Gateway v2 (HTTP and WebSocket APIs) in a scenario, per account and region. Answers follow
 * the API Gateway v2 API reference (2018-11-29) as the SDK returns them: GetApis, GetRoutes and
 * GetStages answer { Items, NextToken? } with MaxResults a string; a route without an authorizer
 * says AuthorizationType NONE; a stage without access logging has no AccessLogSettings; ApiKeyRequired
 * is set on WebSocket routes only; an unknown API is NotFoundException, a bad MaxResults or token
 * BadRequestException.
 */

const scenarioRoute = z.strictObject({
  routeKey: z.string().min(1),
  authorizationType: z.enum(['NONE', 'AWS_IAM', 'CUSTOM', 'JWT']).default('NONE'),
  apiKeyRequired: z.boolean().default(false),
});

const scenarioApi = z.strictObject({
  id: z.string().regex(/^[a-z0-9]{10}$/, 'must be 10 lower-case letters or digits'),
  name: z.string().min(1),
  region: awsRegion,
  protocolType: z.enum(['HTTP', 'WEBSOCKET']).default('HTTP'),
  disableExecuteApiEndpoint: z.boolean().default(false),
  tags: scenarioTags.default({}),
  routes: z.array(scenarioRoute).default([]),
  stages: z
    .array(
      z.strictObject({
        name: z.string().regex(/^(\$default|[A-Za-z0-9_-]{1,128})$/),
        autoDeploy: z.boolean().default(false),
        accessLogDestination: z.string().nullable().default(null),
      }),
    )
    .default([]),
  createdAt: isoTime.default('2024-01-10T10:00:00Z'),
});

const account = { httpApis: z.array(scenarioApi).default([]) };
const organisation = {};

type ScenarioApi = z.output<typeof scenarioApi>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const v2Error = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(ApiGatewayV2ServiceException, name, httpStatusCode, message);

function maxResultsOf(call: Call): number {
  const asked = call.input.MaxResults;
  if (asked === undefined) return call.pageSize;
  const value = Number(asked);
  if (typeof asked !== 'string' || !Number.isInteger(value) || value < 1)
    throw v2Error('BadRequestException', 400, 'Invalid MaxResults');
  return Math.min(value, call.pageSize);
}

const invalidToken = () => v2Error('BadRequestException', 400, 'Invalid NextToken');

function paged<T>(call: Call, items: readonly T[]): { Items: T[]; NextToken?: string } {
  const { page, next } = awsPage(items, call.input.NextToken, maxResultsOf(call), invalidToken);
  return { Items: page, ...(next ? { NextToken: next } : {}) };
}

function apiOf(call: Call): ScenarioApi {
  const found = call.account.httpApis.find(
    (api) => api.region === call.region && api.id === call.input.ApiId,
  );
  if (!found)
    throw v2Error('NotFoundException', 404, `Invalid API identifier specified ${String(call.input.ApiId)}`);
  return found;
}

const idOf = (text: string) => {
  let hash = 7;
  for (const char of text) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash.toString(36).padStart(7, '0').slice(0, 7);
};

function getApis(call: Call): object {
  const apis = call.account.httpApis
    .filter((api) => api.region === call.region)
    .sort((a, b) => a.id.localeCompare(b.id));
  return paged(
    call,
    apis.map((api) => ({
      ApiEndpoint:
        api.protocolType === 'WEBSOCKET'
          ? `wss://${api.id}.execute-api.${api.region}.amazonaws.com`
          : `https://${api.id}.execute-api.${api.region}.amazonaws.com`,
      ApiId: api.id,
      ...(api.protocolType === 'WEBSOCKET' ? { ApiKeySelectionExpression: '$request.header.x-api-key' } : {}),
      CreatedDate: new Date(api.createdAt),
      DisableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
      Name: api.name,
      ProtocolType: api.protocolType,
      RouteSelectionExpression:
        api.protocolType === 'WEBSOCKET' ? '$request.body.action' : '$request.method $request.path',
      Tags: { ...api.tags },
    })),
  );
}

function getRoutes(call: Call): object {
  const api = apiOf(call);
  return paged(
    call,
    api.routes.map((route) => ({
      ApiKeyRequired: route.apiKeyRequired,
      AuthorizationType: route.authorizationType,
      ...(route.authorizationType === 'CUSTOM' || route.authorizationType === 'JWT'
        ? { AuthorizerId: idOf(`${api.id}auth`) }
        : {}),
      RouteId: idOf(`${api.id}${route.routeKey}`),
      RouteKey: route.routeKey,
      Target: `integrations/${idOf(`${api.id}integration`)}`,
    })),
  );
}

function getStages(call: Call): object {
  const api = apiOf(call);
  return paged(
    call,
    api.stages.map((stage) => ({
      ...(stage.accessLogDestination
        ? {
            AccessLogSettings: {
              DestinationArn: stage.accessLogDestination,
              Format: '{"requestId":"$context.requestId"}',
            },
          }
        : {}),
      AutoDeploy: stage.autoDeploy,
      CreatedDate: new Date(api.createdAt),
      DefaultRouteSettings: { DetailedMetricsEnabled: false },
      DeploymentId: idOf(`${api.id}${stage.name}deploy`),
      LastUpdatedDate: new Date(api.createdAt),
      RouteSettings: {},
      StageName: stage.name,
      StageVariables: {},
      Tags: {},
    })),
  );
}

function checkApis(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    (each.httpApis as ScenarioApi[]).forEach((api, i) => {
      const path = ['aws', 'accounts', a, 'httpApis', i];
      if (!each.regions.includes(api.region))
        issue([...path, 'region'], `${api.region} is not one of the account's regions`);
      api.routes.forEach((route, r) => {
        if (
          api.protocolType === 'HTTP' &&
          route.routeKey !== '$default' &&
          !/^[A-Z]+ \/\S*$/.test(route.routeKey)
        )
          issue([...path, 'routes', r, 'routeKey'], 'an HTTP API route key is "$default" or "METHOD /path"');
        if (api.protocolType === 'HTTP' && route.apiKeyRequired)
          issue([...path, 'routes', r, 'apiKeyRequired'], 'HTTP APIs do not support API keys');
        if (
          api.protocolType === 'WEBSOCKET' &&
          route.routeKey !== '$connect' &&
          route.authorizationType !== 'NONE'
        )
          issue(
            [...path, 'routes', r, 'authorizationType'],
            'only the $connect route of a WebSocket API takes an authorizer',
          );
      });
    });
  });
}

export const apigatewayv2Sim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkApis,
  error: v2Error,
  faults: {
    throttle: { name: 'TooManyRequestsException', status: 429, message: 'Too Many Requests' },
    access_denied: {
      name: 'AccessDeniedException',
      status: 403,
      message: 'User is not authorized to access this resource with an explicit deny',
    },
  },
  answers: { GetApis: getApis, GetRoutes: getRoutes, GetStages: getStages },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['ingest', 'webhooks', 'chat', 'orders'];
    const httpApis = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 4)) }, (_, k) => {
        const app = pick(apps);
        return {
          id: `${hex(4)}${index.toString(36)}${k}${hex(4)}`.slice(0, 10).padEnd(10, '0'),
          name: `gen-a${index}-${app}-${k}`,
          region,
          tags: chance(0.2) ? {} : { app, ...(chance(0.4) ? { phi: 'true' } : {}) },
          routes: [
            { routeKey: 'GET /health', authorizationType: chance(0.7) ? 'NONE' : 'AWS_IAM' },
            { routeKey: `POST /${app}`, authorizationType: pick(['NONE', 'JWT', 'AWS_IAM']) },
          ],
          stages: [
            {
              name: '$default',
              autoDeploy: true,
              accessLogDestination: chance(0.5)
                ? `arn:aws:logs:${region}:${accountId}:log-group:gen-a${index}-http`
                : null,
            },
          ],
        };
      }),
    );
    return { httpApis };
  },
};
