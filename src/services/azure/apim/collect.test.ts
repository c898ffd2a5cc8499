import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { apim } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const service = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.ApiManagement/service/${name}`;
const main = service('rg-nwv-apis', 'nwv-apim');
const legacy = service('rg-nwv-legacy', 'nwv-apim-legacy');
const apiId = (name: string) => `${main}/apis/${name}`;

describe('the API Management collector on the demo organisation', () => {
  it('judges each demo service and API as the demo intends', async () => {
    const scenario = serviceScenario(apim);
    const results = judge(apim, scenario, (await collectService(apim, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.apim.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['anonymous-api', apiId('orders-api'), 'fail'],
      ['anonymous-api', apiId('patient-records-api'), 'pass'],
      ['anonymous-api', apiId('telehealth-api'), 'pass'],
      ['anonymous-api', apiId('catalog-api'), 'pass'],
      ['health-endpoint', apiId('patient-records-api'), 'fail'],
      ['health-endpoint', apiId('telehealth-api'), 'pass'],
      ['health-endpoint', apiId('orders-api'), 'not_applicable'],
      ['gateway-tls', legacy, 'fail'],
      ['gateway-tls', main, 'pass'],
      ['backend-tls', legacy, 'fail'],
      ['backend-tls', main, 'pass'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.apim.anonymous-api|${apiId('orders-api')}`)?.detail).toBe(
      'API orders-api (/orders) of API Management service nwv-apim answers GET /orders, GET /orders/{orderId}, GET /orders/{orderId}/status, POST /orders without a subscription key or a caller-authentication policy. It is classified as PHI (tag data-classification=phi).',
    );
    expect(results.get(`azure.apim.gateway-tls|${legacy}`)?.detail).toBe(
      'API Management service nwv-apim-legacy accepts old protocols from clients: TLS 1.0 enabled; TLS 1.1 not set, which for a service created on or before 1 April 2018 (this one: 2017-11-02) defaults to enabled. It is classified as PHI (tag phi=true).',
    );
  });

  it('reads policies and operations only for APIs without subscription keys', async () => {
    const run = await collectService(apim, serviceScenario(apim));
    const paths = run.evidence.map((each) => (each.request as { path: string }).path);
    expect(paths.some((path) => path.includes('/apis/catalog-api/'))).toBe(false);
    expect(paths.some((path) => path.includes('nwv-apim-legacy/policies'))).toBe(false);
    expect(paths.some((path) => path.includes('/apis/orders-api/operations/get-order/policies/policy'))).toBe(
      true,
    );
    const catalog = run.resources.find((each) => each.nativeId === apiId('catalog-api'));
    expect(catalog?.properties).toEqual({
      resourceGroup: 'rg-nwv-apis',
      serviceName: 'nwv-apim',
      displayName: 'Catalog',
      path: 'catalog',
      protocols: ['https'],
      subscriptionRequired: true,
      apiType: 'http',
    });
  });

  it('reads a missing policy (404) as no policy, and a backend authentication policy as no caller authentication', async () => {
    const run = await collectService(apim, serviceScenario(apim));
    expect(run.gaps).toEqual([]);
    const orders = run.resources.find((each) => each.nativeId === apiId('orders-api'));
    expect(orders?.properties).toMatchObject({
      subscriptionRequired: false,
      globalPolicy: { inboundAuth: [], inheritsBase: false },
      apiPolicy: { inboundAuth: [], inheritsBase: true },
    });
    expect((orders?.properties.operations as { policy: unknown }[]).map((each) => each.policy)).toEqual([
      null,
      null,
      null,
      null,
    ]);
    const records = run.resources.find((each) => each.nativeId === apiId('patient-records-api'));
    expect(records?.properties.operations).toContainEqual({
      name: 'health',
      displayName: 'Health',
      method: 'GET',
      urlTemplate: '/health',
      policy: { inboundAuth: [], inheritsBase: false },
    });
    const legacyService = run.resources.find((each) => each.nativeId === legacy);
    expect(legacyService?.region).toBe('westus2');
    expect(legacyService?.properties).toMatchObject({
      createdAtUtc: '2017-11-02T14:00:00.0000000Z',
      gatewayProtocols: { tls10: true, tls11: null, ssl30: false },
      backendProtocols: { tls10: false, tls11: true, ssl30: false },
    });
  });

  it('follows nextLink on every list', async () => {
    const paged = await collectService(apim, {
      ...serviceScenario(apim),
      simulation: { awsPageSize: 10_000, azurePageSize: 1 },
    });
    const whole = await collectService(apim, serviceScenario(apim));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources).toEqual(
      whole.resources.map((resource) => ({ ...resource, evidenceIds: expect.any(Array) as unknown })),
    );
    expect(paged.evidence.filter((each) => each.operation === 'Api_ListByService')).toHaveLength(5);
  });

  it('AccessDenied on operation policies names each operation and leaves the APIs not assessed, never passed', async () => {
    const denied = serviceScenario(apim, [
      { provider: 'azure', service: 'apim', operation: 'ApiOperationPolicy_Get', kind: 'access_denied' },
    ]);
    const run = await collectService(apim, denied);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringMatching(
        /^ApiOperationPolicy_Get for operation get-order of API orders-api of API Management service nwv-apim failed \(HTTP 403\)/,
      ),
    );
    const results = judge(apim, denied, run.resources);
    expect(results.get(`azure.apim.anonymous-api|${apiId('orders-api')}`)?.detail).toMatch(
      /^Not assessed: the operation policy of API orders-api/,
    );
    expect(results.get(`azure.apim.anonymous-api|${apiId('catalog-api')}`)?.status).toBe('pass');
  });
});

