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
import { serviceRegistry } from '../../../../test/support/describe-service';
import type { ScenarioStorageAccount } from './sim';

const compliant = {
  name: 'nwvclinical',
  resourceGroup: 'rg-phi',
  location: 'eastus',
  sku: 'Standard_ZRS',
  tags: { 'data-classification': 'phi' },
  encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true },
  allowSharedKeyAccess: false,
  networkDefaultAction: 'Deny',
  networkIpRules: ['20.42.128.0/24'],
  blobService: { deleteRetentionDays: 14, containerDeleteRetentionDays: 7, versioning: true },
  containers: [{ name: 'notes' }, { name: 'recordings' }],
  blobDiagnosticSettings: [{ name: 'blob-audit', categories: ['StorageRead', 'StorageWrite'] }],
};
const failing = {
  name: 'nwvlegacy',
  resourceGroup: 'rg-legacy',
  location: 'westus2',
  sku: 'Standard_RAGRS',
  httpsOnly: false,
  minimumTlsVersion: 'TLS1_0',
  allowBlobPublicAccess: true,
  allowSharedKeyAccess: null,
  containers: [
    { name: 'uploads', publicAccess: 'Container' },
    { name: 'assets', publicAccess: 'Blob' },
    { name: 'private' },
  ],
  blobDiagnosticSettings: [{ name: 'writes', destination: 'eventhub', categories: ['StorageWrite'] }],
};
const files = {
  name: 'nwvshares',
  resourceGroup: 'rg-files',
  location: 'eastus',
  kind: 'FileStorage',
  sku: 'Premium_LRS',
};

const scenarioWith = (accounts: unknown[], extra: Record<string, unknown> = {}) =>
  scenario({
    azure: { subscriptions: [{ subscriptionId, tenantId, label: 'prod', storageAccounts: accounts }] },
    ...extra,
  });

async function collect(accounts: unknown[], extra: Record<string, unknown> = {}) {
  const ctx = recordingContext(await connectFirst(simulatorFor(scenarioWith(accounts, extra)), 'azure'));
  const resources = await storage.collector.collect(ctx);
  return { ctx, resources };
}

