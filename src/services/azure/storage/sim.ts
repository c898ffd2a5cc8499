import { z } from 'zod';
import { azurePairedRegions, isGeoRedundantSku } from '../../../catalog/azure-regions';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armStorageAccount } from './arm';
import demo from './demo.json' with { type: 'json' };

const scenarioStorageAccount = z.strictObject({
  name: z
    .string()
    .regex(/^[a-z0-9]{3,24}$/, 'must be a storage account name (3–24 lowercase letters and digits)'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  kind: z
    .enum(['StorageV2', 'Storage', 'BlobStorage', 'BlockBlobStorage', 'FileStorage'])
    .default('StorageV2'),
  sku: z
    .enum([
      'Standard_LRS',
      'Standard_ZRS',
      'Standard_GRS',
      'Standard_RAGRS',
      'Standard_GZRS',
      'Standard_RAGZRS',
      'Premium_LRS',
      'Premium_ZRS',
    ])
    .default('Standard_LRS'),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  httpsOnly: z.boolean().default(true),
  minimumTlsVersion: z.enum(['TLS1_0', 'TLS1_1', 'TLS1_2', 'TLS1_3']).default('TLS1_2'),
  allowBlobPublicAccess: z.boolean().default(false),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  /** Secondary region of a geo-redundant SKU; defaults to the location's Azure pair */
  secondaryLocation: azureLocation.optional(),
  encryption: z
    .strictObject({
      keySource: z.enum(['Microsoft.Storage', 'Microsoft.Keyvault']).default('Microsoft.Storage'),
      requireInfrastructureEncryption: z.boolean().default(false),
    })
    .default({ keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false }),
});

export type ScenarioStorageAccount = z.output<typeof scenarioStorageAccount>;

const subscription = { storageAccounts: z.array(scenarioStorageAccount).default([]) };

const azureLocations = [
  'eastus',
  'westus2',
  'eastus2',
  'centralus',
  'westeurope',
  'northeurope',
  'uksouth',
  'japaneast',
] as const;
const azureSkus = [
  'Standard_LRS',
  'Standard_ZRS',
  'Standard_GRS',
  'Standard_RAGRS',
  'Standard_GZRS',
] as const;

function checkAccounts(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.storageAccounts as ScenarioStorageAccount[]).forEach((account, i) => {
      const path = ['azure', 'subscriptions', s, 'storageAccounts', i];
      // Storage account names are global DNS names.
      if (names.has(account.name))
        issue([...path, 'name'], `storage account name ${account.name} is already used`);
      names.add(account.name);
      if (
        isGeoRedundantSku(account.sku) &&
        !account.secondaryLocation &&
        !azurePairedRegions[account.location]
      )
        issue(
          [...path, 'secondaryLocation'],
          `${account.location} has no known pair: name the secondary region of this ${account.sku} account`,
        );
    });
  });
}

export const storageSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkAccounts,
  answers: {
    StorageAccounts_List: ({ subscription: owner }) => ({
      list: [...owner.storageAccounts]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((account) => armStorageAccount(owner.subscriptionId, account)),
    }),
  },
  locations: (owner) => owner.storageAccounts.map((account) => account.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    return {
      storageAccounts: Array.from({ length: count }, (_, i) => ({
        name: `g${tag}s${index}a${i}`.slice(0, 24),
        resourceGroup: `rg-generated-${i % 10}`,
        location: pick(azureLocations),
        sku: pick(azureSkus),
        tags: chance(0.4) ? { phi: 'true' } : {},
        httpsOnly: chance(0.9),
        minimumTlsVersion: chance(0.8) ? ('TLS1_2' as const) : pick(['TLS1_0', 'TLS1_1'] as const),
        allowBlobPublicAccess: chance(0.15),
      })),
    };
  },
};
