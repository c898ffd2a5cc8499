import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { defineService } from '../../../kit';
import { collectApiGateway } from './collect';
import { ops } from './operations';
import { domainName, restApi } from './resource';
import { apigatewayDomainTls } from './rules/domain-tls';
import { apigatewayHealthMethodAuthorization } from './rules/health-method-authorization';
import { apigatewayMethodAuthorization } from './rules/method-authorization';
import { apigatewayStageAccessLogs } from './rules/stage-access-logs';
import { apigatewaySim } from './sim';

/**
 * Amazon API Gateway, REST APIs (v1) and the custom domain names every API type shares, read per
 * region. HTTP and WebSocket APIs (API Gateway v2) are the apigatewayv2 service: both APIs name
 * their reads GetStages and GetDomainNames, and a service declares each operation name once.
 */
export const apigateway = defineService({
  id: 'aws.apigateway',
  provider: 'aws',
  service: 'apigateway',
  title: 'Amazon API Gateway (REST APIs and custom domain names)',
  hipaaListName: 'apigateway',
  scope: 'regional',
  client: APIGatewayClient,
  operations: Object.values(ops),
  resources: [restApi, domainName],
  rules: [
    apigatewayMethodAuthorization,
    apigatewayHealthMethodAuthorization,
    apigatewayStageAccessLogs,
    apigatewayDomainTls,
  ],
  collect: collectApiGateway,
  sim: apigatewaySim,
});
