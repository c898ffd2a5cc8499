import type {
  AliasListEntry,
  GetKeyRotationStatusCommandOutput,
  KeyMetadata,
  Tag,
} from '@aws-sdk/client-kms';
import { hasPolicyCondition, isEveryonePrincipal, policyList } from '../../../kit';
import type { KmsKeyProperties } from './resource';

/** Pure conversions from KMS API answers to KmsKeyProperties, kept apart from the calls so they can be tested on plain objects. */

type Metadata = NonNullable<KmsKeyProperties['metadata']>;
type Policy = NonNullable<KmsKeyProperties['policy']>;
type PublicGrant = Policy['publicGrants'][number];

export function kmsKeyArn(partition: string, region: string, accountId: string, keyId: string): string {
  return `arn:${partition}:kms:${region}:${accountId}:key/${keyId}`;
}

const isoOrNull = (value: Date | undefined | null): string | null =>
  value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString() : null;

/**
 * ListAliases → key id → alias names. Aliases AWS predefines but has not yet attached to a key
 * (alias/aws/ebs in a fresh account) have no TargetKeyId and are skipped.
 */
export function aliasesByKey(entries: readonly AliasListEntry[]): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const entry of entries) {
    if (!entry.TargetKeyId || !entry.AliasName) continue;
    byKey.set(entry.TargetKeyId, [...(byKey.get(entry.TargetKeyId) ?? []), entry.AliasName]);
  }
  for (const names of byKey.values()) names.sort();
  return byKey;
}

/** DescribeKey's KeyMetadata → the facts the rules read. Every field but KeyId is optional in the API. */
export function metadataFrom(metadata: KeyMetadata | undefined): Metadata | undefined {
  if (!metadata) return undefined;
  return {
    keyManager: metadata.KeyManager ?? null,
    keyState: metadata.KeyState ?? null,
    enabled: typeof metadata.Enabled === 'boolean' ? metadata.Enabled : null,
    // CustomerMasterKeySpec is the deprecated twin of KeySpec; older answers may carry only it.
    keySpec: metadata.KeySpec ?? metadata.CustomerMasterKeySpec ?? null,
    keyUsage: metadata.KeyUsage ?? null,
    origin: metadata.Origin ?? null,
    customKeyStoreId: metadata.CustomKeyStoreId ?? null,
    multiRegion: typeof metadata.MultiRegion === 'boolean' ? metadata.MultiRegion : null,
    deletionDate: isoOrNull(metadata.DeletionDate),
    pendingDeletionWindowInDays:
      typeof metadata.PendingDeletionWindowInDays === 'number' ? metadata.PendingDeletionWindowInDays : null,
    creationDate: isoOrNull(metadata.CreationDate),
    description: metadata.Description ? metadata.Description : null,
  };
}

export const PENDING_DELETION_STATES: readonly string[] = ['PendingDeletion', 'PendingReplicaDeletion'];

/**
 * Why KMS cannot rotate this key automatically, or null when it can. Automatic rotation exists
 * only for symmetric encryption keys with KMS-generated material outside custom key stores; AWS
 * rotates AWS managed keys itself every year.
 */
export function automaticRotationBlocker(
  metadata: Pick<Metadata, 'keyManager' | 'keySpec' | 'origin' | 'customKeyStoreId'>,
): { kind: 'aws-managed' | 'key-type' | 'imported' | 'custom-key-store'; text: string } | null {
  if (metadata.keyManager === 'AWS')
    return {
      kind: 'aws-managed',
      text: 'it is an AWS managed key, whose key material AWS rotates every year',
    };
  if (metadata.keySpec && metadata.keySpec !== 'SYMMETRIC_DEFAULT') {
    const what = metadata.keySpec.startsWith('HMAC_') ? 'an HMAC key' : 'an asymmetric key';
    return { kind: 'key-type', text: `it is ${what} (KeySpec ${metadata.keySpec})` };
  }
  if (
    metadata.customKeyStoreId ||
    metadata.origin === 'AWS_CLOUDHSM' ||
    metadata.origin === 'EXTERNAL_KEY_STORE'
  )
    return {
      kind: 'custom-key-store',
      text: `it lives in a custom key store${metadata.customKeyStoreId ? ` (${metadata.customKeyStoreId})` : ''}`,
    };
  if (metadata.origin === 'EXTERNAL')
    return { kind: 'imported', text: 'its key material is imported (Origin EXTERNAL)' };
  return null;
}

