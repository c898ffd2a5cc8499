import { z } from 'zod';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armAccount } from './arm';
import demo from './demo.json' with { type: 'json' };

const scenarioAccount = z.strictObject({
  name: z
    .string()
    .regex(
      /^(?!-)[a-z0-9-]{3,44}(?<!-)$/,
      'must be a Cosmos DB account name (3–44 lowercase letters, digits and hyphens)',
    ),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  /** The write region */
  location: azureLocation,
  /** Further regions holding a replica, in failover order */
  replicaLocations: z.array(azureLocation).default([]),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled', 'SecuredByPerimeter']).default('Enabled'),
  isVirtualNetworkFilterEnabled: z.boolean().default(false),
  /** ipRules: addresses or CIDR ranges; '0.0.0.0' = public Azure datacenters */
  ipRules: z
    .array(z.string().regex(/^\d{1,3}(\.\d{1,3}){3}(\/\d{1,2})?$/, 'must be an IPv4 address or CIDR range'))
    .default([]),
  virtualNetworkSubnets: z.array(z.string().startsWith('/subscriptions/')).default([]),
  minimalTlsVersion: z.enum(['Tls', 'Tls11', 'Tls12']).default('Tls12'),
  disableLocalAuth: z.boolean().default(false),
  /** Absent = service-managed keys only */
  cmkKeyUri: z.url().optional(),
  /** Backup mode: periodic with Geo (the default), Zone or Local storage, or continuous */
  backup: z.enum(['PeriodicGeo', 'PeriodicZone', 'PeriodicLocal', 'Continuous']).default('PeriodicGeo'),
});

export type ScenarioCosmosAccount = z.output<typeof scenarioAccount>;

const subscription = { cosmosAccounts: z.array(scenarioAccount).default([]) };

function checkAccounts(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.cosmosAccounts as ScenarioCosmosAccount[]).forEach((account, a) => {
      const path = ['azure', 'subscriptions', s, 'cosmosAccounts', a];
      // Account names are global DNS names (<name>.documents.azure.com).
      if (names.has(account.name))
        issue([...path, 'name'], `Cosmos DB account name ${account.name} is already used`);
      names.add(account.name);
      if (new Set(account.replicaLocations).size !== account.replicaLocations.length)
        issue([...path, 'replicaLocations'], 'a region holds one replica');
      if (account.virtualNetworkSubnets.length > 0 && !account.isVirtualNetworkFilterEnabled)
        issue(
          [...path, 'isVirtualNetworkFilterEnabled'],
          'virtual network rules need isVirtualNetworkFilterEnabled',
        );
    });
  });
}

const generatedLocations = [
  'eastus',
  'eastus2',
  'westus2',
  'centralus',
  'westeurope',
  'northeurope',
] as const;

export const cosmosSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkAccounts,
  answers: {
    DatabaseAccounts_List: ({ subscription: owner }) => ({
      list: [...owner.cosmosAccounts]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((account) => armAccount(owner.subscriptionId, account)),
    }),
  },
  locations: (owner) => owner.cosmosAccounts.map((account) => account.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One account per five resources of the size knob.
    return {
      cosmosAccounts: Array.from({ length: Math.ceil(count / 5) }, (_, i) => {
        const location = pick(generatedLocations);
        const replica = pick(generatedLocations);
        return {
          name: `g${tag}cosmos${index}x${i}`.toLowerCase().slice(0, 44),
          resourceGroup: `rg-generated-${i % 10}`,
          location,
          replicaLocations: chance(0.4) && replica !== location ? [replica] : [],
          tags: chance(0.4) ? { phi: 'true' } : {},
          publicNetworkAccess: chance(0.5) ? 'Disabled' : 'Enabled',
          ipRules: chance(0.5) ? ['203.0.113.10'] : chance(0.3) ? ['0.0.0.0'] : [],
          minimalTlsVersion: chance(0.85) ? 'Tls12' : pick(['Tls', 'Tls11'] as const),
          disableLocalAuth: chance(0.5),
          ...(chance(0.3) ? { cmkKeyUri: `https://g${tag}kv${index}.vault.azure.net/keys/cosmos` } : {}),
          backup: pick(['PeriodicGeo', 'PeriodicZone', 'Continuous'] as const),
        };
      }),
    };
  },
};
