import type { NormalizedResource, Remediation } from '../../../../kit';
import { isHealthPath } from '../normalize';
import { v2Api, type ApiRoute } from '../resource';

export const V2_API = v2Api.type;
export const apiProperties = v2Api.properties;

/** "API Gateway HTTP API nwv-wearables-ingest (a1b2c3d4e5) in us-east-1" */
export function apiLabel(resource: NormalizedResource): string {
  const { apiId, protocolType } = apiProperties(resource);
  const kind = protocolType === 'WEBSOCKET' ? 'WebSocket API' : 'HTTP API';
  return `API Gateway ${kind} ${resource.name}${apiId && apiId !== resource.name ? ` (${apiId})` : ''} in ${resource.region}`;
}

/**
 * The routes whose authorization matters: on an HTTP API every route but OPTIONS preflights; on a
 * WebSocket API only $connect, the one route that can carry an authorizer.
 */
export function judgedRoutes(resource: NormalizedResource, routes: readonly ApiRoute[]): ApiRoute[] {
  const { protocolType } = apiProperties(resource);
  if (protocolType === 'WEBSOCKET') return routes.filter((route) => route.routeKey === '$connect');
  return routes.filter((route) => route.method !== 'OPTIONS');
}

export const isHealthRoute = (route: ApiRoute): boolean => route.path !== null && isHealthPath(route.path);

/** Callable without credentials: authorization NONE and (WebSocket) no API key. */
export const isOpen = (route: ApiRoute): boolean =>
  route.authorizationType === 'NONE' && !route.apiKeyRequired;

export const routeRemediation: Remediation = {
  text: 'Attach an authorizer to every route that reads or writes customer data: a JWT authorizer (Cognito or your identity provider) for app users, a Lambda authorizer for your own tokens, or AWS_IAM for service callers; for a WebSocket API, on the $connect route. A $default or ANY /{proxy+} route without an authorizer opens every path. Leave a health route open only when it returns no data.',
  terraform: `resource "aws_apigatewayv2_route" "readings" {
  api_id             = aws_apigatewayv2_api.ingest.id
  route_key          = "POST /readings"
  target             = "integrations/\${aws_apigatewayv2_integration.ingest.id}"
  authorization_type = "JWT"
  authorizer_id      = aws_apigatewayv2_authorizer.devices.id
}`,
  cloudformation: `ReadingsRoute:
  Type: AWS::ApiGatewayV2::Route
  Properties:
    ApiId: !Ref IngestApi
    RouteKey: POST /readings
    Target: !Sub integrations/\${IngestIntegration}
    AuthorizationType: JWT
    AuthorizerId: !Ref DevicesAuthorizer`,
  cli: `aws apigatewayv2 update-route --api-id <api-id> --route-id <route-id> \\
  --authorization-type JWT --authorizer-id <authorizer-id>`,
};
