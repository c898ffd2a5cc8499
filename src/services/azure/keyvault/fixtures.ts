import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { KeyProperties, SecretProperties, VaultProperties } from './resource';

/** Resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const vaultPath = (name: string) =>
  `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.KeyVault/vaults/${name}`;

export function compliantVaultProperties(): VaultProperties {
  return {
    resourceGroup: 'rg-phi',
    skuName: 'premium',
    enableSoftDelete: true,
    softDeleteRetentionInDays: 90,
    purgeProtection: true,
    enableRbacAuthorization: true,
    publicNetworkAccess: 'Enabled',
    networkDefaultAction: 'Deny',
    networkRuleCount: 1,
    diagnostics: {
      settings: [{ name: 'kv-audit', auditEvent: true, destinations: ['Log Analytics workspace'] }],
    },
  };
}

export function compliantSecretProperties(): SecretProperties {
  return {
    vaultName: 'nwv-kv-phi',
    vaultId: vaultPath('nwv-kv-phi'),
    resourceGroup: 'rg-phi',
    enabled: true,
    expiresOn: '2027-03-01T00:00:00.000Z',
    createdOn: '2026-12-01T00:00:00.000Z',
    contentType: 'text/plain',
    inheritedTagKeys: ['data-classification'],
  };
}

export function secret(options: Options<SecretProperties> = {}): NormalizedResource {
  const name = options.name ?? 'records-db-password';
  return build(
    'azure.keyvault.secret',
    `${vaultPath('nwv-kv-phi')}/secrets/${name}`,
    name,
    compliantSecretProperties(),
    options,
  );
}

export function compliantKeyProperties(): KeyProperties {
  return {
    vaultName: 'nwv-kv-phi',
    vaultId: vaultPath('nwv-kv-phi'),
    resourceGroup: 'rg-phi',
    enabled: true,
    keyType: 'RSA-HSM',
    expiresOn: '2027-08-01T09:00:00.000Z',
    createdOn: '2026-08-01T09:00:00.000Z',
    rotationPolicy: {
      lifetimeActions: [
        { type: 'Rotate', timeAfterCreate: 'P90D', timeBeforeExpiry: null },
        { type: 'Notify', timeAfterCreate: null, timeBeforeExpiry: 'P30D' },
      ],
      expiryTime: 'P1Y',
    },
    inheritedTagKeys: ['data-classification'],
  };
}

interface Options<P> {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
    name,
    scopeId: subscription,
    region: 'eastus',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [11],
  };
}

export function vault(options: Options<VaultProperties> = {}): NormalizedResource {
  const name = options.name ?? 'nwv-kv-phi';
  return build('azure.keyvault.vault', vaultPath(name), name, compliantVaultProperties(), options);
}

export function key(options: Options<KeyProperties> = {}): NormalizedResource {
  const name = options.name ?? 'phi-records-cmk';
  return build(
    'azure.keyvault.key',
    `${vaultPath('nwv-kv-phi')}/keys/${name}`,
    name,
    compliantKeyProperties(),
    options,
  );
}

const rotateBeforeExpiry = {
  lifetimeActions: [{ type: 'rotate', timeAfterCreate: null, timeBeforeExpiry: 'P30D' }],
  expiryTime: null,
};

export const keyVaultFixtures: ServiceFixtures = {
  'azure.keyvault.purge-protection': {
    pass: [
      {
        name: 'purge protection on',
        resource: vault(),
        detail: 'Key vault nwv-kv-phi has purge protection enabled.',
      },
    ],
    fail: [
      {
        name: 'purge protection off (ARM omitted it)',
        resource: vault({ properties: { purgeProtection: false } }),
        detail:
          'Key vault nwv-kv-phi has purge protection off: a deleted vault or key can be purged before its retention period ends, destroying whatever it encrypts. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'purge protection without soft delete',
        resource: vault({ properties: { enableSoftDelete: false } }),
        detail: 'has purge protection on but soft delete off, so purge protection has no effect.',
      },
    ],
    notApplicable: [
      {
        name: 'setting not collected',
        resource: vault({ missing: ['purgeProtection'] }),
        detail: /^Not assessed: the purge protection setting of Key vault nwv-kv-phi/,
      },
    ],
  },
  'azure.keyvault.soft-delete-retention': {
    pass: [
      {
        name: '90 days on a PHI vault',
        resource: vault(),
        detail: 'Key vault nwv-kv-phi keeps deleted vaults and keys recoverable for 90 days.',
      },
      {
        name: 'enableSoftDelete not reported (mandatory since 2025)',
        resource: vault({ properties: { enableSoftDelete: null } }),
        detail: 'ARM did not report enableSoftDelete; soft delete is mandatory since February 2025',
      },
      {
        name: '30 days on a vault not classified as PHI',
        resource: vault({ phi: false, properties: { softDeleteRetentionInDays: 30 } }),
        detail: 'recoverable for 30 days.',
      },
    ],
    fail: [
      {
        name: 'soft delete off',
        resource: vault({ properties: { enableSoftDelete: false, purgeProtection: false } }),
        detail: 'has soft delete off: a deleted vault and its keys are gone at once',
      },
      {
        name: '30 days on a PHI vault',
        resource: vault({ properties: { softDeleteRetentionInDays: 30 } }),
        detail:
          'Key vault nwv-kv-phi keeps deleted vaults and keys for 30 days, below the 90 days required for a PHI vault. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: '7 days on a vault not classified as PHI',
        resource: vault({ phi: false, properties: { softDeleteRetentionInDays: 7 } }),
        detail: 'for 7 days, below the 30 days required for a vault.',
      },
    ],
    notApplicable: [
      {
        name: 'retention not collected',
        resource: vault({ missing: ['softDeleteRetentionInDays'] }),
        detail: /^Not assessed: the soft delete settings of Key vault nwv-kv-phi/,
      },
      {
        name: 'soft delete flag not collected',
        resource: vault({ missing: ['enableSoftDelete'] }),
        detail: /^Not assessed: the soft delete settings/,
      },
    ],
  },
  'azure.keyvault.key-rotation': {
    pass: [
      {
        name: 'rotates 90 days after creation',
        resource: key(),
        detail:
          'Key phi-records-cmk in vault nwv-kv-phi rotates automatically P90D after each version is created.',
      },
      {
        name: 'rotates before an expiry the key has (lower-case action type of newer api-versions)',
        resource: key({ properties: { rotationPolicy: rotateBeforeExpiry } }),
        detail: 'rotates automatically P30D before it expires.',
      },
      {
        name: 'rotates before an expiry the policy sets',
        resource: key({
          properties: { expiresOn: null, rotationPolicy: { ...rotateBeforeExpiry, expiryTime: 'P1Y' } },
        }),
        detail: 'rotates automatically P30D before it expires.',
      },
    ],
    fail: [
      {
        name: 'no rotation policy',
        resource: key({ properties: { rotationPolicy: null } }),
        detail:
          'Key phi-records-cmk in vault nwv-kv-phi has no rotation policy: it is never rotated automatically. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'default policy: Notify only',
        resource: key({
          properties: {
            rotationPolicy: {
              lifetimeActions: [{ type: 'Notify', timeAfterCreate: null, timeBeforeExpiry: 'P30D' }],
              expiryTime: null,
            },
          },
        }),
        detail: 'has a rotation policy with only Notify and no Rotate action',
      },
      {
        name: 'policy without lifetime actions',
        resource: key({ properties: { rotationPolicy: { lifetimeActions: [], expiryTime: 'P1Y' } } }),
        detail: 'has a rotation policy with no lifetime actions and no Rotate action',
      },
      {
        name: 'rotate-before-expiry on a key that never expires',
        resource: key({ properties: { expiresOn: null, rotationPolicy: rotateBeforeExpiry } }),
        detail: 'rotates only P30D before expiry, but the key has no expiry date and the policy sets none',
      },
      {
        name: 'Rotate action without a trigger',
        resource: key({
          properties: {
            rotationPolicy: {
              lifetimeActions: [{ type: 'Rotate', timeAfterCreate: null, timeBeforeExpiry: null }],
              expiryTime: null,
            },
          },
        }),
        detail: 'has a Rotate action without a trigger',
      },
    ],
    notApplicable: [
      {
        name: 'Keys_Get failed or predates rotationPolicy (property absent)',
        resource: key({ missing: ['rotationPolicy'] }),
        detail: /^Not assessed: the rotation policy \(Keys_Get\) of Key phi-records-cmk in vault nwv-kv-phi/,
      },
      {
        name: 'rotate-before-expiry and the expiry not collected',
        resource: key({ missing: ['expiresOn'], properties: { rotationPolicy: rotateBeforeExpiry } }),
        detail: /^Not assessed: the expiry date the rotation trigger counts from/,
      },
    ],
  },
  'azure.keyvault.key-expiry': {
    pass: [
      {
        name: 'expiry date set',
        resource: key(),
        detail: 'Key phi-records-cmk in vault nwv-kv-phi has an expiration date (2027-08-01T09:00:00.000Z).',
      },
    ],
    fail: [
      {
        name: 'no expiry date',
        resource: key({ properties: { expiresOn: null } }),
        detail:
          'Key phi-records-cmk in vault nwv-kv-phi has no expiration date: it can be used indefinitely. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'expiry not collected',
        resource: key({ missing: ['expiresOn'] }),
        detail: /^Not assessed: the expiration date of Key phi-records-cmk/,
      },
    ],
  },
  'azure.keyvault.secret-expiry': {
    pass: [
      {
        name: 'expiry set',
        resource: secret(),
        detail:
          'Secret records-db-password in vault nwv-kv-phi has an expiration date (2027-03-01T00:00:00.000Z).',
      },
    ],
    fail: [
      {
        name: 'no expiry (ARM omits exp)',
        resource: secret({ properties: { expiresOn: null } }),
        detail:
          'Secret records-db-password in vault nwv-kv-phi has no expiration date: it stays valid until someone replaces it. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'expiry not collected',
        resource: secret({ missing: ['expiresOn'] }),
        detail: /^Not assessed: the expiration date of Secret records-db-password/,
      },
    ],
  },
  'azure.keyvault.rbac-authorization': {
    pass: [
      {
        name: 'RBAC',
        resource: vault(),
        detail: 'Key vault nwv-kv-phi authorizes data access with Azure RBAC.',
      },
    ],
    fail: [
      {
        name: 'access policies',
        resource: vault({ properties: { enableRbacAuthorization: false } }),
        detail:
          'Key vault nwv-kv-phi authorizes data access with vault access policies (enableRbacAuthorization is false): grants to its keys and secrets are outside Azure role assignments.',
      },
      {
        name: 'not reported (ARM documents false)',
        resource: vault({ missing: ['enableRbacAuthorization'] }),
        detail: 'ARM does not report enableRbacAuthorization, which it documents as false',
      },
    ],
  },
  'azure.keyvault.network-access': {
    pass: [
      {
        name: 'firewall default action Deny',
        resource: vault(),
        detail: 'denies network access by default (1 IP or virtual-network rule allowed).',
      },
      {
        name: 'public network access disabled',
        resource: vault({ properties: { publicNetworkAccess: 'Disabled', networkDefaultAction: null } }),
        detail: 'Key vault nwv-kv-phi has public network access Disabled.',
      },
    ],
    fail: [
      {
        name: 'no networkAcls',
        resource: vault({ properties: { networkDefaultAction: null, networkRuleCount: 0 } }),
        detail:
          'Key vault nwv-kv-phi accepts connections from any network: public network access Enabled and no network rules (networkAcls). It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'default action Allow',
        resource: vault({ properties: { networkDefaultAction: 'Allow' } }),
        detail: "public network access Enabled and the firewall's default action is Allow.",
      },
    ],
    notApplicable: [
      {
        name: 'network rules not collected (older workspace)',
        resource: vault({ missing: ['networkDefaultAction'] }),
        detail: /^Not assessed: the network rules \(networkAcls\) of Key vault nwv-kv-phi/,
      },
    ],
  },
  'azure.keyvault.diagnostic-logging': {
    pass: [
      {
        name: 'AuditEvent exported',
        resource: vault(),
        detail:
          'Key vault nwv-kv-phi exports its AuditEvent log through diagnostic setting kv-audit → Log Analytics workspace.',
      },
    ],
    fail: [
      {
        name: 'no diagnostic setting',
        resource: vault({ properties: { diagnostics: { settings: [] } } }),
        detail: 'has no diagnostic setting: uses of its keys and secrets are not logged.',
      },
      {
        name: 'settings without AuditEvent',
        resource: vault({
          properties: {
            diagnostics: {
              settings: [{ name: 'policy', auditEvent: false, destinations: ['storage account'] }],
            },
          },
        }),
        detail: 'has diagnostic settings (policy) but none exports AuditEvent',
      },
    ],
    notApplicable: [
      {
        name: 'diagnostic settings not read',
        resource: vault({ missing: ['diagnostics'] }),
        detail: /^Not assessed: the diagnostic settings of Key vault nwv-kv-phi/,
      },
    ],
  },
};
