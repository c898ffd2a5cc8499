import { z } from 'zod';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armApi, armOperation, armPolicy, armService, serviceId } from './arm';
import demo from './demo.json' with { type: 'json' };

/** The all-APIs policy a new service gets. */
export const DEFAULT_GLOBAL_POLICY =
  '<policies>\r\n\t<inbound />\r\n\t<backend>\r\n\t\t<forward-request />\r\n\t</backend>\r\n\t<outbound />\r\n\t<on-error />\r\n</policies>';

const policyXml = z.string().regex(/^\s*<policies>[\s\S]*<\/policies>\s*$/, 'must be a <policies> document');

const scenarioOperation = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9-_]{1,80}$/, 'must be an operation id'),
  displayName: z.string().min(1),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']).default('GET'),
  urlTemplate: z.string().startsWith('/'),
  /** null = no operation policy (404) */
  policy: policyXml.nullable().default(null),
});

const scenarioApi = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9-_]{1,80}$/, 'must be an API id'),
  displayName: z.string().min(1),
  path: z.string(),
  protocols: z
    .array(z.enum(['http', 'https']))
    .min(1)
    .default(['https']),
  subscriptionRequired: z.boolean().default(true),
  serviceUrl: z.string().url().default('https://backend.northwindvitals.example'),
  isCurrent: z.boolean().default(true),
  /** null = no API policy (404) */
  policy: policyXml.nullable().default(null),
  operations: z.array(scenarioOperation).default([]),
});

const protocolSwitch = z.boolean().nullable().default(false);

const scenarioService = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9-]{0,48}[a-zA-Z0-9]$/, 'must be an API Management service name'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  sku: z.enum(['Developer', 'Basic', 'Standard', 'Premium', 'Consumption']).default('Developer'),
  createdAt: isoTime.default('2021-03-02T10:00:00Z'),
  tags: scenarioTags.default({}),
  /** Each switch: true = enabled, false = disabled, null = not reported */
  protocols: z
    .strictObject({
      tls10: protocolSwitch,
      tls11: protocolSwitch,
      ssl30: protocolSwitch,
      backendTls10: protocolSwitch,
      backendTls11: protocolSwitch,
      backendSsl30: protocolSwitch,
    })
    .default({
      tls10: false,
      tls11: false,
      ssl30: false,
      backendTls10: false,
      backendTls11: false,
      backendSsl30: false,
    }),
  /** false = the service answers without customProperties at all */
  customPropertiesReported: z.boolean().default(true),
  /** null = no all-APIs policy (404) */
  globalPolicy: policyXml.nullable().default(DEFAULT_GLOBAL_POLICY),
  apis: z.array(scenarioApi).default([]),
});

export type ScenarioOperation = z.output<typeof scenarioOperation>;
export type ScenarioApi = z.output<typeof scenarioApi>;
export type ScenarioApimService = z.output<typeof scenarioService>;

const subscription = { apimServices: z.array(scenarioService).default([]) };

function checkServices(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.apimServices as ScenarioApimService[]).forEach((service, i) => {
      const path = ['azure', 'subscriptions', s, 'apimServices', i];
      // Service names are global DNS names (<name>.azure-api.net).
      if (names.has(service.name.toLowerCase()))
        issue([...path, 'name'], `API Management service name ${service.name} is already used`);
      names.add(service.name.toLowerCase());
      const apis = new Set<string>();
      service.apis.forEach((api, a) => {
        if (apis.has(api.name.toLowerCase()))
          issue([...path, 'apis', a, 'name'], `API ${api.name} is already in ${service.name}`);
        apis.add(api.name.toLowerCase());
      });
    });
  });
}

const notFound = (message: string): AzureSimAnswer => ({ status: 404, code: 'ResourceNotFound', message });
const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

type Call = Parameters<AzureServiceSim<typeof subscription, undefined>['answers'][string]>[0];

const isAnswer = (value: object): value is AzureSimAnswer => 'status' in value;