describe('the API Management simulator', () => {
  const registry = serviceRegistry(apim);
  const withServices = (apimServices: unknown[]) => ({
    name: 'apim',
    description: 'API Management scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          apimServices,
        },
      ],
    },
  });

  it('names a bad field by its path and refuses a service name used twice', () => {
    expect(() =>
      registry.loadScenario(
        withServices([
          {
            name: 'nwv-a',
            resourceGroup: 'rg',
            location: 'eastus',
            apis: [{ name: 'x', displayName: 'X', path: 'x', policy: '<inbound/>' }],
          },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].apimServices[0].apis[0].policy: must be a <policies> document');
    expect(() =>
      registry.loadScenario(
        withServices([
          { name: 'nwv-a', resourceGroup: 'rg', location: 'eastus' },
          { name: 'NWV-A', resourceGroup: 'rg2', location: 'eastus' },
        ]),
      ),
    ).toThrow(
      'azure.subscriptions[0].apimServices[1].name: API Management service name NWV-A is already used',
    );
  });

  it('answers switches as "True"/"False" strings, omits unreported ones, and 404s a scope without a policy', () => {
    const scenario = registry.loadScenario(
      withServices([
        {
          name: 'nwv-a',
          resourceGroup: 'rg',
          location: 'eastus',
          protocols: { tls10: true, tls11: null },
          apis: [{ name: 'x', displayName: 'X', path: 'x' }],
        },
      ]),
    );
    const owner = scenario.azure.subscriptions[0]! as never;
    const call = (params: Record<string, string>) => ({
      subscription: owner,
      scenario,
      params: {
        subscriptionId: '00000000-1111-4222-8333-444455556666',
        resourceGroupName: 'RG',
        serviceName: 'NWV-A',
        ...params,
      },
      url: new URL('https://management.azure.com/'),
      state: undefined,
    });
    const list = apim.sim.answers.ApiManagementService_List!(call({})) as {
      list: { location: string; properties: { customProperties: Record<string, string> } }[];
    };
    const custom = list.list[0]!.properties.customProperties;
    expect(list.list[0]!.location).toBe('East US');
    expect(custom['Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10']).toBe('True');
    expect(custom).not.toHaveProperty(
      'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls11',
    );
    expect(custom['Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Tls10']).toBe(
      'False',
    );
    expect(apim.sim.answers.ApiPolicy_Get!(call({ apiId: 'x' }))).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
    expect(apim.sim.answers.Policy_Get!(call({}))).toMatchObject({
      body: { name: 'policy', properties: { format: 'xml' } },
    });
  });

  it('generates services for the benchmark that the collector reads without a gap', async () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 40,
      latencyMs: 0,
      seed: 7,
    });
    for (const owner of scenario.azure.subscriptions) expect(owner.apimServices).toHaveLength(2);
    const run = await collectService(apim, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources.filter((each) => each.type === 'azure.apim.api')).toHaveLength(12);
  });
});
