import type { ScenarioApi, ScenarioApimService, ScenarioOperation } from './sim';

/**
 * ARM JSON as Microsoft.ApiManagement answers it at api-version 2022-08-01 (apimdeployment.json,
 * apimapis.json and their examples ApiManagementListServiceBySubscription, ApiManagementListApis,
 * ApiManagementListApiOperations, ApiManagementGetApiPolicy): locations as display names, every
 * protocol switch in customProperties as a "True"/"False" string, createdAtUtc with seven decimals,
 * APIs with subscriptionRequired and isCurrent, policies as { format: 'xml', value }. A scope
 * without a policy answers 404.
 */

const displayNames: Record<string, string> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  centralus: 'Central US',
  westeurope: 'West Europe',
  northeurope: 'North Europe',
};

export const serviceId = (subscriptionId: string, service: ScenarioApimService): string =>
  `/subscriptions/${subscriptionId}/resourceGroups/${service.resourceGroup}/providers/Microsoft.ApiManagement/service/${service.name}`;

const PREFIX = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

const flag = (value: boolean) => (value ? 'True' : 'False');

function customProperties(service: ScenarioApimService): Record<string, string> {
  const p = service.protocols;
  const entries: [string, boolean | null][] = [
    ['Protocols.Tls10', p.tls10],
    ['Protocols.Tls11', p.tls11],
    ['Protocols.Ssl30', p.ssl30],
    ['Backend.Protocols.Tls10', p.backendTls10],
    ['Backend.Protocols.Tls11', p.backendTls11],
    ['Backend.Protocols.Ssl30', p.backendSsl30],
    ['Ciphers.TripleDes168', false],
  ];
  return {
    ...Object.fromEntries(
      entries.flatMap(([key, value]) => (value === null ? [] : [[`${PREFIX}${key}`, flag(value)]])),
    ),
    'Microsoft.WindowsAzure.ApiManagement.Gateway.Protocols.Server.Http2': 'False',
  };
}

export function armService(subscriptionId: string, service: ScenarioApimService): object {
  const host = `${service.name}.azure-api.net`;
  return {
    id: serviceId(subscriptionId, service),
    name: service.name,
    type: 'Microsoft.ApiManagement/service',
    location: displayNames[service.location] ?? service.location,
    tags: service.tags,
    etag: 'AAAAAAAWN/4=',
    sku: { name: service.sku, capacity: service.sku === 'Consumption' ? 0 : 1 },
    properties: {
      publisherEmail: 'platform-team@northwindvitals.example',
      publisherName: 'Northwind Vitals',
      notificationSenderEmail: 'apimgmt-noreply@mail.windowsazure.com',
      provisioningState: 'Succeeded',
      targetProvisioningState: '',
      createdAtUtc: service.createdAt.replace(/Z$/, '.0000000Z').replace(/\.(\d{3})\.0000000Z$/, '.$10000Z'),
      gatewayUrl: `https://${host}`,
      gatewayRegionalUrl: `https://${service.name}-${service.location}-01.regional.azure-api.net`,
      portalUrl: `https://${service.name}.portal.azure-api.net`,
      developerPortalUrl: `https://${service.name}.developer.azure-api.net`,
      managementApiUrl: `https://${service.name}.management.azure-api.net`,
      scmUrl: `https://${service.name}.scm.azure-api.net`,
      hostnameConfigurations: [
        {
          type: 'Proxy',
          hostName: host,
          negotiateClientCertificate: false,
          defaultSslBinding: true,
          certificateSource: 'BuiltIn',
        },
      ],
      publicIPAddresses: ['20.51.0.17'],
      virtualNetworkType: 'None',
      ...(service.customPropertiesReported ? { customProperties: customProperties(service) } : {}),
      disableGateway: false,
      apiVersionConstraint: {},
      publicNetworkAccess: 'Enabled',
      platformVersion: 'stv2',
    },
  };
}

export function armApi(subscriptionId: string, service: ScenarioApimService, api: ScenarioApi): object {
  return {
    id: `${serviceId(subscriptionId, service)}/apis/${api.name}`,
    type: 'Microsoft.ApiManagement/service/apis',
    name: api.name,
    properties: {
      displayName: api.displayName,
      apiRevision: '1',
      description: '',
      subscriptionRequired: api.subscriptionRequired,
      serviceUrl: api.serviceUrl,
      path: api.path,
      protocols: api.protocols,
      authenticationSettings: { oAuth2AuthenticationSettings: [], openidAuthenticationSettings: [] },
      subscriptionKeyParameterNames: { header: 'Ocp-Apim-Subscription-Key', query: 'subscription-key' },
      type: 'http',
      isCurrent: api.isCurrent,
    },
  };
}

export function armOperation(
  subscriptionId: string,
  service: ScenarioApimService,
  api: ScenarioApi,
  operation: ScenarioOperation,
): object {
  const parameters = [...operation.urlTemplate.matchAll(/\{([^}]+)\}/g)].map((match) => ({
    name: match[1],
    type: 'string',
    required: true,
    values: [],
  }));
  return {
    id: `${serviceId(subscriptionId, service)}/apis/${api.name}/operations/${operation.name}`,
    type: 'Microsoft.ApiManagement/service/apis/operations',
    name: operation.name,
    properties: {
      displayName: operation.displayName,
      method: operation.method,
      urlTemplate: operation.urlTemplate,
      templateParameters: parameters,
      description: '',
      responses: [{ statusCode: 200, description: 'OK', representations: [], headers: [] }],
      policies: null,
    },
  };
}

export function armPolicy(id: string, type: string, value: string): object {
  return { id: `${id}/policies/policy`, type, name: 'policy', properties: { format: 'xml', value } };
}
