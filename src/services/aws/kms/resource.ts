import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.kms.key'; nativeId = the key ARN; name = the key id (stable: it never depends
 * on a call that may be refused, so a refused ListAliases changes no finding). A property that
 * could not be collected is absent: rules report it as "not assessed", never as pass or fail.
 */
export const keySchema = z.object({
  keyId: z.string(),
  /** ListAliases: the aliases pointing at this key (alias/nwv-checkout-orders). Absent when ListAliases failed. */
  aliases: z.array(z.string()).optional(),
  /** DescribeKey's KeyMetadata, the fields the rules read; each may be null when AWS left it out. */
  metadata: z
    .object({
      /** 'CUSTOMER' | 'AWS' */
      keyManager: z.string().nullable(),
      /** 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingReplicaDeletion' | 'PendingImport' | 'Unavailable' | 'Creating' | 'Updating' */
      keyState: z.string().nullable(),
      enabled: z.boolean().nullable(),
      /** 'SYMMETRIC_DEFAULT' | 'RSA_2048' | 'ECC_NIST_P256' | 'HMAC_256' | … */
      keySpec: z.string().nullable(),
      /** 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT' */
      keyUsage: z.string().nullable(),
      /** 'AWS_KMS' | 'EXTERNAL' (imported material) | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE' */
      origin: z.string().nullable(),
      customKeyStoreId: z.string().nullable(),
      multiRegion: z.boolean().nullable(),
      /** ISO timestamp; present only in KeyState PendingDeletion */
      deletionDate: z.string().nullable(),
      /** Present only in KeyState PendingReplicaDeletion (a multi-Region primary waiting for its replicas) */
      pendingDeletionWindowInDays: z.number().nullable(),
      creationDate: z.string().nullable(),
      description: z.string().nullable(),
    })
    .optional(),
  /**
   * GetKeyRotationStatus, asked only of keys that can rotate automatically (customer managed,
   * symmetric, KMS-generated material, not in a custom key store, not pending deletion).
   */
  rotation: z
    .object({
      enabled: z.boolean(),
      rotationPeriodInDays: z.number().nullable(),
      nextRotationDate: z.string().nullable(),
    })
    .optional(),
  /** GetKeyPolicy (policy name 'default', the only one KMS has). */
  policy: z
    .object({
      /** False when the answer was not a JSON policy: the text is kept, nothing is claimed from it. */
      parsed: z.boolean(),
      /** Allow statements to Principal "*" (or {"AWS":"*"}) with no Condition, as the policy words them. */
      publicGrants: z.array(
        z.object({
          sid: z.string().nullable(),
          /** The Action (or NotAction) list as written */
          actions: z.array(z.string()),
          /** True when the statement names NotAction: it allows every action except those listed */
          notAction: z.boolean(),
          /** Covers kms:* (or *): full control of the key */
          fullControl: z.boolean(),
          /** Covers a cryptographic use of the key (Decrypt, Encrypt, GenerateDataKey, ReEncrypt, Sign, CreateGrant, …) */
          allowsUse: z.boolean(),
          /** Covers an administrative action (PutKeyPolicy, ScheduleKeyDeletion, DisableKey, …) */
          allowsAdministration: z.boolean(),
        }),
      ),
      document: z.unknown().nullable(),
    })
    .optional(),
  /** False when ListResourceTags failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
});

export type KmsKeyProperties = z.infer<typeof keySchema>;

export const kmsKey = defineResourceType('aws.kms.key', 'KMS key', keySchema);
