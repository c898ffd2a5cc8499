import type { ScenarioCosmosAccount } from './sim';

/**
 * ARM JSON as Microsoft.DocumentDB answers DatabaseAccounts_List at api-version 2024-05-15
 * (Microsoft Learn REST reference "Database Accounts - List" and its example): the account's
 * location as a name, each replica's locationName as a display name ('West Europe'),
 * keyVaultKeyUri only on accounts with a customer-managed key, and keysMetadata with generation
 * times only — never a key.
 */

const DISPLAY_NAMES: Readonly<Record<string, string>> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  northeurope: 'North Europe',
  westeurope: 'West Europe',
  uksouth: 'UK South',
  southeastasia: 'Southeast Asia',
};

const displayName = (location: string): string => DISPLAY_NAMES[location] ?? location;

export function accountId(subscriptionId: string, account: ScenarioCosmosAccount): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.DocumentDB/databaseAccounts/${account.name}`;
}

export function armAccount(subscriptionId: string, account: ScenarioCosmosAccount): object {
  const regions = [account.location, ...account.replicaLocations.filter((each) => each !== account.location)];
  const entries = regions.map((location, failoverPriority) => ({
    id: `${account.name}-${location}`,
    locationName: displayName(location),
    documentEndpoint: `https://${account.name}-${location}.documents.azure.com:443/`,
    provisioningState: 'Succeeded',
    failoverPriority,
    isZoneRedundant: false,
  }));
  const identityId = `/subscriptions/${subscriptionId}/resourceGroups/${account.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${account.name}-cmk`;
  const generated = { generationTime: account.createdAt };
  return {
    id: accountId(subscriptionId, account),
    name: account.name,
    location: account.location,
    type: 'Microsoft.DocumentDB/databaseAccounts',
    kind: 'GlobalDocumentDB',
    ...(Object.keys(account.tags).length > 0 ? { tags: account.tags } : {}),
    systemData: { createdAt: account.createdAt },
    identity: account.cmkKeyUri
      ? {
          type: 'UserAssigned',
          userAssignedIdentities: {
            [identityId]: {
              principalId: '00000000-0000-0000-0000-000000000000',
              clientId: '00000000-0000-0000-0000-000000000000',
            },
          },
        }
      : { type: 'None' },
    properties: {
      provisioningState: 'Succeeded',
      documentEndpoint: `https://${account.name}.documents.azure.com:443/`,
      databaseAccountOfferType: 'Standard',
      ipRules: account.ipRules.map((ipAddressOrRange) => ({ ipAddressOrRange })),
      isVirtualNetworkFilterEnabled: account.isVirtualNetworkFilterEnabled,
      enableAutomaticFailover: regions.length > 1,
      consistencyPolicy: {
        defaultConsistencyLevel: 'Session',
        maxIntervalInSeconds: 5,
        maxStalenessPrefix: 100,
      },
      capabilities: [],
      writeLocations: entries.slice(0, 1),
      readLocations: entries,
      locations: entries,
      failoverPolicies: entries.map(({ id, locationName, failoverPriority }) => ({
        id,
        locationName,
        failoverPriority,
      })),
      virtualNetworkRules: account.virtualNetworkSubnets.map((id) => ({
        id,
        ignoreMissingVNetServiceEndpoint: false,
      })),
      privateEndpointConnections: [],
      enableMultipleWriteLocations: false,
      enableCassandraConnector: false,
      disableKeyBasedMetadataWriteAccess: false,
      ...(account.cmkKeyUri ? { keyVaultKeyUri: account.cmkKeyUri } : {}),
      defaultIdentity: account.cmkKeyUri ? `UserAssignedIdentity=${identityId}` : 'FirstPartyIdentity',
      publicNetworkAccess: account.publicNetworkAccess,
      enableFreeTier: false,
      enableAnalyticalStorage: false,
      analyticalStorageConfiguration: { schemaType: 'WellDefined' },
      createMode: 'Default',
      backupPolicy:
        account.backup === 'Continuous'
          ? { type: 'Continuous', continuousModeProperties: { tier: 'Continuous30Days' } }
          : {
              type: 'Periodic',
              periodicModeProperties: {
                backupIntervalInMinutes: 240,
                backupRetentionIntervalInHours: 8,
                backupStorageRedundancy:
                  account.backup === 'PeriodicGeo'
                    ? 'Geo'
                    : account.backup === 'PeriodicZone'
                      ? 'Zone'
                      : 'Local',
              },
            },
      networkAclBypass: 'None',
      networkAclBypassResourceIds: [],
      disableLocalAuth: account.disableLocalAuth,
      minimalTlsVersion: account.minimalTlsVersion,
      enableBurstCapacity: false,
      enablePartitionMerge: false,
      cors: [],
      keysMetadata: {
        primaryMasterKey: generated,
        secondaryMasterKey: generated,
        primaryReadonlyMasterKey: generated,
        secondaryReadonlyMasterKey: generated,
      },
    },
  };
}