describe('the storage account collector', () => {
  it('describes compliant and failing accounts with the documented properties', async () => {
    const { ctx, resources } = await collect([compliant, failing]);
    const [clinical, legacy] = resources;
    expect(clinical).toMatchObject({
      provider: 'azure',
      type: 'azure.storage.account',
      nativeId: `/subscriptions/${subscriptionId}/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/nwvclinical`,
      name: 'nwvclinical',
      scopeId: subscriptionId,
      region: 'eastus',
      tags: { 'data-classification': 'phi' },
      phi: false,
      phiReason: null,
    });
    expect(clinical?.properties).toEqual({
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
      allowSharedKeyAccess: false,
      networkDefaultAction: 'Deny',
      networkRuleCount: 1,
      blobService: { blobSoftDeleteDays: 14, containerSoftDeleteDays: 7, versioning: true },
      publicContainers: [],
      containerCount: 2,
      blobDiagnostics: {
        settings: [{ name: 'blob-audit', storageRead: true, destinations: ['Log Analytics workspace'] }],
      },
    });
    expect(legacy?.properties).toMatchObject({
      httpsOnly: false,
      minimumTlsVersion: 'TLS1_0',
      allowBlobPublicAccess: true,
      skuName: 'Standard_RAGRS',
      geoReplicated: true,
      primaryLocation: 'westus2',
      secondaryLocation: 'westcentralus',
      // ARM omits allowSharedKeyAccess: "null, which is equivalent to true"
      allowSharedKeyAccess: true,
      networkDefaultAction: 'Allow',
      // The blob service never set: policies disabled, isVersioningEnabled omitted
      blobService: { blobSoftDeleteDays: null, containerSoftDeleteDays: null, versioning: false },
      publicContainers: [
        { name: 'assets', publicAccess: 'Blob' },
        { name: 'uploads', publicAccess: 'Container' },
      ],
      containerCount: 3,
      blobDiagnostics: { settings: [{ name: 'writes', storageRead: false, destinations: ['event hub'] }] },
    });
    // Each account's resource names the evidence it came from: the list and its three blob-service reads.
    const operations = (ids: number[]) => ids.map((id) => ctx.evidence[id - 1]?.operation).sort();
    expect(operations(clinical!.evidenceIds)).toEqual([
      'BlobContainers_List',
      'BlobServices_GetServiceProperties',
      'DiagnosticSettings_List',
      'StorageAccounts_List',
    ]);
    expect(ctx.evidence[0]).toMatchObject({
      service: 'storage',
      operation: 'StorageAccounts_List',
      region: 'global',
      outcome: 'ok',
    });
    expect(ctx.evidence.filter((each) => each.operation === 'BlobContainers_List')[0]?.region).toBe('eastus');
    expect(ctx.gaps).toEqual([]);
  });

  it('follows nextLink through every page of the container list', async () => {
    const { ctx, resources } = await collect([failing], { simulation: { azurePageSize: 1 } });
    expect(ctx.evidence.filter((each) => each.operation === 'BlobContainers_List')).toHaveLength(3);
    expect(resources[0]?.properties).toMatchObject({ containerCount: 3 });
    expect(ctx.gaps).toEqual([]);
  });

  it('reads no blob service of a FileStorage account', async () => {
    const { ctx, resources } = await collect([files]);
    expect(ctx.evidence.map((each) => each.operation)).toEqual(['StorageAccounts_List']);
    expect(resources[0]?.properties).not.toHaveProperty('blobService');
    expect(resources[0]?.properties).not.toHaveProperty('publicContainers');
  });

  it('turns a refused container list into a gap naming the account, leaving the containers not assessed', async () => {
    const { ctx, resources } = await collect([compliant], {
      faults: [
        { provider: 'azure', service: 'storage', operation: 'BlobContainers_List', kind: 'access_denied' },
      ],
    });
    expect(ctx.gaps).toHaveLength(1);
    expect(ctx.gaps[0]).toMatchObject({ operation: 'BlobContainers_List', reason: 'access_denied' });
    expect(JSON.stringify(ctx.gaps[0])).toContain('storage account nwvclinical');
    expect(resources[0]?.properties).not.toHaveProperty('publicContainers');
    expect(resources[0]?.properties).toMatchObject({ blobService: { versioning: true } });
  });
});

describe('the storage simulator', () => {
  const registry = serviceRegistry(storage);

  it("answers the blob service of an account deleted since the list with ARM's 404 ResourceNotFound", () => {
    const loaded = registry.loadScenario(scenarioWith([compliant]));
    const owner = loaded.azure.subscriptions[0]!;
    for (const operation of [
      'BlobServices_GetServiceProperties',
      'BlobContainers_List',
      'DiagnosticSettings_List',
    ]) {
      const answer = storage.sim.answers[operation]!({
        subscription: owner as typeof owner & { storageAccounts: ScenarioStorageAccount[] },
        scenario: loaded,
        params: { subscriptionId, resourceGroupName: 'rg-phi', accountName: 'nwvgone' },
        url: new URL('https://management.azure.com/'),
        state: undefined,
      });
      expect(answer, operation).toEqual({
        status: 404,
        code: 'ResourceNotFound',
        message:
          "The Resource 'Microsoft.Storage/storageAccounts/nwvgone' under resource group 'rg-phi' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix",
      });
    }
  });

  it('refuses containers on a FileStorage account and a container name used twice', () => {
    const load = () =>
      registry.loadScenario(scenarioWith([{ ...files, containers: [{ name: 'same' }, { name: 'same' }] }]));
    expect(load).toThrow('storageAccounts[0].containers: a FileStorage account has no blob service');
    expect(load).toThrow('storageAccounts[0].containers[1].name: container same is already in nwvshares');
  });
});
