import type { ScenarioDiagnosticSetting, ScenarioKey, ScenarioSecret, ScenarioVault } from './sim';

/**
 * ARM JSON as Microsoft.KeyVault answers it at api-version 2023-07-01: properties a vault or key
 * never set are omitted, as the real service omits them (enablePurgeProtection until it is turned
 * on, attributes.exp on a key without expiry, rotationPolicy on a key without one). Keys_List
 * answers attributes and keyUri only; Keys_Get adds kty, keyOps, size and the rotation policy.
 */

const seconds = (iso: string): number => Math.floor(Date.parse(iso) / 1000);

/** A stable 32-hex-digit key version from the key's id (FNV-1a, repeated): the same scenario, the same URIs. */
function keyVersion(seed: string): string {
  let out = '';
  let hash = 0x811c9dc5;
  for (let round = 0; out.length < 32; round += 1) {
    for (const char of `${seed}#${round}`) hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
    out += hash.toString(16).padStart(8, '0');
  }
  return out.slice(0, 32);
}

export function vaultId(subscriptionId: string, vault: ScenarioVault): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${vault.resourceGroup}/providers/Microsoft.KeyVault/vaults/${vault.name}`;
}

export function armVault(subscriptionId: string, tenantId: string, vault: ScenarioVault): object {
  return {
    id: vaultId(subscriptionId, vault),
    name: vault.name,
    type: 'Microsoft.KeyVault/vaults',
    location: vault.location,
    tags: vault.tags,
    systemData: {
      createdAt: vault.createdAt,
      createdBy: 'platform-team@northwindvitals.example',
      createdByType: 'User',
      lastModifiedAt: vault.createdAt,
      lastModifiedBy: 'platform-team@northwindvitals.example',
      lastModifiedByType: 'User',
    },
    properties: {
      sku: { family: 'A', name: vault.sku },
      tenantId,
      accessPolicies: [],
      enabledForDeployment: false,
      enabledForDiskEncryption: false,
      enabledForTemplateDeployment: false,
      ...(vault.enableSoftDelete !== null ? { enableSoftDelete: vault.enableSoftDelete } : {}),
      ...(vault.softDeleteRetentionInDays !== null
        ? { softDeleteRetentionInDays: vault.softDeleteRetentionInDays }
        : {}),
      enableRbacAuthorization: vault.enableRbacAuthorization,
      ...(vault.enablePurgeProtection ? { enablePurgeProtection: true } : {}),
      // networkAcls only on a vault that has a firewall configured
      ...(vault.networkDefaultAction !== null
        ? {
            networkAcls: {
              bypass: 'AzureServices',
              defaultAction: vault.networkDefaultAction,
              ipRules: vault.networkIpRules.map((value) => ({ value })),
              virtualNetworkRules: [],
            },
          }
        : {}),
      vaultUri: `https://${vault.name}.vault.azure.net/`,
      provisioningState: 'Succeeded',
      publicNetworkAccess: vault.publicNetworkAccess,
    },
  };
}

/** Key Vault's recovery level for the vault's settings (data-plane wording, echoed by ARM). */
function recoveryLevel(vault: ScenarioVault): string {
  if (vault.enableSoftDelete === false) return 'Purgeable';
  const customized = (vault.softDeleteRetentionInDays ?? 90) < 90 ? 'CustomizedRecoverable' : 'Recoverable';
  return vault.enablePurgeProtection ? customized : `${customized}+Purgeable`;
}

function attributes(vault: ScenarioVault, key: ScenarioKey): object {
  return {
    enabled: key.enabled,
    ...(key.notBefore ? { nbf: seconds(key.notBefore) } : {}),
    ...(key.expiresAt ? { exp: seconds(key.expiresAt) } : {}),
    created: seconds(key.createdAt),
    updated: seconds(key.createdAt),
    recoveryLevel: recoveryLevel(vault),
  };
}

function listed(subscriptionId: string, vault: ScenarioVault, key: ScenarioKey): Record<string, unknown> {
  return {
    id: `${vaultId(subscriptionId, vault)}/keys/${key.name}`,
    name: key.name,
    type: 'Microsoft.KeyVault/vaults/keys',
    location: vault.location,
    ...(Object.keys(key.tags).length > 0 ? { tags: key.tags } : {}),
  };
}

/** One entry of Keys_List. */
export function armListedKey(subscriptionId: string, vault: ScenarioVault, key: ScenarioKey): object {
  return {
    ...listed(subscriptionId, vault, key),
    properties: {
      attributes: attributes(vault, key),
      keyUri: `https://${vault.name}.vault.azure.net:443/keys/${key.name}`,
    },
  };
}

