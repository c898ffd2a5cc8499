import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { StorageAccountProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

export function compliantStorageProperties(): StorageAccountProperties {
  return {
    resourceGroup: 'rg-phi',
    kind: 'StorageV2',
    skuName: 'Standard_GRS',
    httpsOnly: true,
    minimumTlsVersion: 'TLS1_2',
    allowBlobPublicAccess: false,
    primaryLocation: 'eastus',
    secondaryLocation: 'westus',
    geoReplicated: true,
    encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false },
  };
}

interface StorageOptions {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof StorageAccountProperties, unknown>>;
  missing?: (keyof StorageAccountProperties)[];
}

export function storageAccount(options: StorageOptions = {}): NormalizedResource {
  const name = options.name ?? 'nwphirecords';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantStorageProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  const subscription = '00000000-0000-0000-0000-000000000001';
  return {
    provider: 'azure',
    type: 'azure.storage.account',
    nativeId: `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.Storage/storageAccounts/${name}`,
    name,
    scopeId: subscription,
    region: String(properties.primaryLocation ?? 'eastus'),
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [7],
  };
}

export const storageFixtures: ServiceFixtures = {
  'azure.storage.https-only': {
    pass: [
      {
        name: 'secure transfer required',
        resource: storageAccount(),
        detail: 'Storage account nwphirecords requires secure transfer (HTTPS only).',
      },
    ],
    fail: [
      {
        name: 'plain HTTP accepted',
        resource: storageAccount({ properties: { httpsOnly: false } }),
        detail:
          'Storage account nwphirecords accepts plain HTTP: secure transfer required is off. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'setting not collected',
        resource: storageAccount({ missing: ['httpsOnly'] }),
        detail: /^Not assessed: the secure transfer/,
      },
    ],
  },
  'azure.storage.min-tls-1-2': {
    pass: [
      { name: 'TLS 1.2', resource: storageAccount(), detail: 'requires TLS1_2 or newer.' },
      {
        name: 'TLS 1.3',
        resource: storageAccount({ properties: { minimumTlsVersion: 'TLS1_3' } }),
        detail: 'requires TLS1_3 or newer.',
      },
    ],
    fail: [
      {
        name: 'TLS 1.0',
        resource: storageAccount({ properties: { minimumTlsVersion: 'TLS1_0' } }),
        detail: 'accepts TLS 1.0: its minimum TLS version is TLS1_0, below TLS1_2.',
      },
      {
        name: 'TLS 1.1',
        resource: storageAccount({ properties: { minimumTlsVersion: 'TLS1_1' } }),
        detail: 'accepts TLS 1.1',
      },
      {
        name: 'unrecognised value',
        resource: storageAccount({ properties: { minimumTlsVersion: 'SSL3' } }),
        detail: "reports minimum TLS version 'SSL3'",
      },
    ],
    notApplicable: [
      {
        name: 'version not collected',
        resource: storageAccount({ missing: ['minimumTlsVersion'] }),
        detail: /^Not assessed: the minimum TLS version/,
      },
    ],
  },
  'azure.storage.public-blob-access': {
    pass: [
      {
        name: 'anonymous access disallowed',
        resource: storageAccount(),
        detail: 'disallows anonymous blob access.',
      },
    ],
    fail: [
      {
        name: 'anonymous access allowed',
        resource: storageAccount({ properties: { allowBlobPublicAccess: true } }),
        detail: 'allows anonymous blob access: any container in it can be made publicly readable.',
      },
    ],
    notApplicable: [
      {
        name: 'setting not collected',
        resource: storageAccount({ missing: ['allowBlobPublicAccess'] }),
        detail: /^Not assessed: the anonymous blob access setting/,
      },
    ],
  },
  'azure.storage.geo-replication-region': {
    pass: [
      {
        name: 'paired region approved',
        resource: storageAccount(),
        detail: '(Standard_GRS) geo-replicates to westus, an approved region.',
      },
    ],
    fail: [
      {
        name: 'paired region not approved',
        resource: storageAccount({
          properties: {
            primaryLocation: 'eastus2',
            secondaryLocation: 'centralus',
            skuName: 'Standard_RAGRS',
          },
        }),
        detail:
          '(Standard_RAGRS) geo-replicates to centralus, outside the approved regions (us-east-1, us-east-2, eastus, westus).',
      },
      {
        name: 'secondary unknown',
        resource: storageAccount({ properties: { secondaryLocation: null } }),
        detail: 'is geo-replicated but its secondary region could not be determined.',
      },
    ],
    notApplicable: [
      {
        name: 'locally redundant',
        resource: storageAccount({
          properties: { geoReplicated: false, skuName: 'Standard_LRS', secondaryLocation: null },
        }),
        detail: 'nwphirecords (Standard_LRS) is not geo-replicated; its data stays in eastus.',
      },
      {
        name: 'no approved regions',
        resource: storageAccount(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement',
      },
      {
        name: 'redundancy not collected',
        resource: storageAccount({ missing: ['geoReplicated'] }),
        detail: /^Not assessed: the replication \(SKU\) settings/,
      },
    ],
  },
};
