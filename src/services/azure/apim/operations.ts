import { azureOperation } from '../../../kit';

const service =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.ApiManagement/service/{serviceName}';

/**
 * Every ARM read the API Management collector makes (management.azure.com only, never the gateway
 * or the developer portal). api-version 2022-08-01 (azure-rest-api-specs,
 * Microsoft.ApiManagement/stable/2022-08-01): the service carries customProperties (the gateway's
 * and backends' TLS 1.0/1.1 and SSL 3.0 switches, "True"/"False") and createdAtUtc; an API carries
 * subscriptionRequired, path, protocols and isCurrent; policies are read in the default format
 * (xml). Policy reads answer 404 where a scope has no policy.
 *
 * Cost: policies and operations are read only for APIs that do not require a subscription key;
 * the global (all-APIs) policy only for services that have such an API. Subscription keys, named
 * values, certificates and tenant access are never read (no listSecrets / listValue).
 */
export const ops = {
  listServices: azureOperation({
    id: 'ApiManagementService_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.ApiManagement/service',
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/read',
  }),
  listApis: azureOperation({
    id: 'Api_ListByService',
    path: `${service}/apis`,
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/apis/read',
  }),
  getGlobalPolicy: azureOperation({
    id: 'Policy_Get',
    path: `${service}/policies/policy`,
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/policies/read',
  }),
  getApiPolicy: azureOperation({
    id: 'ApiPolicy_Get',
    path: `${service}/apis/{apiId}/policies/policy`,
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/apis/policies/read',
  }),
  listOperations: azureOperation({
    id: 'ApiOperation_ListByApi',
    path: `${service}/apis/{apiId}/operations`,
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/apis/operations/read',
  }),
  getOperationPolicy: azureOperation({
    id: 'ApiOperationPolicy_Get',
    path: `${service}/apis/{apiId}/operations/{operationId}/policies/policy`,
    apiVersion: '2022-08-01',
    permission: 'Microsoft.ApiManagement/service/apis/operations/policies/read',
  }),
};
