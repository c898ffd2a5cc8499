import { describe, expect, it } from 'vitest';
import { normalizeNamespace, normalizeNetworkRuleSet } from './normalize';

const id = '/subscriptions/s/resourceGroups/RG-Legacy/providers/Microsoft.EventHub/namespaces/nwv-eh-old';

describe('normalizeNamespace', () => {
  it('keeps settings ARM omitted as null and normalizes the display location', () => {
    expect(
      normalizeNamespace({
        id,
        name: 'nwv-eh-old',
        location: 'West US 2',
        tags: { phi: 'true' },
        sku: { name: 'Standard', tier: 'Standard' },
        properties: {
          provisioningState: 'Succeeded',
          serviceBusEndpoint: 'https://nwv-eh-old.servicebus.windows.net:443/',
        },
      }),
    ).toEqual({
      id,
      name: 'nwv-eh-old',
      location: 'westus2',
      tags: { phi: 'true' },
      properties: {
        resourceGroup: 'RG-Legacy',
        skuName: 'Standard',
        minimumTlsVersion: null,
        publicNetworkAccess: null,
        disableLocalAuth: null,
        encryptionKeySource: null,
        privateEndpointConnectionCount: 0,
      },
    });
  });

  it('reads TLS, network, SAS and customer-managed key settings and the rule set', () => {
    const rules = normalizeNetworkRuleSet({
      name: 'default',
      properties: {
        publicNetworkAccess: 'Enabled',
        defaultAction: 'Deny',
        ipRules: [{ ipMask: '203.0.113.0/24', action: 'Allow' }],
        virtualNetworkRules: [],
        trustedServiceAccessEnabled: true,
      },
    });
    const namespace = normalizeNamespace(
      {
        id,
        name: 'nwv-eh-old',
        location: 'East US',
        tags: null,
        sku: { name: 'Premium', tier: 'Premium', capacity: 1 },
        properties: {
          minimumTlsVersion: '1.2',
          publicNetworkAccess: 'Enabled',
          disableLocalAuth: true,
          privateEndpointConnections: [{ id: 'pe' }],
          encryption: {
            keySource: 'Microsoft.KeyVault',
            keyVaultProperties: [
              { keyName: 'hub-cmk', keyVaultUri: 'https://kv.vault.azure.net', keyVersion: '' },
            ],
            requireInfrastructureEncryption: true,
          },
        },
      },
      rules,
    );
    expect(namespace?.tags).toEqual({});
    expect(namespace?.properties).toEqual({
      resourceGroup: 'RG-Legacy',
      skuName: 'Premium',
      minimumTlsVersion: '1.2',
      publicNetworkAccess: 'Enabled',
      disableLocalAuth: true,
      encryptionKeySource: 'Microsoft.KeyVault',
      customerManagedKey: { keyVaultUri: 'https://kv.vault.azure.net', keyName: 'hub-cmk' },
      requireInfrastructureEncryption: true,
      privateEndpointConnectionCount: 1,
      networkRuleSet: {
        defaultAction: 'Deny',
        publicNetworkAccess: 'Enabled',
        ipRuleCount: 1,
        virtualNetworkRuleCount: 0,
        trustedServiceAccessEnabled: true,
      },
    });
  });

  it('skips an entry without id, name or location', () => {
    expect(normalizeNamespace({ id, name: 'x' })).toBeNull();
  });

  it('reads an empty rule set answer as no default action', () => {
    expect(normalizeNetworkRuleSet(null)).toEqual({
      defaultAction: null,
      ipRuleCount: 0,
      virtualNetworkRuleCount: 0,
    });
  });
});
