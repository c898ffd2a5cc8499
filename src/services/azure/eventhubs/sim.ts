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
import { armNamespace, armNetworkRuleSet } from './arm';
import demo from './demo.json' with { type: 'json' };

const scenarioNetworkRuleSet = z.strictObject({
  defaultAction: z.enum(['Allow', 'Deny']).default('Allow'),
  /** IPv4 addresses or CIDR ranges allowed through */
  ipRules: z
    .array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'must be an IPv4 address or CIDR'))
    .default([]),
  /** Subnet resource ids allowed through (Standard and above) */
  subnetIds: z.array(z.string().startsWith('/subscriptions/')).default([]),
  trustedServiceAccessEnabled: z.boolean().default(false),
});

const scenarioNamespace = z.strictObject({
  /** 6–50 letters, digits and hyphens, starting with a letter and ending with a letter or digit */
  name: z
    .string()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9-]{4,48}[a-zA-Z0-9]$/,
      'must be a Event Hubs namespace name (6–50 characters)',
    ),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  sku: z.enum(['Basic', 'Standard', 'Premium']).default('Standard'),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  /** null = ARM omits minimumTlsVersion */
  minimumTlsVersion: z.enum(['1.0', '1.1', '1.2']).nullable().default('1.2'),
  /** null = ARM omits publicNetworkAccess (documented default Enabled) */
  publicNetworkAccess: z.enum(['Enabled', 'Disabled', 'SecuredByPerimeter']).nullable().default('Enabled'),
  /** null = ARM omits disableLocalAuth (default false: SAS works) */
  disableLocalAuth: z.boolean().nullable().default(false),
  /** Absent = Microsoft-managed keys (no encryption block) */
  customerManagedKey: z
    .strictObject({
      keyVaultUri: z.url(),
      keyName: z.string().min(1),
      requireInfrastructureEncryption: z.boolean().default(false),
    })
    .optional(),
  privateEndpoints: z.number().int().min(0).max(10).default(0),
  networkRuleSet: scenarioNetworkRuleSet.default({
    defaultAction: 'Allow',
    ipRules: [],
    subnetIds: [],
    trustedServiceAccessEnabled: false,
  }),
});

export type ScenarioNamespace = z.output<typeof scenarioNamespace>;

const subscription = { eventHubNamespaces: z.array(scenarioNamespace).default([]) };

function checkNamespaces(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.eventHubNamespaces as ScenarioNamespace[]).forEach((namespace, n) => {
      const path = ['azure', 'subscriptions', s, 'eventHubNamespaces', n];
      // Event Hubs namespace names are global DNS names (<name>.servicebus.windows.net), case-insensitive.
      const name = namespace.name.toLowerCase();
      if (names.has(name)) issue([...path, 'name'], `namespace name ${namespace.name} is already used`);
      names.add(name);
      if (namespace.customerManagedKey && namespace.sku !== 'Premium')
        issue([...path, 'customerManagedKey'], 'customer-managed keys need the Premium tier');
      const rules = namespace.networkRuleSet;
      if (namespace.sku === 'Basic' && (rules.subnetIds.length > 0 || rules.ipRules.length > 0))
        issue([...path, 'networkRuleSet'], 'IP and virtual-network rules need the Standard tier or above');
    });
  });
}

/** ARM's answer for a namespace that is not there (deleted between the list and the read). */
const notFound = (params: Readonly<Record<string, string>>): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource 'Microsoft.EventHub/namespaces/${params.namespaceName ?? ''}' under resource group '${params.resourceGroupName ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const eventHubSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkNamespaces,
  answers: {
    Namespaces_List: ({ subscription: owner }) => ({
      list: [...owner.eventHubNamespaces]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((namespace) => armNamespace(owner.subscriptionId, namespace)),
    }),
    Namespaces_GetNetworkRuleSet: ({ subscription: owner, params }) => {
      const group = (params.resourceGroupName ?? '').toLowerCase();
      const name = (params.namespaceName ?? '').toLowerCase();
      const namespace = owner.eventHubNamespaces.find(
        (each) => each.name.toLowerCase() === name && each.resourceGroup.toLowerCase() === group,
      );
      return namespace ? { body: armNetworkRuleSet(owner.subscriptionId, namespace) } : notFound(params);
    },
  },
  locations: (owner) => owner.eventHubNamespaces.map((namespace) => namespace.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One namespace per eight resources of the size knob; a third Premium with the hardening on.
    return {
      eventHubNamespaces: Array.from({ length: Math.ceil(count / 8) }, (_, i) => {
        const premium = chance(0.35);
        const sku = premium ? 'Premium' : pick(['Basic', 'Standard'] as const);
        return {
          name: `g${tag}eh${index}x${i}`.slice(0, 50).padEnd(6, '0'),
          resourceGroup: `rg-generated-${i % 10}`,
          location: pick(generatedLocations),
          sku,
          tags: chance(0.4) ? { phi: 'true' } : {},
          minimumTlsVersion: chance(0.8) ? '1.2' : pick(['1.0', '1.1'] as const),
          publicNetworkAccess: premium && chance(0.5) ? 'Disabled' : 'Enabled',
          disableLocalAuth: chance(0.4),
          ...(premium && chance(0.6)
            ? {
                customerManagedKey: {
                  keyVaultUri: `https://g${tag}kv${index}.vault.azure.net`,
                  keyName: `stream-${i}`,
                },
              }
            : {}),
          networkRuleSet: {
            defaultAction: chance(0.5) ? 'Deny' : 'Allow',
            // Event Hubs takes IP rules on the Standard tier and above only.
            ipRules: sku !== 'Basic' && chance(0.5) ? ['203.0.113.0/24'] : [],
          },
        };
      }),
    };
  },
};