/** Whether the collector should ask GetKeyRotationStatus: only where the answer means something. */
export function shouldAskRotation(metadata: Metadata | undefined): boolean {
  if (!metadata) return false;
  if (metadata.keyState && PENDING_DELETION_STATES.includes(metadata.keyState)) return false;
  return automaticRotationBlocker(metadata) === null;
}

export function rotationFrom(
  output: Pick<
    GetKeyRotationStatusCommandOutput,
    'KeyRotationEnabled' | 'RotationPeriodInDays' | 'NextRotationDate'
  >,
): NonNullable<KmsKeyProperties['rotation']> {
  return {
    enabled: output.KeyRotationEnabled === true,
    rotationPeriodInDays:
      typeof output.RotationPeriodInDays === 'number' ? output.RotationPeriodInDays : null,
    nextRotationDate: isoOrNull(output.NextRotationDate),
  };
}

/** ListResourceTags' TagKey/TagValue pairs (not Key/Value, as most services spell them). */
export function tagsFromKmsTags(tags: readonly Tag[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.TagKey !== undefined) result[tag.TagKey] = tag.TagValue ?? '';
  return result;
}

/** Cryptographic operations, and CreateGrant (a grant hands them on). */
const useActions = [
  'kms:Encrypt',
  'kms:Decrypt',
  'kms:ReEncryptFrom',
  'kms:ReEncryptTo',
  'kms:GenerateDataKey',
  'kms:GenerateDataKeyWithoutPlaintext',
  'kms:GenerateDataKeyPair',
  'kms:GenerateDataKeyPairWithoutPlaintext',
  'kms:Sign',
  'kms:Verify',
  'kms:GenerateMac',
  'kms:VerifyMac',
  'kms:DeriveSharedSecret',
  'kms:CreateGrant',
];

/** Actions that change who may use the key, or destroy or disable it. */
const administrationActions = [
  'kms:PutKeyPolicy',
  'kms:ScheduleKeyDeletion',
  'kms:DisableKey',
  'kms:DeleteImportedKeyMaterial',
  'kms:DisableKeyRotation',
  'kms:UpdateAlias',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:TagResource',
  'kms:UntagResource',
];

/** IAM action patterns are case-insensitive and take * and ? wildcards. */
function actionPattern(pattern: string): RegExp {
  const source = pattern
    .split('')
    .map((char) => (char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`, 'i');
}

function covers(patterns: readonly string[], actions: readonly string[]): boolean {
  const compiled = patterns.map(actionPattern);
  return actions.some((action) => compiled.some((pattern) => pattern.test(action)));
}

function publicGrantOf(statement: Record<string, unknown>): PublicGrant | null {
  if (
    statement.Effect !== 'Allow' ||
    !isEveryonePrincipal(statement.Principal) ||
    hasPolicyCondition(statement.Condition)
  )
    return null;
  const notAction = statement.NotAction !== undefined;
  const written = policyList(notAction ? statement.NotAction : statement.Action).filter(
    (each): each is string => typeof each === 'string',
  );
  if (notAction) {
    // Allow + NotAction grants everything the list does not name.
    const excluded = written;
    const remaining = (actions: readonly string[]) => actions.filter((action) => !covers(excluded, [action]));
    return {
      sid: typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null,
      actions: written,
      notAction: true,
      fullControl: excluded.length === 0,
      allowsUse: remaining(useActions).length > 0,
      allowsAdministration: remaining(administrationActions).length > 0,
    };
  }
  if (written.length === 0) return null;
  return {
    sid: typeof statement.Sid === 'string' && statement.Sid !== '' ? statement.Sid : null,
    actions: written,
    notAction: false,
    fullControl: written.some((each) => each === '*' || /^kms:\*$/i.test(each)),
    allowsUse: covers(written, useActions),
    allowsAdministration: covers(written, administrationActions),
  };
}

/** GetKeyPolicy's JSON text → the unconditioned grants to everyone, as the policy words them. */
export function policyFrom(policyText: string | undefined): Policy {
  if (!policyText) return { parsed: false, publicGrants: [], document: null };
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    // KMS validates key policies on write, so this is a corrupt answer: keep the text, claim nothing.
    return { parsed: false, publicGrants: [], document: policyText };
  }
  if (typeof document !== 'object' || document === null) return { parsed: false, publicGrants: [], document };
  const statements = policyList((document as { Statement?: unknown }).Statement).filter(
    (each): each is Record<string, unknown> => typeof each === 'object' && each !== null,
  );
  const publicGrants = statements.flatMap((statement) => {
    const grant = publicGrantOf(statement);
    return grant ? [grant] : [];
  });
  return { parsed: true, publicGrants, document };
}
