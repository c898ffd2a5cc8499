import { ApiGatewayV2Client } from '@aws-sdk/client-apigatewayv2';
import { defineService } from '../../../kit';
import { collectApiGatewayV2 } from './collect';
import { ops } from './operations';
import { v2Api } from './resource';
import { apigatewayv2HealthRouteAuthorization } from './rules/health-route-authorization';
import { apigatewayv2RouteAuthorization } from './rules/route-authorization';
import { apigatewayv2StageAccessLogs } from './rules/stage-access-logs';
import { apigatewayv2Sim } from './sim';

/**
 * Amazon API Gateway v2: HTTP and WebSocket APIs, their routes and stages, read per region. A
 * service of its own beside aws.apigateway because both APIs name a read GetStages (and
 * GetDomainNames), and a service declares each operation name once.
 */
export const apigatewayv2 = defineService({
  id: 'aws.apigatewayv2',
  provider: 'aws',
  service: 'apigatewayv2',
  title: 'Amazon API Gateway (HTTP and WebSocket APIs)',
  hipaaListName: 'apigateway',
  scope: 'regional',
  client: ApiGatewayV2Client,
  operations: Object.values(ops),
  resources: [v2Api],
  rules: [apigatewayv2RouteAuthorization, apigatewayv2HealthRouteAuthorization, apigatewayv2StageAccessLogs],
  collect: collectApiGatewayV2,
  sim: apigatewayv2Sim,
});
