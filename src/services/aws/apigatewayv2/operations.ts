import {
  ApiGatewayV2Client,
  GetApisCommand,
  GetRoutesCommand,
  GetStagesCommand,
} from '@aws-sdk/client-apigatewayv2';
import { awsOperation } from '../../../kit';

/**
 * Every API Gateway v2 (HTTP and WebSocket APIs) call the collector makes, sent through the v2
 * client; each is the IAM action apigateway:GET (on /apis, /apis/{id}/routes, /apis/{id}/stages).
 * Custom domain names are shared with REST APIs and read by the apigateway service (HTTP and
 * WebSocket APIs support only TLS 1.2 on them).
 */
export const ops = {
  getApis: awsOperation(GetApisCommand, 'apigateway:GET', { client: ApiGatewayV2Client }),
  getRoutes: awsOperation(GetRoutesCommand, 'apigateway:GET', { client: ApiGatewayV2Client }),
  getStages: awsOperation(GetStagesCommand, 'apigateway:GET', { client: ApiGatewayV2Client }),
};
