import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** resource.type 'azure.keyvault.vault'; nativeId = ARM resource id; region = location */
export const vaultSchema = z.object({
  resourceGroup: z.string(),
  /** 'standard' | 'premium' */
  skuName: z.string(),
  /**
   * properties.enableSoftDelete as ARM reports it; null when ARM omits it. Soft delete has been
   * the default since 2019 and mandatory on every vault since February 2025.
   */
  enableSoftDelete: z.boolean().nullable(),
  /** properties.softDeleteRetentionInDays, 7–90; ARM's default 90 when the vault omits it */
  softDeleteRetentionInDays: z.number().int(),
  /** properties.enablePurgeProtection; ARM omits it until it is turned on (it cannot be turned off) */
  purgeProtection: z.boolean(),
  /** properties.enableRbacAuthorization, when ARM reports it */
  enableRbacAuthorization: z.boolean().optional(),
  /** 'Enabled' | 'Disabled', when ARM reports it */
  publicNetworkAccess: z.string().optional(),
  /**
   * properties.networkAcls.defaultAction ('Allow' | 'Deny'); null when the vault reports no
   * networkAcls (no firewall: every network may connect). Absent in workspaces collected before.
   */
  networkDefaultAction: z.string().nullable().optional(),
  /** IP and virtual-network rules of networkAcls, counted */
  networkRuleCount: z.number().int().optional(),
  /** Diagnostic settings on the vault (DiagnosticSettings_List); absent when the read failed */
  diagnostics: z
    .object({
      settings: z.array(
        z.object({
          name: z.string(),
          /** Whether the setting exports AuditEvent (by category, or by the audit / allLogs group) */
          auditEvent: z.boolean(),
          destinations: z.array(z.string()),
        }),
      ),
    })
    .optional(),
});

export type VaultProperties = z.infer<typeof vaultSchema>;

/** One lifetime action of a key rotation policy, as ARM sends it (action type compared case-insensitively). */
export const lifetimeActionSchema = z.object({
  /** 'Rotate' | 'Notify' (2023-07-01); 'rotate' | 'notify' in later specs */
  type: z.string(),
  /** ISO 8601 duration after creation, e.g. 'P90D' */
  timeAfterCreate: z.string().nullable(),
  /** ISO 8601 duration before expiry, e.g. 'P30D' */
  timeBeforeExpiry: z.string().nullable(),
});

export const rotationPolicySchema = z.object({
  lifetimeActions: z.array(lifetimeActionSchema),
  /** attributes.expiryTime: the expiry a rotated version gets, e.g. 'P1Y' */
  expiryTime: z.string().nullable(),
});

export type RotationPolicy = z.infer<typeof rotationPolicySchema>;

/** resource.type 'azure.keyvault.key'; nativeId = ARM key resource id; region = the vault's location */
export const keySchema = z.object({
  vaultName: z.string(),
  vaultId: z.string(),
  resourceGroup: z.string(),
  /** attributes.enabled, when reported */
  enabled: z.boolean().optional(),
  /** kty ('RSA', 'RSA-HSM', 'EC', 'EC-HSM'); Keys_Get only */
  keyType: z.string().optional(),
  /** attributes.exp as an ISO time; null when the key has no expiry date */
  expiresOn: z.string().nullable(),
  /** attributes.created as an ISO time, when reported */
  createdOn: z.string().optional(),
  /**
   * properties.rotationPolicy from Keys_Get; null when Keys_Get answered without one ("omitted if
   * empty"). Absent when Keys_Get failed or its api-version predates the field (before 2022-07-01).
   */
  rotationPolicy: rotationPolicySchema.nullable().optional(),
  /** Tag keys copied from the vault (see normalizeKey): the key's own tags win */
  inheritedTagKeys: z.array(z.string()),
});

export type KeyProperties = z.infer<typeof keySchema>;

/**
 * resource.type 'azure.keyvault.secret' (Secrets_List through ARM: attributes only, never a value);
 * nativeId = ARM secret resource id; region = the vault's location
 */
export const secretSchema = z.object({
  vaultName: z.string(),
  vaultId: z.string(),
  resourceGroup: z.string(),
  /** attributes.enabled, when reported */
  enabled: z.boolean().optional(),
  /** attributes.exp as an ISO time; null when the secret has no expiry date (ARM omits exp) */
  expiresOn: z.string().nullable(),
  /** attributes.created as an ISO time, when reported */
  createdOn: z.string().optional(),
  /** contentType, when set */
  contentType: z.string().optional(),
  /** Tag keys copied from the vault: the secret's own tags win */
  inheritedTagKeys: z.array(z.string()),
});

export type SecretProperties = z.infer<typeof secretSchema>;

export const keyVault = defineResourceType('azure.keyvault.vault', 'Key vault', vaultSchema);
export const keyVaultKey = defineResourceType('azure.keyvault.key', 'Key Vault key', keySchema);
export const keyVaultSecret = defineResourceType('azure.keyvault.secret', 'Key Vault secret', secretSchema);
