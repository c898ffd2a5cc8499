import { z } from 'zod';
import {
  azureLocation,
  isoTime,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armDiagnosticSetting, armKey, armListedKey, armSecret, armVault } from './arm';
import demo from './demo.json' with { type: 'json' };

/** ISO 8601 durations as Key Vault takes them ('P90D', 'P1Y', 'P2M'). */
const isoDuration = z
  .string()
  .regex(/^P(?=\d)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?$/, 'must be an ISO 8601 duration such as P90D or P1Y');

const scenarioLifetimeAction = z.strictObject({
  /** Key Vault's action type (2023-07-01 spells it Rotate / Notify) */
  type: z.enum(['Rotate', 'Notify']),
  timeAfterCreate: isoDuration.optional(),
  timeBeforeExpiry: isoDuration.optional(),
});

const scenarioKey = z.strictObject({
  name: z.string().regex(/^[a-zA-Z0-9-]{1,127}$/, 'must be a key name (1–127 letters, digits and hyphens)'),
  kty: z.enum(['RSA', 'RSA-HSM', 'EC', 'EC-HSM']).default('RSA'),
  keySize: z.union([z.literal(2048), z.literal(3072), z.literal(4096)]).optional(),
  curveName: z.enum(['P-256', 'P-384', 'P-521', 'P-256K']).optional(),
  enabled: z.boolean().default(true),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  notBefore: isoTime.optional(),
  /** attributes.exp; absent = no expiry date */
  expiresAt: isoTime.optional(),
  tags: scenarioTags.default({}),
  /** Absent = no rotation policy (Keys_Get omits it) */
  rotationPolicy: z
    .strictObject({
      lifetimeActions: z.array(scenarioLifetimeAction).default([]),
      /** The expiry each rotated version gets */
      expiryTime: isoDuration.optional(),
    })
    .optional(),
});

const scenarioSecret = z.strictObject({
  name: z
    .string()
    .regex(/^[a-zA-Z0-9-]{1,127}$/, 'must be a secret name (1–127 letters, digits and hyphens)'),
  enabled: z.boolean().default(true),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  /** attributes.exp; absent = no expiry date */
  expiresAt: isoTime.optional(),
  contentType: z.string().optional(),
  tags: scenarioTags.default({}),
});

const scenarioDiagnosticSetting = z.strictObject({
  name: z.string().regex(/^[^/?#%&:\\<>*]{1,260}$/, 'must be a diagnostic setting name'),
  destination: z.enum(['workspace', 'storage']).default('workspace'),
  destinationName: z.string().default('nwv-law-security'),
  /** A category group ('audit' | 'allLogs') instead of single categories */
  categoryGroup: z.enum(['audit', 'allLogs']).optional(),
  categories: z.array(z.enum(['AuditEvent', 'AzurePolicyEvaluationDetails'])).default([]),
});

const scenarioVault = z.strictObject({
  name: z
    .string()
    .regex(
      /^(?!.*--)[a-zA-Z][a-zA-Z0-9-]{1,22}[a-zA-Z0-9]$/,
      'must be a key vault name (3–24 letters, digits and single hyphens, starting with a letter)',
    ),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  sku: z.enum(['standard', 'premium']).default('standard'),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  /** null = ARM omits enableSoftDelete, as on vaults created before soft delete was the default */
  enableSoftDelete: z.boolean().nullable().default(true),
  /** null = ARM omits it (its default, 90, applies) */
  softDeleteRetentionInDays: z.number().int().min(7).max(90).nullable().default(90),
  enablePurgeProtection: z.boolean().default(false),
  enableRbacAuthorization: z.boolean().default(true),
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  /** networkAcls.defaultAction; null = ARM reports no networkAcls (no firewall) */
  networkDefaultAction: z.enum(['Allow', 'Deny']).nullable().default(null),
  networkIpRules: z.array(z.string()).default([]),
  keys: z.array(scenarioKey).default([]),
  secrets: z.array(scenarioSecret).default([]),
  diagnosticSettings: z.array(scenarioDiagnosticSetting).max(5).default([]),
});

export type ScenarioKey = z.output<typeof scenarioKey>;
export type ScenarioVault = z.output<typeof scenarioVault>;
export type ScenarioSecret = z.output<typeof scenarioSecret>;
export type ScenarioDiagnosticSetting = z.output<typeof scenarioDiagnosticSetting>;

const subscription = { keyVaults: z.array(scenarioVault).default([]) };

function checkVaults(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.keyVaults as ScenarioVault[]).forEach((vault, v) => {
      const path = ['azure', 'subscriptions', s, 'keyVaults', v];
      // Vault names are global DNS names (<name>.vault.azure.net), case-insensitive.
      const name = vault.name.toLowerCase();
      if (names.has(name)) issue([...path, 'name'], `key vault name ${vault.name} is already used`);
      names.add(name);
      if (vault.enablePurgeProtection && vault.enableSoftDelete === false)
        issue([...path, 'enablePurgeProtection'], 'purge protection needs soft delete (enableSoftDelete)');
      const secrets = new Set<string>();
      vault.secrets.forEach((secret, i) => {
        if (secrets.has(secret.name.toLowerCase()))
          issue([...path, 'secrets', i, 'name'], `secret ${secret.name} is already in vault ${vault.name}`);
        secrets.add(secret.name.toLowerCase());
      });
      const keys = new Set<string>();
      vault.keys.forEach((key, k) => {
        if (keys.has(key.name.toLowerCase()))
          issue([...path, 'keys', k, 'name'], `key ${key.name} is already in vault ${vault.name}`);
        keys.add(key.name.toLowerCase());
        key.rotationPolicy?.lifetimeActions.forEach((action, a) => {
          const at = [...path, 'keys', k, 'rotationPolicy', 'lifetimeActions', a];
          if (action.type === 'Notify' && action.timeAfterCreate)
            issue([...at, 'timeAfterCreate'], 'a Notify action takes timeBeforeExpiry only');
          if (action.timeAfterCreate && action.timeBeforeExpiry)
            issue(at, 'a lifetime action has one trigger: timeAfterCreate or timeBeforeExpiry');
        });
      });
    });
  });
}