/** The answer of Keys_Get. */
export function armKey(subscriptionId: string, vault: ScenarioVault, key: ScenarioKey): object {
  const base = listed(subscriptionId, vault, key);
  const rsa = key.kty.startsWith('RSA');
  const policy = key.rotationPolicy;
  return {
    ...base,
    properties: {
      attributes: attributes(vault, key),
      kty: key.kty,
      keyOps: rsa ? ['encrypt', 'decrypt', 'sign', 'verify', 'wrapKey', 'unwrapKey'] : ['sign', 'verify'],
      ...(rsa ? { keySize: key.keySize ?? 2048 } : { curveName: key.curveName ?? 'P-256' }),
      keyUri: `https://${vault.name}.vault.azure.net:443/keys/${key.name}`,
      keyUriWithVersion: `https://${vault.name}.vault.azure.net:443/keys/${key.name}/${keyVersion(String(base.id))}`,
      // "Omitted if empty": a key without a rotation policy answers without the property.
      ...(policy
        ? {
            rotationPolicy: {
              attributes: {
                created: seconds(key.createdAt),
                updated: seconds(key.createdAt),
                ...(policy.expiryTime ? { expiryTime: policy.expiryTime } : {}),
              },
              lifetimeActions: policy.lifetimeActions.map((action) => ({
                trigger: {
                  ...(action.timeAfterCreate ? { timeAfterCreate: action.timeAfterCreate } : {}),
                  ...(action.timeBeforeExpiry ? { timeBeforeExpiry: action.timeBeforeExpiry } : {}),
                },
                action: { type: action.type },
              })),
            },
          }
        : {}),
    },
  };
}

/**
 * One entry of Secrets_List (ARM, 2023-07-01): attributes, contentType and the URIs. The REST
 * reference: "'value' will never be returned from the service" — no value, ever.
 */
export function armSecret(subscriptionId: string, vault: ScenarioVault, secret: ScenarioSecret): object {
  const id = `${vaultId(subscriptionId, vault)}/secrets/${secret.name}`;
  return {
    id,
    name: secret.name,
    type: 'Microsoft.KeyVault/vaults/secrets',
    location: vault.location,
    ...(Object.keys(secret.tags).length > 0 ? { tags: secret.tags } : {}),
    properties: {
      attributes: {
        enabled: secret.enabled,
        ...(secret.expiresAt ? { exp: seconds(secret.expiresAt) } : {}),
        created: seconds(secret.createdAt),
        updated: seconds(secret.createdAt),
      },
      ...(secret.contentType ? { contentType: secret.contentType } : {}),
      secretUri: `https://${vault.name}.vault.azure.net/secrets/${secret.name}`,
      secretUriWithVersion: `https://${vault.name}.vault.azure.net/secrets/${secret.name}/${keyVersion(id)}`,
    },
  };
}

/** One entry of DiagnosticSettings_List on a vault (2021-05-01-preview), destinations omitted when unset. */
export function armDiagnosticSetting(
  subscriptionId: string,
  vault: ScenarioVault,
  setting: ScenarioDiagnosticSetting,
): object {
  const group = `/subscriptions/${subscriptionId}/resourceGroups/${vault.resourceGroup}`;
  const off = { enabled: false, days: 0 };
  return {
    id: `${vaultId(subscriptionId, vault)}/providers/microsoft.insights/diagnosticSettings/${setting.name}`,
    type: 'Microsoft.Insights/diagnosticSettings',
    name: setting.name,
    location: null,
    kind: null,
    tags: null,
    properties: {
      ...(setting.destination === 'workspace'
        ? {
            workspaceId: `${group}/providers/Microsoft.OperationalInsights/workspaces/${setting.destinationName}`,
          }
        : {}),
      ...(setting.destination === 'storage'
        ? {
            storageAccountId: `${group}/providers/Microsoft.Storage/storageAccounts/${setting.destinationName}`,
          }
        : {}),
      metrics: [{ timeGrain: null, category: 'AllMetrics', enabled: true, retentionPolicy: off }],
      logs: setting.categoryGroup
        ? [{ category: null, categoryGroup: setting.categoryGroup, enabled: true, retentionPolicy: off }]
        : ['AuditEvent', 'AzurePolicyEvaluationDetails'].map((category) => ({
            category,
            categoryGroup: null,
            enabled: setting.categories.includes(category as never),
            retentionPolicy: off,
          })),
      logAnalyticsDestinationType: null,
    },
  };
}
