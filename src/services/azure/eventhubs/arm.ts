import type { ScenarioNamespace } from './sim';

/**
 * ARM JSON as Microsoft.EventHub answers it at api-version 2024-01-01 (REST reference, Namespaces
 * - Get / List and Namespaces - Get Network Rule Set samples): location in display form ('East
 * US'), type 'Microsoft.EventHub/Namespaces', minimumTlsVersion as a string, and an encryption
 * block only on a namespace with a customer-managed key. A property the scenario leaves null is
 * omitted, as on namespaces created before it existed.
 */

const displayNames: Readonly<Record<string, string>> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  southcentralus: 'South Central US',
  northcentralus: 'North Central US',
  westeurope: 'West Europe',
  northeurope: 'North Europe',
  uksouth: 'UK South',
  canadacentral: 'Canada Central',
};

/** The location as Event Hubs writes it ('East US'); the code itself for a region not listed above. */
export function displayLocation(location: string): string {
  return displayNames[location] ?? location;
}

export function namespaceId(subscriptionId: string, namespace: ScenarioNamespace): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${namespace.resourceGroup}/providers/Microsoft.EventHub/namespaces/${namespace.name}`;
}

export function armNamespace(subscriptionId: string, namespace: ScenarioNamespace): object {
  const id = namespaceId(subscriptionId, namespace);
  const cmk = namespace.customerManagedKey;
  const identityId = `/subscriptions/${subscriptionId}/resourceGroups/${namespace.resourceGroup}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${namespace.name}-identity`;
  return {
    sku: {
      name: namespace.sku,
      tier: namespace.sku,
      ...(namespace.sku === 'Premium' ? { capacity: 1 } : {}),
    },
    ...(cmk
      ? {
          identity: {
            type: 'UserAssigned',
            userAssignedIdentities: {
              [identityId]: {
                principalId: '5a1f7c3e-2b4d-4e6f-8a9b-0c1d2e3f4a5b',
                clientId: '6b2e8d4f-3c5e-4f7a-9b0c-1d2e3f4a5b6c',
              },
            },
          },
        }
      : {}),
    id,
    name: namespace.name,
    type: 'Microsoft.EventHub/Namespaces',
    location: displayLocation(namespace.location),
    tags: namespace.tags,
    properties: {
      provisioningState: 'Succeeded',
      status: 'Active',
      metricId: `${subscriptionId}:${namespace.name.toLowerCase()}`,
      createdAt: namespace.createdAt,
      updatedAt: namespace.createdAt,
      serviceBusEndpoint: `https://${namespace.name}.servicebus.windows.net:443/`,
      ...(namespace.minimumTlsVersion !== null ? { minimumTlsVersion: namespace.minimumTlsVersion } : {}),
      ...(namespace.publicNetworkAccess !== null
        ? { publicNetworkAccess: namespace.publicNetworkAccess }
        : {}),
      ...(namespace.disableLocalAuth !== null ? { disableLocalAuth: namespace.disableLocalAuth } : {}),
      zoneRedundant: namespace.sku === 'Premium',
      kafkaEnabled: namespace.sku !== 'Basic',
      isAutoInflateEnabled: false,
      maximumThroughputUnits: 0,
      privateEndpointConnections: Array.from({ length: namespace.privateEndpoints }, (_, i) => ({
        id: `${id}/privateEndpointConnections/${namespace.name}-pe-${i}`,
        properties: {
          provisioningState: 'Succeeded',
          privateEndpoint: {
            id: `/subscriptions/${subscriptionId}/resourceGroups/${namespace.resourceGroup}/providers/Microsoft.Network/privateEndpoints/${namespace.name}-pe-${i}`,
          },
          privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved' },
        },
      })),
      ...(cmk
        ? {
            encryption: {
              keySource: 'Microsoft.KeyVault',
              keyVaultProperties: [
                {
                  keyName: cmk.keyName,
                  keyVaultUri: cmk.keyVaultUri,
                  keyVersion: '',
                  identity: { userAssignedIdentity: identityId },
                },
              ],
              requireInfrastructureEncryption: cmk.requireInfrastructureEncryption,
            },
          }
        : {}),
    },
  };
}

export function armNetworkRuleSet(subscriptionId: string, namespace: ScenarioNamespace): object {
  const rules = namespace.networkRuleSet;
  return {
    id: `${namespaceId(subscriptionId, namespace)}/networkRuleSets/default`,
    name: 'default',
    type: 'Microsoft.EventHub/Namespaces/NetworkRuleSets',
    location: displayLocation(namespace.location),
    properties: {
      publicNetworkAccess: namespace.publicNetworkAccess ?? 'Enabled',
      defaultAction: rules.defaultAction,
      virtualNetworkRules: rules.subnetIds.map((id) => ({
        subnet: { id },
        ignoreMissingVnetServiceEndpoint: false,
      })),
      ipRules: rules.ipRules.map((ipMask) => ({ ipMask, action: 'Allow' })),
      trustedServiceAccessEnabled: rules.trustedServiceAccessEnabled,
    },
  };
}
