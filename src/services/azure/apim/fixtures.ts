import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { ApiProperties, OperationFacts, ServiceProperties } from './resource';

/** API Management resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const servicePath = `/subscriptions/${subscription}/resourceGroups/rg-apis/providers/Microsoft.ApiManagement/service/nwv-apim`;

export function compliantServiceProperties(): ServiceProperties {
  return {
    resourceGroup: 'rg-apis',
    skuName: 'Standard',
    createdAtUtc: '2022-06-14T09:30:00.0000000Z',
    gatewayUrl: 'https://nwv-apim.azure-api.net',
    gatewayProtocols: { tls10: false, tls11: false, ssl30: false },
    backendProtocols: { tls10: false, tls11: false, ssl30: false },
  };
}

const jwt = { inboundAuth: ['validate-jwt'], inheritsBase: true };
const op = (
  name: string,
  urlTemplate: string,
  policy: OperationFacts['policy'] = null,
  method = 'GET',
): OperationFacts => ({
  name,
  displayName: name,
  method,
  urlTemplate,
  policy,
});

export function compliantApiProperties(): ApiProperties {
  return {
    resourceGroup: 'rg-apis',
    serviceName: 'nwv-apim',
    displayName: 'Patient records',
    path: 'records',
    protocols: ['https'],
    subscriptionRequired: false,
    apiType: 'http',
    globalPolicy: { inboundAuth: [], inheritsBase: false },
    apiPolicy: jwt,
    operations: [op('get-visits', '/{patientId}/visits'), op('health', '/health')],
  };
}

interface Options<P> {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
    name,
    scopeId: subscription,
    region: 'eastus',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [41],
  };
}

export const service = (options: Options<ServiceProperties> = {}) =>
  build('azure.apim.service', servicePath, options.name ?? 'nwv-apim', compliantServiceProperties(), options);
export const api = (options: Options<ApiProperties> = {}) => {
  const name = options.name ?? 'patient-records-api';
  return build('azure.apim.api', `${servicePath}/apis/${name}`, name, compliantApiProperties(), options);
};

const openOrders = {
  path: 'orders',
  apiPolicy: { inboundAuth: [], inheritsBase: true },
  operations: [
    op('get-order', '/{orderId}'),
    op('get-order-status', '/{orderId}/status'),
    op('create-order', '/', null, 'POST'),
  ],
};

export const apimFixtures: ServiceFixtures = {
  'azure.apim.anonymous-api': {
    pass: [
      {
        name: 'subscription key required',
        resource: api({ properties: { subscriptionRequired: true } }),
        detail:
          'API patient-records-api (/records) of API Management service nwv-apim requires a subscription key.',
      },
      {
        name: 'no key, validate-jwt at API scope',
        resource: api(),
        detail:
          'API patient-records-api (/records) of API Management service nwv-apim requires no subscription key but authenticates callers of every operation with validate-jwt (API).',
      },
      {
        name: 'validate-azure-ad-token in the all-APIs policy, inherited through <base />',
        resource: api({
          properties: {
            globalPolicy: { inboundAuth: ['validate-azure-ad-token'], inheritsBase: false },
            apiPolicy: null,
          },
        }),
        detail: 'with validate-azure-ad-token (all APIs).',
      },
    ],
    fail: [
      {
        name: 'no key, no authentication policy',
        resource: api({ name: 'orders-api', properties: openOrders }),
        detail:
          'API orders-api (/orders) of API Management service nwv-apim answers GET /orders/{orderId}, GET /orders/{orderId}/status, POST /orders without a subscription key or a caller-authentication policy. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'an operation policy without <base /> drops the API-level authentication',
        resource: api({
          properties: {
            operations: [op('get-visits', '/{patientId}/visits', { inboundAuth: [], inheritsBase: false })],
          },
        }),
        detail: 'answers GET /records/{patientId}/visits without a subscription key',
      },
    ],
    notApplicable: [
      {
        name: 'only health endpoints',
        resource: api({ properties: { apiPolicy: null, operations: [op('ping', '/ping')] } }),
        detail: 'has no operations other than health endpoints.',
      },
      {
        name: 'operations not read',
        resource: api({ missing: ['operations'] }),
        detail: /^Not assessed: the operations of API patient-records-api/,
      },
      {
        name: 'the all-APIs policy not read',
        resource: api({ properties: { apiPolicy: null }, missing: ['globalPolicy'] }),
        detail: /^Not assessed: the all-APIs policy of API patient-records-api/,
      },
    ],
  },
  'azure.apim.health-endpoint': {
    pass: [
      {
        name: 'health endpoint behind validate-jwt',
        resource: api(),
        detail:
          'API patient-records-api (/records) of API Management service nwv-apim serves its health endpoint GET /records/health only to authenticated callers.',
      },
      {
        name: 'subscription key required',
        resource: api({ properties: { subscriptionRequired: true } }),
        detail: 'requires a subscription key for every operation, health endpoints included.',
      },
    ],
    fail: [
      {
        name: 'health operation opts out of <base />',
        resource: api({
          properties: {
            operations: [
              op('get-visits', '/{patientId}/visits'),
              op('health', '/health', { inboundAuth: [], inheritsBase: false }),
            ],
          },
        }),
        detail:
          'API patient-records-api (/records) of API Management service nwv-apim serves the health endpoint GET /records/health without a subscription key or a caller-authentication policy: confirm it returns only a status, with no patient data, versions or dependency details.',
      },
      {
        name: 'a health API',
        resource: api({
          name: 'status-api',
          properties: { path: 'status', apiPolicy: null, operations: [op('get', '/')] },
        }),
        detail: 'serves the health endpoint GET /status without a subscription key',
      },
    ],
    notApplicable: [
      {
        name: 'no health endpoint (an order status is not one)',
        resource: api({ name: 'orders-api', properties: openOrders }),
        detail: 'API orders-api (/orders) of API Management service nwv-apim has no health endpoint.',
      },
      {
        name: 'operation policy not read',
        resource: api({
          properties: {
            operations: [{ name: 'health', displayName: 'Health', method: 'GET', urlTemplate: '/health' }],
          },
        }),
        detail: /^Not assessed: the operation policy of API patient-records-api/,
      },
    ],
  },
  'azure.apim.gateway-tls': {
    pass: [
      {
        name: 'old protocols off',
        resource: service(),
        detail: 'API Management service nwv-apim has SSL 3.0, TLS 1.0 and TLS 1.1 disabled for clients.',
      },
      {
        name: 'unset on a service created after April 2018',
        resource: service({ properties: { gatewayProtocols: { tls10: null, tls11: false, ssl30: false } } }),
        detail:
          'disabled for clients (TLS 1.0 not set: off by default for services created after 1 April 2018).',
      },
    ],
    fail: [
      {
        name: 'TLS 1.0 enabled',
        resource: service({ properties: { gatewayProtocols: { tls10: true, tls11: false, ssl30: false } } }),
        detail:
          'API Management service nwv-apim accepts old protocols from clients: TLS 1.0 enabled. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'unset on a service created before April 2018',
        resource: service({
          properties: {
            createdAtUtc: '2017-11-02T14:00:00.0000000Z',
            gatewayProtocols: { tls10: false, tls11: null, ssl30: false },
          },
        }),
        detail:
          'accepts old protocols from clients: TLS 1.1 not set, which for a service created on or before 1 April 2018 (this one: 2017-11-02) defaults to enabled.',
      },
    ],
    notApplicable: [
      {
        name: 'customProperties not reported',
        resource: service({ missing: ['gatewayProtocols'] }),
        detail:
          /^Not assessed: the client-side protocol settings \(customProperties\) of API Management service nwv-apim/,
      },
      {
        name: 'unset and no creation date',
        resource: service({
          properties: { gatewayProtocols: { tls10: null, tls11: false, ssl30: false } },
          missing: ['createdAtUtc'],
        }),
        detail: /^Not assessed: the client-side protocol settings \(TLS 1\.0 not reported\)/,
      },
    ],
  },
  'azure.apim.backend-tls': {
    pass: [
      {
        name: 'old protocols off',
        resource: service(),
        detail: 'API Management service nwv-apim has SSL 3.0, TLS 1.0 and TLS 1.1 disabled towards backends.',
      },
    ],
    fail: [
      {
        name: 'TLS 1.1 enabled towards backends',
        resource: service({ properties: { backendProtocols: { tls10: false, tls11: true, ssl30: false } } }),
        detail: 'API Management service nwv-apim may use old protocols towards backends: TLS 1.1 enabled.',
      },
    ],
    notApplicable: [
      {
        name: 'customProperties not reported',
        resource: service({ missing: ['backendProtocols'] }),
        detail: /^Not assessed: the backend protocol settings/,
      },
    ],
  },
};
