import { describe, expect, it } from 'vitest';
import { storage } from '.';
import {
  connectFirst,
  recordingContext,
  scenario,
  simulatorFor,
  subscriptionId,
  tenantId,
} from '../../../../test/support/cloud';

const compliant = {
  name: 'nwvclinical',
  resourceGroup: 'rg-phi',
  location: 'eastus',
  sku: 'Standard_ZRS',
  tags: { 'data-classification': 'phi' },
  encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true },
};
const failing = {
  name: 'nwvlegacy',
  resourceGroup: 'rg-legacy',
  location: 'westus2',
  sku: 'Standard_RAGRS',
  httpsOnly: false,
  minimumTlsVersion: 'TLS1_0',
  allowBlobPublicAccess: true,
};

describe('the storage account collector', () => {
  it('describes compliant and failing accounts with the documented properties', async () => {
    const simulator = simulatorFor(
      scenario({
        azure: {
          subscriptions: [{ subscriptionId, tenantId, label: 'prod', storageAccounts: [compliant, failing] }],
        },
      }),
    );
    const ctx = recordingContext(await connectFirst(simulator, 'azure'));
    const [clinical, legacy] = await storage.collector.collect(ctx);
    expect(clinical).toEqual({
      provider: 'azure',
      type: 'azure.storage.account',
      nativeId: `/subscriptions/${subscriptionId}/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/nwvclinical`,
      name: 'nwvclinical',
      scopeId: subscriptionId,
      region: 'eastus',
      tags: { 'data-classification': 'phi' },
      properties: {
        resourceGroup: 'rg-phi',
        kind: 'StorageV2',
        skuName: 'Standard_ZRS',
        httpsOnly: true,
        minimumTlsVersion: 'TLS1_2',
        allowBlobPublicAccess: false,
        primaryLocation: 'eastus',
        secondaryLocation: null,
        geoReplicated: false,
        encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true },
        publicNetworkAccess: 'Enabled',
      },
      phi: false,
      phiReason: null,
      evidenceIds: [1],
    });
    expect(legacy?.properties).toMatchObject({
      httpsOnly: false,
      minimumTlsVersion: 'TLS1_0',
      allowBlobPublicAccess: true,
      skuName: 'Standard_RAGRS',
      geoReplicated: true,
      primaryLocation: 'westus2',
      secondaryLocation: 'westcentralus',
    });
    expect(ctx.evidence[0]).toMatchObject({
      service: 'storage',
      operation: 'StorageAccounts_List',
      region: 'global',
      outcome: 'ok',
    });
  });
});
