import { z } from 'zod';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

const scenarioVault = z.strictObject({
  name: z
    .string()
    .regex(/^[a-zA-Z][a-zA-Z0-9-]{1,49}$/, 'must be a vault name (2–50 letters, digits and hyphens)'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  storageModelType: z.enum(['GeoRedundant', 'LocallyRedundant', 'ZoneRedundant']).default('GeoRedundant'),
  crossRegionRestore: z.boolean().default(false),
  /** Locked once the vault protects items */
  storageTypeState: z.enum(['Locked', 'Unlocked']).default('Locked'),
});

export type ScenarioRecoveryVault = z.output<typeof scenarioVault>;

const subscription = { recoveryServicesVaults: z.array(scenarioVault).default([]) };

function checkVaults(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.azure.subscriptions.forEach((each, s) => {
    const names = new Set<string>();
    (each.recoveryServicesVaults as ScenarioRecoveryVault[]).forEach((vault, v) => {
      const path = ['azure', 'subscriptions', s, 'recoveryServicesVaults', v];
      const key = `${vault.resourceGroup}/${vault.name}`.toLowerCase();
      if (names.has(key))
        issue([...path, 'name'], `vault ${vault.name} is already in ${vault.resourceGroup}`);
      names.add(key);
      if (vault.crossRegionRestore && vault.storageModelType !== 'GeoRedundant')
        issue([...path, 'crossRegionRestore'], 'Cross Region Restore needs geo-redundant storage');
    });
  });
}

const vaultId = (subscriptionId: string, vault: ScenarioRecoveryVault) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.RecoveryServices/vaults/${vault.name}`;

/** Vaults_ListBySubscriptionId at 2024-04-01. */
function armVault(subscriptionId: string, vault: ScenarioRecoveryVault): object {
  return {
    id: vaultId(subscriptionId, vault),
    name: vault.name,
    type: 'Microsoft.RecoveryServices/vaults',
    location: vault.location,
    tags: vault.tags,
    etag: `W/"datetime'${encodeURIComponent(vault.createdAt)}'"`,
    sku: { name: 'RS0', tier: 'Standard' },
    properties: {
      provisioningState: 'Succeeded',
      privateEndpointStateForBackup: 'None',
      privateEndpointStateForSiteRecovery: 'None',
      publicNetworkAccess: 'Enabled',
      redundancySettings: {
        standardTierStorageRedundancy: vault.storageModelType,
        crossRegionRestore: vault.crossRegionRestore ? 'Enabled' : 'Disabled',
      },
      secureScore: 'None',
      bcdrSecurityLevel: 'Poor',
    },
  };
}

/** BackupResourceStorageConfigsNonCRR_Get at 2023-04-01; crossRegionRestoreFlag omitted until turned on. */
function armStorageConfig(subscriptionId: string, vault: ScenarioRecoveryVault): object {
  return {
    id: `${vaultId(subscriptionId, vault)}/backupstorageconfig/vaultstorageconfig`,
    name: 'vaultstorageconfig',
    type: 'Microsoft.RecoveryServices/vaults/backupstorageconfig',
    properties: {
      storageModelType: vault.storageModelType,
      storageType: vault.storageModelType,
      storageTypeState: vault.storageTypeState,
      ...(vault.crossRegionRestore ? { crossRegionRestoreFlag: true } : {}),
      dedupState: 'Disabled',
      xcoolState: 'Disabled',
    },
  };
}

export const backupSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkVaults,
  answers: {
    Vaults_ListBySubscriptionId: ({ subscription: owner }) => ({
      list: [...owner.recoveryServicesVaults]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((vault) => armVault(owner.subscriptionId, vault)),
    }),
    BackupResourceStorageConfigsNonCRR_Get: ({ subscription: owner, params }) => {
      const group = (params.resourceGroupName ?? '').toLowerCase();
      const name = (params.vaultName ?? '').toLowerCase();
      const vault = owner.recoveryServicesVaults.find(
        (each) => each.name.toLowerCase() === name && each.resourceGroup.toLowerCase() === group,
      );
      if (!vault)
        return {
          status: 404,
          code: 'ResourceNotFound',
          message: `The Resource 'Microsoft.RecoveryServices/vaults/${params.vaultName ?? ''}' under resource group '${params.resourceGroupName ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
        };
      return { body: armStorageConfig(owner.subscriptionId, vault) };
    },
  },
  locations: (owner) => owner.recoveryServicesVaults.map((vault) => vault.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    return {
      recoveryServicesVaults: Array.from({ length: Math.ceil(count / 25) }, (_, i) => {
        const geo = chance(0.7);
        return {
          name: `g${tag}rsv${index}x${i}`,
          resourceGroup: `rg-generated-${i % 10}`,
          location: pick(['eastus', 'eastus2', 'westus2', 'centralus'] as const),
          tags: chance(0.4) ? { phi: 'true' } : {},
          storageModelType: geo
            ? ('GeoRedundant' as const)
            : pick(['LocallyRedundant', 'ZoneRedundant'] as const),
          crossRegionRestore: geo && chance(0.5),
        };
      }),
    };
  },
};