function findService(call: Call): ScenarioApimService | AzureSimAnswer {
  const found = call.subscription.apimServices.find(
    (service) =>
      same(call.params.serviceName, service.name) &&
      same(call.params.resourceGroupName, service.resourceGroup),
  );
  return (
    found ??
    notFound(
      `The Resource 'Microsoft.ApiManagement/service/${call.params.serviceName ?? ''}' under resource group '${call.params.resourceGroupName ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    )
  );
}

function findApi(call: Call): { service: ScenarioApimService; api: ScenarioApi } | AzureSimAnswer {
  const service = findService(call);
  if (isAnswer(service)) return service;
  const api = service.apis.find((each) => same(call.params.apiId, each.name));
  return api ? { service, api } : notFound('Api not found.');
}

const NO_POLICY = 'Policy configuration not found.';

export const apimSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkServices,
  answers: {
    ApiManagementService_List: ({ subscription: owner }) => ({
      list: [...owner.apimServices]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((service) => armService(owner.subscriptionId, service)),
    }),
    Api_ListByService: (call) => {
      const service = findService(call);
      if (isAnswer(service)) return service;
      return {
        list: [...service.apis]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((api) => armApi(call.subscription.subscriptionId, service, api)),
      };
    },
    Policy_Get: (call) => {
      const service = findService(call);
      if (isAnswer(service)) return service;
      if (service.globalPolicy === null) return notFound(NO_POLICY);
      return {
        body: armPolicy(
          serviceId(call.subscription.subscriptionId, service),
          'Microsoft.ApiManagement/service/policies',
          service.globalPolicy,
        ),
      };
    },
    ApiPolicy_Get: (call) => {
      const found = findApi(call);
      if (isAnswer(found)) return found;
      if (found.api.policy === null) return notFound(NO_POLICY);
      return {
        body: armPolicy(
          `${serviceId(call.subscription.subscriptionId, found.service)}/apis/${found.api.name}`,
          'Microsoft.ApiManagement/service/apis/policies',
          found.api.policy,
        ),
      };
    },
    ApiOperation_ListByApi: (call) => {
      const found = findApi(call);
      if (isAnswer(found)) return found;
      return {
        list: found.api.operations.map((operation) =>
          armOperation(call.subscription.subscriptionId, found.service, found.api, operation),
        ),
      };
    },
    ApiOperationPolicy_Get: (call) => {
      const found = findApi(call);
      if (isAnswer(found)) return found;
      const operation = found.api.operations.find((each) => same(call.params.operationId, each.name));
      if (!operation) return notFound('Operation not found.');
      if (operation.policy === null) return notFound(NO_POLICY);
      return {
        body: armPolicy(
          `${serviceId(call.subscription.subscriptionId, found.service)}/apis/${found.api.name}/operations/${operation.name}`,
          'Microsoft.ApiManagement/service/apis/operations/policies',
          operation.policy,
        ),
      };
    },
  },
  locations: (owner) => owner.apimServices.map((service) => service.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    const jwt =
      '<policies><inbound><base /><validate-jwt header-name="Authorization"><openid-config url="https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration" /></validate-jwt></inbound><backend><base /></backend><outbound><base /></outbound><on-error><base /></on-error></policies>';
    // One service per twenty resources of the size knob, with a few APIs, some without keys.
    return {
      apimServices: Array.from({ length: Math.ceil(count / 20) }, (_, i) => ({
        name: `g${tag}-apim-${index}-${i}`,
        resourceGroup: `rg-generated-${i % 10}`,
        location: pick(['eastus', 'eastus2', 'westus2', 'centralus'] as const),
        tags: chance(0.4) ? { phi: 'true' } : {},
        protocols: {
          tls10: chance(0.1),
          tls11: chance(0.15),
          ssl30: false,
          backendTls10: chance(0.1),
          backendTls11: false,
          backendSsl30: false,
        },
        apis: Array.from({ length: 3 }, (_, a) => ({
          name: `api-${a}`,
          displayName: `Generated API ${a}`,
          path: `api${a}`,
          subscriptionRequired: chance(0.6),
          policy: chance(0.5) ? jwt : null,
          operations: [
            { name: 'get-item', displayName: 'Get item', urlTemplate: '/items/{id}' },
            { name: 'health', displayName: 'Health', urlTemplate: '/health' },
          ],
        })),
      })),
    };
  },
};
