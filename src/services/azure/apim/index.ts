import { defineService } from '../../../kit';
import { collectApiManagement } from './collect';
import { ops } from './operations';
import { apimApi, apimService } from './resource';
import { apimAnonymousApi } from './rules/anonymous-api';
import { apimBackendTls, apimGatewayTls } from './rules/gateway-tls';
import { apimHealthEndpoint } from './rules/health-endpoint';
import { apimSim } from './sim';

/**
 * Azure API Management: services (gateway and backend protocol switches) and their APIs — for APIs
 * reachable without a subscription key, the operations and the policies that may authenticate the
 * caller — through ARM.
 */
export const apim = defineService({
  id: 'azure.apim',
  provider: 'azure',
  service: 'apim',
  title: 'Azure API Management',
  hipaaListName: 'API Management',
  namespace: 'Microsoft.ApiManagement',
  scope: 'global',
  operations: Object.values(ops),
  resources: [apimService, apimApi],
  rules: [apimAnonymousApi, apimHealthEndpoint, apimGatewayTls, apimBackendTls],
  collect: collectApiManagement,
  sim: apimSim,
});
