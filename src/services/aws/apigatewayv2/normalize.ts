import type { Api, Route, Stage } from '@aws-sdk/client-apigatewayv2';
import type { ApiProperties, ApiRoute } from './resource';

/** Pure conversions from API Gateway v2 answers (Api, Route, Stage; API reference 2018-11-29). */

export const apiArn = (partition: string, region: string, id: string): string =>
  `arn:${partition}:apigateway:${region}::/apis/${id}`;

/** 'GET /orders/{id}' → method GET, path /orders/{id}; '$default' on an HTTP API → ANY, no path. */
export function routeFrom(route: Route, protocolType: string): ApiRoute {
  const key = route.RouteKey ?? '';
  const match = /^([A-Z]+) (\/\S*)$/.exec(key);
  const http = protocolType === 'HTTP';
  return {
    routeKey: key,
    method: match ? (match[1] as string) : http && key === '$default' ? 'ANY' : null,
    path: match ? (match[2] as string) : null,
    authorizationType: route.AuthorizationType ?? 'NONE',
    apiKeyRequired: route.ApiKeyRequired === true,
  };
}

export function stagesFrom(stages: readonly Stage[]): NonNullable<ApiProperties['stages']> {
  return stages
    .map((stage) => ({
      name: stage.StageName ?? '',
      autoDeploy: stage.AutoDeploy === true,
      accessLogDestination: stage.AccessLogSettings?.DestinationArn ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function apiBase(
  api: Api,
): Pick<ApiProperties, 'apiId' | 'protocolType' | 'apiEndpoint' | 'disableExecuteApiEndpoint'> {
  return {
    apiId: api.ApiId ?? '',
    protocolType: api.ProtocolType ?? 'HTTP',
    apiEndpoint: api.ApiEndpoint ?? null,
    disableExecuteApiEndpoint: api.DisableExecuteApiEndpoint === true,
  };
}

/**
 * A health or status probe: the last path segment is health, healthz, status, ping, ready, live or
 * heartbeat and no path parameter precedes it (the same test as the apigateway service; a service
 * may not import another, so it is repeated here).
 */
export function isHealthPath(path: string): boolean {
  if (path.includes('{')) return false;
  return /\/(health|healthz|healthcheck|status|ping|ready|readyz|readiness|live|livez|liveness|heartbeat)\/?$/i.test(
    path,
  );
}