const notFound = (what: string, resourceGroup: string): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource '${what}' under resource group '${resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

/** The vault a Keys_* path names: ARM matches resource group and vault names case-insensitively. */
function findVault(vaults: readonly ScenarioVault[], params: Readonly<Record<string, string>>) {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.vaultName ?? '').toLowerCase();
  return vaults.find(
    (vault) => vault.name.toLowerCase() === name && vault.resourceGroup.toLowerCase() === group,
  );
}

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const keyVaultSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkVaults,
  answers: {
    Vaults_ListBySubscription: ({ subscription: owner }) => ({
      list: [...owner.keyVaults]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((vault) => armVault(owner.subscriptionId, owner.tenantId, vault)),
    }),
    Keys_List: ({ subscription: owner, params }) => {
      const vault = findVault(owner.keyVaults, params);
      if (!vault)
        return notFound(
          `Microsoft.KeyVault/vaults/${params.vaultName ?? ''}`,
          params.resourceGroupName ?? '',
        );
      return {
        list: [...vault.keys]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((key) => armListedKey(owner.subscriptionId, vault, key)),
      };
    },
    // Secrets_List through ARM: attributes only, never a value.
    Secrets_List: ({ subscription: owner, params }) => {
      const vault = findVault(owner.keyVaults, params);
      if (!vault)
        return notFound(
          `Microsoft.KeyVault/vaults/${params.vaultName ?? ''}`,
          params.resourceGroupName ?? '',
        );
      return {
        list: [...vault.secrets]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((secret) => armSecret(owner.subscriptionId, vault, secret)),
      };
    },
    DiagnosticSettings_List: ({ subscription: owner, params }) => {
      const vault = findVault(owner.keyVaults, params);
      if (!vault)
        return notFound(
          `Microsoft.KeyVault/vaults/${params.vaultName ?? ''}`,
          params.resourceGroupName ?? '',
        );
      return {
        list: vault.diagnosticSettings.map((setting) =>
          armDiagnosticSetting(owner.subscriptionId, vault, setting),
        ),
      };
    },
    Keys_Get: ({ subscription: owner, params }) => {
      const vault = findVault(owner.keyVaults, params);
      const group = params.resourceGroupName ?? '';
      if (!vault) return notFound(`Microsoft.KeyVault/vaults/${params.vaultName ?? ''}`, group);
      const wanted = (params.keyName ?? '').toLowerCase();
      const key = vault.keys.find((each) => each.name.toLowerCase() === wanted);
      if (!key)
        return notFound(`Microsoft.KeyVault/vaults/${vault.name}/keys/${params.keyName ?? ''}`, group);
      return { body: armKey(owner.subscriptionId, vault, key) };
    },
  },
  locations: (owner) => owner.keyVaults.map((vault) => vault.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // A few vaults per subscription (one per five resources of the size knob), 0–3 keys each.
    return {
      keyVaults: Array.from({ length: Math.ceil(count / 5) }, (_, i) => ({
        name: `g${tag}kv${index}x${i}`.slice(0, 24),
        resourceGroup: `rg-generated-${i % 10}`,
        location: pick(generatedLocations),
        tags: chance(0.4) ? { phi: 'true' } : {},
        softDeleteRetentionInDays: chance(0.7) ? 90 : pick([7, 14, 30, 60] as const),
        enablePurgeProtection: chance(0.6),
        enableRbacAuthorization: chance(0.7),
        networkDefaultAction: chance(0.5) ? ('Deny' as const) : null,
        diagnosticSettings: chance(0.6) ? [{ name: 'kv-audit', categoryGroup: 'audit' as const }] : [],
        secrets: Array.from({ length: Math.floor(random.next() * 3) }, (_, k) => ({
          name: `secret-${k}`,
          ...(chance(0.5) ? { expiresAt: '2027-03-31T00:00:00Z' } : {}),
        })),
        keys: Array.from({ length: Math.floor(random.next() * 4) }, (_, k) => ({
          name: `key-${k}`,
          kty: pick(['RSA', 'RSA-HSM', 'EC'] as const),
          ...(chance(0.6) ? { expiresAt: '2027-06-30T00:00:00Z' } : {}),
          ...(chance(0.5)
            ? {
                rotationPolicy: {
                  lifetimeActions: [
                    { type: 'Rotate' as const, timeAfterCreate: pick(['P90D', 'P180D', 'P1Y'] as const) },
                    { type: 'Notify' as const, timeBeforeExpiry: 'P30D' },
                  ],
                  expiryTime: 'P1Y',
                },
              }
            : {}),
        })),
      })),
    };
  },
};
