import { z } from 'zod';
import { azurePairedRegions, isGeoRedundantSku } from '../../../catalog/azure-regions';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armBlobDiagnosticSetting, armBlobService, armContainer, armStorageAccount } from './arm';
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
  /** true / false as set; null = ARM omits allowSharedKeyAccess (equivalent to true) */
  allowSharedKeyAccess: z.boolean().nullable().default(true),
  networkDefaultAction: z.enum(['Allow', 'Deny']).default('Allow'),
  /** networkAcls.ipRules, as CIDR ranges or addresses */
  networkIpRules: z.array(z.string()).default([]),
  /** BlobServices_GetServiceProperties: retention days while enabled, null = off */
  blobService: z
    .strictObject({
      deleteRetentionDays: z.number().int().min(1).max(365).nullable().default(null),
      containerDeleteRetentionDays: z.number().int().min(1).max(365).nullable().default(null),
      /** null = never set (ARM omits isVersioningEnabled) */
      versioning: z.boolean().nullable().default(null),
    })
    .default({ deleteRetentionDays: null, containerDeleteRetentionDays: null, versioning: null }),
  containers: z
    .array(
      z.strictObject({
        name: z
          .string()
          .regex(
            /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
            'must be a container name (3–63 lowercase letters, digits and single hyphens)',
          ),
        publicAccess: z.enum(['None', 'Blob', 'Container']).default('None'),
      }),
    )
    .default([]),
  /** Diagnostic settings on the blob service */
  blobDiagnosticSettings: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[^/?#%&:\\<>*]{1,260}$/, 'must be a diagnostic setting name'),
        destination: z.enum(['workspace', 'storage', 'eventhub']).default('workspace'),
        destinationName: z.string().default('nwv-law-security'),
        /** The categoryGroup allLogs instead of single categories */
        allLogs: z.boolean().default(false),
        categories: z.array(z.enum(['StorageRead', 'StorageWrite', 'StorageDelete'])).default([]),
      }),
    )
    .max(5)
    .default([]),
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
      if (account.kind === 'FileStorage' && account.containers.length > 0)
        issue([...path, 'containers'], 'a FileStorage account has no blob service, so no containers');
      const containers = new Set<string>();
      account.containers.forEach((container, c) => {
        if (containers.has(container.name))
          issue(
            [...path, 'containers', c, 'name'],
            `container ${container.name} is already in ${account.name}`,
          );
        containers.add(container.name);
      });
    });
  });
}

const notFound = (account: string, resourceGroup: string): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource 'Microsoft.Storage/storageAccounts/${account}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

/** The account a blobServices path names: ARM matches resource group and account names case-insensitively. */
function findAccount(
  accounts: readonly ScenarioStorageAccount[],
  params: Readonly<Record<string, string>>,
): ScenarioStorageAccount | undefined {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.accountName ?? '').toLowerCase();
  return accounts.find((account) => account.name === name && account.resourceGroup.toLowerCase() === group);
}

/** Answers of the blob-service reads, for an account that exists. */
function forAccount(
  answer: (account: ScenarioStorageAccount, subscriptionId: string) => AzureSimAnswer,
): (call: {
  subscription: { subscriptionId: string; storageAccounts: ScenarioStorageAccount[] };
  params: Readonly<Record<string, string>>;
}) => AzureSimAnswer {
  return ({ subscription: owner, params }) => {
    const account = findAccount(owner.storageAccounts, params);
    if (!account) return notFound(params.accountName ?? '', params.resourceGroupName ?? '');
    return answer(account, owner.subscriptionId);
  };
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
    BlobServices_GetServiceProperties: forAccount((account, subscriptionId) => ({
      body: armBlobService(subscriptionId, account),
    })),
    // ListContainerItems: containers in name order; nextLink when the page size is exceeded.
    BlobContainers_List: forAccount((account, subscriptionId) => ({
      list: [...account.containers]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((container) => armContainer(subscriptionId, account, container)),
    })),
    DiagnosticSettings_List: forAccount((account, subscriptionId) => ({
      list: account.blobDiagnosticSettings.map((setting) =>
        armBlobDiagnosticSetting(subscriptionId, account, setting),
      ),
    })),
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
        allowSharedKeyAccess: chance(0.5) ? null : chance(0.5),
        networkDefaultAction: chance(0.5) ? ('Deny' as const) : ('Allow' as const),
        blobService: {
          deleteRetentionDays: chance(0.7) ? 7 : null,
          containerDeleteRetentionDays: chance(0.6) ? 7 : null,
          versioning: chance(0.4),
        },
        containers: Array.from({ length: 1 + Math.floor(random.next() * 3) }, (_, c) => ({
          name: `data-${c}`,
          publicAccess: chance(0.1) ? ('Blob' as const) : ('None' as const),
        })),
        blobDiagnosticSettings: chance(0.5)
          ? [{ name: 'to-law', categories: ['StorageRead' as const, 'StorageWrite' as const] }]
          : [],
      })),
    };
  },
};
