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
    encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: false },
    publicNetworkAccess: 'Enabled',
    allowSharedKeyAccess: false,
    networkDefaultAction: 'Deny',
    networkRuleCount: 2,
    blobService: { blobSoftDeleteDays: 14, containerSoftDeleteDays: 14, versioning: true },
    publicContainers: [],
    containerCount: 3,
    blobDiagnostics: {
      settings: [{ name: 'blob-audit', storageRead: true, destinations: ['Log Analytics workspace'] }],
    },
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
          '(Standard_RAGRS) geo-replicates to centralus and serves reads from it through its read-access secondary endpoint, outside the approved regions (us-east-1, us-east-2, eastus, westus).',
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
  'azure.storage.public-containers': {
    pass: [
      {
        name: 'no public container',
        resource: storageAccount(),
        detail: 'Storage account nwphirecords has no container with public access (3 containers listed).',
      },
      {
        name: 'public container on an account that disallows anonymous access',
        resource: storageAccount({
          properties: { publicContainers: [{ name: 'exports', publicAccess: 'Blob' }] },
        }),
        detail:
          'has containers set to public access (exports (Blob)), but the account disallows anonymous blob access, so Azure does not serve them anonymously',
      },
    ],
    fail: [
      {
        name: 'public container served anonymously',
        resource: storageAccount({
          properties: {
            allowBlobPublicAccess: true,
            publicContainers: [
              { name: 'uploads', publicAccess: 'Container' },
              { name: 'assets', publicAccess: 'Blob' },
            ],
          },
        }),
        detail:
          'Storage account nwphirecords allows anonymous blob access and serves 2 containers anonymously: uploads (Container), assets (Blob). It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'containers not listed',
        resource: storageAccount({ missing: ['publicContainers'] }),
        detail: /^Not assessed: the blob container access levels/,
      },
      {
        name: 'FileStorage account',
        resource: storageAccount({ properties: { kind: 'FileStorage' }, missing: ['publicContainers'] }),
        detail: 'is a FileStorage account: it has no blob containers.',
      },
    ],
  },
  'azure.storage.shared-key-access': {
    pass: [
      {
        name: 'Shared Key refused',
        resource: storageAccount(),
        detail: 'refuses Shared Key authorization: requests must use Microsoft Entra ID.',
      },
    ],
    fail: [
      {
        name: 'Shared Key allowed (or omitted, which ARM documents as allowed)',
        resource: storageAccount({ properties: { allowSharedKeyAccess: true } }),
        detail:
          'allows Shared Key authorization: requests signed with an account key or an account SAS are accepted without a user identity.',
      },
    ],
    notApplicable: [
      {
        name: 'setting not collected',
        resource: storageAccount({ missing: ['allowSharedKeyAccess'] }),
        detail: /^Not assessed: the Shared Key access setting/,
      },
    ],
  },
  'azure.storage.phi-encryption': {
    pass: [
      {
        name: 'customer-managed key',
        resource: storageAccount(),
        detail: 'encrypts with a customer-managed key in Key Vault.',
      },
      {
        name: 'infrastructure encryption',
        resource: storageAccount({
          properties: {
            encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: true },
          },
        }),
        detail: 'uses infrastructure encryption (two layers, Microsoft-managed keys).',
      },
      {
        name: 'both',
        resource: storageAccount({
          properties: {
            encryption: { keySource: 'Microsoft.Keyvault', requireInfrastructureEncryption: true },
          },
        }),
        detail: 'uses a customer-managed key in Key Vault and infrastructure encryption (two layers).',
      },
    ],
    fail: [
      {
        name: 'Microsoft-managed keys, one layer',
        resource: storageAccount({
          properties: {
            encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false },
          },
        }),
        detail:
          'Storage account nwphirecords holds PHI (tag data-classification=phi) but is encrypted only once, with Microsoft-managed keys: no customer-managed key and no infrastructure encryption.',
      },
    ],
    notApplicable: [
      {
        name: 'not PHI',
        resource: storageAccount({
          phi: false,
          properties: {
            encryption: { keySource: 'Microsoft.Storage', requireInfrastructureEncryption: false },
          },
        }),
        detail: 'is not classified as PHI; its encryption options were not judged.',
      },
      {
        name: 'encryption not collected',
        resource: storageAccount({ missing: ['encryption'] }),
        detail: /^Not assessed: the encryption settings/,
      },
    ],
  },
  'azure.storage.network-default-action': {
    pass: [
      {
        name: 'default action Deny',
        resource: storageAccount(),
        detail: 'denies network access by default (2 IP or virtual-network rules allowed).',
      },
      {
        name: 'public network access disabled',
        resource: storageAccount({
          properties: { publicNetworkAccess: 'Disabled', networkDefaultAction: 'Allow' },
        }),
        detail: 'has public network access Disabled.',
      },
    ],
    fail: [
      {
        name: 'public network access enabled, default action Allow',
        resource: storageAccount({ properties: { networkDefaultAction: 'Allow', networkRuleCount: 0 } }),
        detail:
          "accepts connections from any network: public network access Enabled and the firewall's default action is Allow.",
      },
    ],
    notApplicable: [
      {
        name: 'network rules not collected',
        resource: storageAccount({ missing: ['networkDefaultAction'] }),
        detail: /^Not assessed: the network rules/,
      },
    ],
  },
  'azure.storage.blob-soft-delete': {
    pass: [
      {
        name: 'on',
        resource: storageAccount(),
        detail: 'keeps deleted blobs for 14 days (blob soft delete).',
      },
    ],
    fail: [
      {
        name: 'off',
        resource: storageAccount({
          properties: {
            blobService: { blobSoftDeleteDays: null, containerSoftDeleteDays: 14, versioning: true },
          },
        }),
        detail: 'has blob soft delete off: a deleted blob cannot be recovered.',
      },
    ],
    notApplicable: [
      {
        name: 'blob service not read',
        resource: storageAccount({ missing: ['blobService'] }),
        detail: /^Not assessed: the blob service data-protection settings/,
      },
      {
        name: 'FileStorage account',
        resource: storageAccount({ properties: { kind: 'FileStorage' }, missing: ['blobService'] }),
        detail: 'is a FileStorage account: it has no blob service.',
      },
    ],
  },
  'azure.storage.container-soft-delete': {
    pass: [
      {
        name: 'on',
        resource: storageAccount(),
        detail: 'keeps deleted containers for 14 days (container soft delete).',
      },
    ],
    fail: [
      {
        name: 'off',
        resource: storageAccount({
          properties: {
            blobService: { blobSoftDeleteDays: 14, containerSoftDeleteDays: null, versioning: true },
          },
        }),
        detail: 'has container soft delete off: a deleted container and its blobs cannot be restored.',
      },
    ],
    notApplicable: [
      {
        name: 'blob service not read',
        resource: storageAccount({ missing: ['blobService'] }),
        detail: /^Not assessed: the blob service data-protection settings/,
      },
    ],
  },
  'azure.storage.blob-versioning': {
    pass: [
      {
        name: 'on',
        resource: storageAccount(),
        detail: 'keeps previous versions of every blob (versioning on).',
      },
    ],
    fail: [
      {
        name: 'off',
        resource: storageAccount({
          properties: {
            blobService: { blobSoftDeleteDays: 14, containerSoftDeleteDays: 14, versioning: false },
          },
        }),
        detail: 'has blob versioning off: an overwritten blob keeps no earlier version.',
      },
    ],
    notApplicable: [
      {
        name: 'blob service not read',
        resource: storageAccount({ missing: ['blobService'] }),
        detail: /^Not assessed: the blob service data-protection settings/,
      },
    ],
  },
  'azure.storage.blob-read-logging': {
    pass: [
      {
        name: 'StorageRead exported',
        resource: storageAccount(),
        detail:
          'logs blob reads (StorageRead) through diagnostic setting blob-audit → Log Analytics workspace.',
      },
    ],
    fail: [
      {
        name: 'no diagnostic setting',
        resource: storageAccount({ properties: { blobDiagnostics: { settings: [] } } }),
        detail: 'has no diagnostic setting on its blob service: blob reads are not logged.',
      },
      {
        name: 'settings without StorageRead',
        resource: storageAccount({
          properties: {
            blobDiagnostics: {
              settings: [{ name: 'writes-only', storageRead: false, destinations: ['storage account'] }],
            },
          },
        }),
        detail:
          'has blob-service diagnostic settings (writes-only) but none exports StorageRead: blob reads are not logged.',
      },
    ],
    notApplicable: [
      {
        name: 'diagnostic settings not read',
        resource: storageAccount({ missing: ['blobDiagnostics'] }),
        detail: /^Not assessed: the blob service diagnostic settings/,
      },
    ],
  },
};
