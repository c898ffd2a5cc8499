import { KMSServiceException } from '@aws-sdk/client-kms';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * KMS in a scenario: each account's keys, per region. Answers follow the KMS API reference:
 * ListKeys (Limit 1–1000, default 100), ListAliases (1–100, default 50) and ListResourceTags
 * (1–50, default 50) page with Marker / NextMarker / Truncated; DeletionDate appears only in
 * PendingDeletion; GetKeyRotationStatus answers false while a key is pending deletion and refuses
 * keys that cannot rotate automatically; tags are TagKey / TagValue.
 */

const keyId = z
  .string()
  .regex(
    /^(mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/,
    'must be a KMS key id (a UUID, or mrk- and 32 hex digits for a multi-Region key)',
  );

const keySpecs = [
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'RSA_3072',
  'RSA_4096',
  'ECC_NIST_P256',
  'ECC_NIST_P384',
  'ECC_NIST_P521',
  'ECC_SECG_P256K1',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
] as const;

const scenarioKey = z.strictObject({
  id: keyId,
  region: awsRegion,
  /** Alias names pointing at the key ('alias/nwv-checkout-orders'; AWS managed keys 'alias/aws/<service>') */
  aliases: z
    .array(
      z.string().regex(/^alias\/[a-zA-Z0-9/_-]{1,250}$/, 'must be an alias name such as alias/nwv-orders'),
    )
    .default([]),
  description: z.string().max(8192).default(''),
  manager: z.enum(['CUSTOMER', 'AWS']).default('CUSTOMER'),
  spec: z.enum(keySpecs).default('SYMMETRIC_DEFAULT'),
  /** Default from the spec: ENCRYPT_DECRYPT for symmetric and RSA, SIGN_VERIFY for ECC, GENERATE_VERIFY_MAC for HMAC */
  usage: z.enum(['ENCRYPT_DECRYPT', 'SIGN_VERIFY', 'GENERATE_VERIFY_MAC', 'KEY_AGREEMENT']).optional(),
  origin: z.enum(['AWS_KMS', 'EXTERNAL', 'AWS_CLOUDHSM', 'EXTERNAL_KEY_STORE']).default('AWS_KMS'),
  /** Required for origin AWS_CLOUDHSM and EXTERNAL_KEY_STORE */
  customKeyStoreId: z
    .string()
    .regex(/^cks-[0-9a-f]{17}$/, 'must be a custom key store id such as cks-1234567890abcdef0')
    .optional(),
  state: z
    .enum([
      'Enabled',
      'Disabled',
      'PendingDeletion',
      'PendingReplicaDeletion',
      'PendingImport',
      'Unavailable',
    ])
    .default('Enabled'),
  /** Required in state PendingDeletion */
  deletionDate: isoTime.optional(),
  /** Required in state PendingReplicaDeletion (7–30 days) */
  pendingWindowInDays: z.number().int().min(7).max(30).optional(),
  multiRegion: z.boolean().default(false),
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  /** Automatic rotation of a customer managed symmetric key */
  rotation: z
    .strictObject({
      enabled: z.boolean(),
      periodInDays: z.number().int().min(90).max(2560).default(365),
      nextRotationDate: isoTime.optional(),
    })
    .default({ enabled: false, periodInDays: 365 }),
  tags: scenarioTags.default({}),
  /** The key policy document; null = the default key policy (account root gets kms:*) */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .nullable()
    .default(null),
});

const account = { kmsKeys: z.array(scenarioKey).default([]) };
const organisation = {};

type ScenarioKey = z.output<typeof scenarioKey>;

interface KmsWorld {
  /** Every key of the scenario by id, with its owner */
  keys: ReadonlyMap<string, { key: ScenarioKey; accountId: string; partition: string }>;
}

type Call = AwsSimCallFor<typeof account, typeof organisation, KmsWorld>;

const kmsError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(KMSServiceException, name, httpStatusCode, message);

const keyArn = (partition: string, region: string, accountId: string, id: string) =>
  `arn:${partition}:kms:${region}:${accountId}:key/${id}`;

/** AWS predefines these aliases in every account and region; until a service first uses KMS they have no TargetKeyId. */
const predefinedAliases = [
  'alias/aws/dynamodb',
  'alias/aws/ebs',
  'alias/aws/rds',
  'alias/aws/s3',
  'alias/aws/secretsmanager',
];

function usageOf(key: ScenarioKey): string {
  if (key.usage) return key.usage;
  if (key.spec.startsWith('ECC_')) return 'SIGN_VERIFY';
  if (key.spec.startsWith('HMAC_')) return 'GENERATE_VERIFY_MAC';
  return 'ENCRYPT_DECRYPT';
}

function validationError(field: string, value: unknown, constraint: string): Error {
  return kmsError(
    'ValidationException',
    400,
    `1 validation error detected: Value '${String(value)}' at '${field}' failed to satisfy constraint: ${constraint}`,
  );
}

/** The page size a KMS list answers: the caller's Limit within the API's range, else its default; the scenario's cap wins if smaller. */
function limitOf(call: Call, max: number, fallback: number): number {
  const limit = call.input.Limit;
  if (limit === undefined) return Math.min(fallback, call.pageSize);
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1)
    throw validationError('limit', limit, 'Member must have value greater than or equal to 1');
  if (limit > max)
    throw validationError('limit', limit, `Member must have value less than or equal to ${max}`);
  return Math.min(limit, call.pageSize);
}

const invalidMarker = () =>
  kmsError(
    'InvalidMarkerException',
    400,
    'The request was rejected because the marker that specifies where pagination should next begin is not valid.',
  );

function page<T>(items: readonly T[], call: Call, max: number, fallback: number) {
  const { page: slice, next } = awsPage(
    items,
    call.input.Marker,
    limitOf(call, max, fallback),
    invalidMarker,
  );
  return { slice, extra: next ? { NextMarker: next, Truncated: true } : { Truncated: false } };
}

function keysHere(call: Call): ScenarioKey[] {
  return call.account.kmsKeys
    .filter((key) => key.region === call.region)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/**
 * Resolves a KeyId (key id or key ARN; an alias name or ARN where the operation takes one) to a key
 * of the calling account in the called region, answering as KMS does otherwise.
 */
function resolveKey(call: Call, { aliases }: { aliases: boolean }): ScenarioKey {
  const raw = typeof call.input.KeyId === 'string' ? call.input.KeyId : '';
  const partition = call.account.partition;
  const arn = /^arn:[a-z-]+:kms:([a-z0-9-]+):(\d{12}):(key|alias)\/(.+)$/.exec(raw);
  let id = raw;
  if (arn) {
    const [, region, owner, kind, rest] = arn as unknown as [string, string, string, string, string];
    if (owner !== call.account.accountId) {
      throw kmsError(
        'AccessDeniedException',
        400,
        `User: arn:${partition}:sts::${call.account.accountId}:assumed-role/PhiAuditDeskReadOnly/phi-audit-desk is not authorized to perform this operation on ${raw} because no resource-based policy allows it`,
      );
    }
    if (region !== call.region) throw kmsError('NotFoundException', 400, `Key '${raw}' does not exist`);
    id = kind === 'alias' ? `alias/${rest}` : rest;
  }
  if (id.startsWith('alias/')) {
    if (!aliases) throw kmsError('NotFoundException', 400, `Invalid keyId '${raw}'`);
    const target = keysHere(call).find((key) => key.aliases.includes(id));
    if (!target)
      throw kmsError(
        'NotFoundException',
        400,
        `Alias '${keyArn(partition, call.region, call.account.accountId, id).replace(':key/', ':')}' is not found.`,
      );
    return target;
  }
  const owned = call.state.keys.get(id);
  if (owned && owned.accountId !== call.account.accountId) {
    // A bare key id is looked up in the caller's own account only.
    throw kmsError(
      'NotFoundException',
      400,
      `Key '${keyArn(partition, call.region, call.account.accountId, id)}' does not exist`,
    );
  }
  if (!owned || owned.key.region !== call.region)
    throw kmsError(
      'NotFoundException',
      400,
      `Key '${keyArn(partition, call.region, call.account.accountId, id)}' does not exist`,
    );
  return owned.key;
}

function algorithms(key: ScenarioKey): object {
  if (key.spec === 'SYMMETRIC_DEFAULT') return { EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'] };
  if (key.spec.startsWith('HMAC_')) return { MacAlgorithms: [`HMAC_SHA_${key.spec.slice(5)}`] };
  if (key.spec.startsWith('RSA_'))
    return usageOf(key) === 'SIGN_VERIFY'
      ? { SigningAlgorithms: ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'] }
      : { EncryptionAlgorithms: ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'] };
  return { SigningAlgorithms: ['ECDSA_SHA_256'] };
}

function describeKey(call: Call): object {
  const key = resolveKey(call, { aliases: true });
  const { accountId, partition } = call.account;
  const arn = keyArn(partition, key.region, accountId, key.id);
  return {
    KeyMetadata: {
      AWSAccountId: accountId,
      KeyId: key.id,
      Arn: arn,
      CreationDate: new Date(key.createdAt),
      Enabled: key.state === 'Enabled',
      Description: key.description,
      KeyUsage: usageOf(key),
      KeyState: key.state,
      ...(key.state === 'PendingDeletion' && key.deletionDate
        ? { DeletionDate: new Date(key.deletionDate) }
        : {}),
      ...(key.state === 'PendingReplicaDeletion'
        ? { PendingDeletionWindowInDays: key.pendingWindowInDays }
        : {}),
      Origin: key.origin,
      ...(key.customKeyStoreId ? { CustomKeyStoreId: key.customKeyStoreId } : {}),
      ...(key.origin === 'EXTERNAL' ? { ExpirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' } : {}),
      KeyManager: key.manager,
      CustomerMasterKeySpec: key.spec,
      KeySpec: key.spec,
      ...algorithms(key),
      MultiRegion: key.multiRegion,
      ...(key.multiRegion
        ? {
            MultiRegionConfiguration: {
              MultiRegionKeyType: 'PRIMARY',
              PrimaryKey: { Arn: arn, Region: key.region },
              ReplicaKeys: [],
            },
          }
        : {}),
    },
  };
}

function rotationStatus(call: Call): object {
  // GetKeyRotationStatus takes a key id or key ARN, not an alias.
  const key = resolveKey(call, { aliases: false });
  const arn = keyArn(call.account.partition, key.region, call.account.accountId, key.id);
  if (key.manager === 'AWS') {
    return {
      KeyId: arn,
      KeyRotationEnabled: true,
      RotationPeriodInDays: 365,
      NextRotationDate: nextRotation(key, 365),
    };
  }
  if (key.spec !== 'SYMMETRIC_DEFAULT' || usageOf(key) !== 'ENCRYPT_DECRYPT')
    throw kmsError(
      'UnsupportedOperationException',
      400,
      'You cannot perform this operation on a non-symmetric key or a key with non-ENCRYPT_DECRYPT key usage.',
    );
  if (key.origin !== 'AWS_KMS')
    throw kmsError(
      'UnsupportedOperationException',
      400,
      `${arn} origin is ${key.origin} which is not valid for this operation.`,
    );
  // While a key is pending deletion KMS reports rotation off; cancelling restores the setting.
  if (key.state === 'PendingDeletion' || key.state === 'PendingReplicaDeletion' || !key.rotation.enabled)
    return { KeyId: arn, KeyRotationEnabled: false };
  return {
    KeyId: arn,
    KeyRotationEnabled: true,
    RotationPeriodInDays: key.rotation.periodInDays,
    NextRotationDate: key.rotation.nextRotationDate
      ? new Date(key.rotation.nextRotationDate)
      : nextRotation(key, key.rotation.periodInDays),
  };
}

/** The first rotation date after 2026-12-01 on the key's schedule: deterministic, as scenarios must be. */
function nextRotation(key: ScenarioKey, periodInDays: number): Date {
  const day = 86_400_000;
  const created = new Date(key.createdAt).getTime();
  const reference = Date.parse('2026-12-01T00:00:00Z');
  const periods = Math.max(1, Math.ceil((reference - created) / (periodInDays * day)));
  return new Date(created + periods * periodInDays * day);
}

function defaultPolicy(key: ScenarioKey, accountId: string, partition: string): object {
  if (key.manager === 'AWS') {
    const service = key.aliases[0]?.split('/')[2] ?? 's3';
    return {
      Version: '2012-10-17',
      Id: `auto-${service}-2`,
      Statement: [
        {
          Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: [
            'kms:Encrypt',
            'kms:Decrypt',
            'kms:ReEncrypt*',
            'kms:GenerateDataKey*',
            'kms:CreateGrant',
            'kms:DescribeKey',
          ],
          Resource: '*',
          Condition: {
            StringEquals: {
              'kms:CallerAccount': accountId,
              'kms:ViaService': `${service}.${key.region}.amazonaws.com`,
            },
          },
        },
        {
          Sid: 'Allow direct access to key metadata to the account',
          Effect: 'Allow',
          Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
          Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
          Resource: '*',
        },
      ],
    };
  }
  return {
    Version: '2012-10-17',
    Id: 'key-default-1',
    Statement: [
      {
        Sid: 'Enable IAM User Permissions',
        Effect: 'Allow',
        Principal: { AWS: `arn:${partition}:iam::${accountId}:root` },
        Action: 'kms:*',
        Resource: '*',
      },
    ],
  };
}

function keyPolicy(call: Call): object {
  const key = resolveKey(call, { aliases: false });
  const name = call.input.PolicyName;
  // 'default' is the only key policy name; the parameter is optional.
  if (name !== undefined && name !== 'default')
    throw kmsError('NotFoundException', 400, 'No such policy exists');
  const policy = key.policy ?? defaultPolicy(key, call.account.accountId, call.account.partition);
  return { Policy: JSON.stringify(policy, null, 2), PolicyName: 'default' };
}

function resourceTags(call: Call): object {
  const key = resolveKey(call, { aliases: false });
  const tags = Object.entries(key.tags).map(([TagKey, TagValue]) => ({ TagKey, TagValue }));
  const { slice, extra } = page(tags, call, 50, 50);
  return { Tags: slice, ...extra };
}

function listKeys(call: Call): object {
  const { accountId, partition } = call.account;
  const { slice, extra } = page(keysHere(call), call, 1000, 100);
  return {
    Keys: slice.map((key) => ({ KeyId: key.id, KeyArn: keyArn(partition, key.region, accountId, key.id) })),
    ...extra,
  };
}

function listAliases(call: Call): object {
  const { accountId, partition } = call.account;
  const keys = keysHere(call);
  const filter = call.input.KeyId === undefined ? undefined : resolveKey(call, { aliases: false });
  const aliasArn = (name: string) => `arn:${partition}:kms:${call.region}:${accountId}:${name}`;
  const attached = keys
    .filter((key) => !filter || key.id === filter.id)
    .flatMap((key) =>
      key.aliases.map((name) => ({
        AliasName: name,
        AliasArn: aliasArn(name),
        TargetKeyId: key.id,
        CreationDate: new Date(key.createdAt),
        LastUpdatedDate: new Date(key.createdAt),
      })),
    );
  const taken = new Set(keys.flatMap((key) => key.aliases));
  const predefined = filter
    ? []
    : predefinedAliases
        .filter((name) => !taken.has(name))
        .map((name) => ({ AliasName: name, AliasArn: aliasArn(name) }));
  const all = [...attached, ...predefined].sort((a, b) => a.AliasName.localeCompare(b.AliasName));
  const { slice, extra } = page(all, call, 100, 50);
  return { Aliases: slice, ...extra };
}

function kmsState(scenario: ScenarioBase): KmsWorld {
  const keys = new Map<string, { key: ScenarioKey; accountId: string; partition: string }>();
  for (const each of scenario.aws.accounts)
    for (const key of each.kmsKeys as ScenarioKey[])
      keys.set(key.id, { key, accountId: each.accountId, partition: each.partition });
  return { keys };
}

function checkKeys(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const ids = new Map<string, string>();
  scenario.aws.accounts.forEach((each, a) => {
    const aliases = new Map<string, string>();
    (each.kmsKeys as ScenarioKey[]).forEach((key, k) => {
      const path = ['aws', 'accounts', a, 'kmsKeys', k];
      const where = `aws.accounts[${a}].kmsKeys[${k}]`;
      if (!each.regions.includes(key.region))
        issue(
          [...path, 'region'],
          `${key.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const previous = ids.get(key.id);
      // Key ids are unique across AWS.
      if (previous) issue([...path, 'id'], `key id ${key.id} is already used at ${previous}`);
      ids.set(key.id, where);
      if (key.id.startsWith('mrk-') !== key.multiRegion)
        issue([...path, 'id'], 'multi-Region keys, and only they, have ids starting with mrk-');
      key.aliases.forEach((alias, n) => {
        const scoped = `${key.region}|${alias}`;
        const other = aliases.get(scoped);
        if (other)
          issue([...path, 'aliases', n], `alias ${alias} already points at ${other} in ${key.region}`);
        aliases.set(scoped, where);
        if (alias.startsWith('alias/aws/') !== (key.manager === 'AWS'))
          issue(
            [...path, 'aliases', n],
            'alias/aws/ names belong to AWS managed keys, and AWS managed keys have only those',
          );
      });
      if (key.state === 'PendingDeletion' && !key.deletionDate)
        issue([...path, 'deletionDate'], 'a key in state PendingDeletion needs its deletionDate');
      if (key.state !== 'PendingDeletion' && key.deletionDate)
        issue([...path, 'deletionDate'], 'only a key in state PendingDeletion has a deletionDate');
      if (
        key.state === 'PendingReplicaDeletion' &&
        (!key.multiRegion || key.pendingWindowInDays === undefined)
      )
        issue(
          [...path, 'pendingWindowInDays'],
          'PendingReplicaDeletion applies to multi-Region primary keys and needs pendingWindowInDays',
        );
      if (key.manager === 'AWS' && (key.state.startsWith('Pending') || key.state === 'Disabled'))
        issue([...path, 'state'], 'AWS managed keys cannot be disabled or scheduled for deletion');
      if (key.manager === 'AWS' && (key.spec !== 'SYMMETRIC_DEFAULT' || key.origin !== 'AWS_KMS'))
        issue([...path, 'spec'], 'AWS managed keys are symmetric keys with KMS-generated material');
      const inCustomStore = key.origin === 'AWS_CLOUDHSM' || key.origin === 'EXTERNAL_KEY_STORE';
      if (inCustomStore !== (key.customKeyStoreId !== undefined))
        issue(
          [...path, 'customKeyStoreId'],
          'origin AWS_CLOUDHSM or EXTERNAL_KEY_STORE needs a customKeyStoreId, and only they have one',
        );
      if (key.state === 'PendingImport' && key.origin !== 'EXTERNAL')
        issue([...path, 'state'], 'only keys with imported material (origin EXTERNAL) can be PendingImport');
      if (key.state === 'Unavailable' && !inCustomStore)
        issue([...path, 'state'], 'only keys in a custom key store can be Unavailable');
      const canRotate =
        key.manager === 'CUSTOMER' && key.spec === 'SYMMETRIC_DEFAULT' && key.origin === 'AWS_KMS';
      if (key.rotation.enabled && !canRotate)
        issue(
          [...path, 'rotation', 'enabled'],
          'automatic rotation exists only for customer managed symmetric keys with KMS-generated material',
        );
      if (key.manager === 'AWS' && Object.keys(key.tags).length > 0)
        issue([...path, 'tags'], 'AWS managed keys cannot be tagged');
    });
  });
}

export const kmsSim: AwsServiceSim<typeof account, typeof organisation, KmsWorld> = {
  account,
  organisation,
  state: kmsState,
  check: checkKeys,
  error: kmsError,
  answers: {
    ListKeys: listKeys,
    ListAliases: listAliases,
    DescribeKey: describeKey,
    ListResourceTags: resourceTags,
    GetKeyPolicy: keyPolicy,
    GetKeyRotationStatus: rotationStatus,
  },
  demo,
  generate({ index, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    const apps = ['checkout-orders', 'support-tickets', 'telemetry', 'analytics', 'subscriptions'];
    const kmsKeys = regions.flatMap((region) => {
      const customer = Array.from({ length: Math.max(1, Math.ceil(perRegion / 2)) }, (_, k) => {
        const app = pick(apps);
        const phi = chance(0.4);
        const asymmetric = chance(0.1);
        const pendingDeletion = chance(0.05);
        return {
          id: uuid(),
          region,
          aliases: [`alias/gen-a${index}-${app}-${k}`],
          description: `Generated ${app} key`,
          ...(asymmetric ? { spec: 'RSA_2048' as const, usage: 'SIGN_VERIFY' as const } : {}),
          ...(pendingDeletion
            ? { state: 'PendingDeletion' as const, deletionDate: '2026-12-24T00:00:00Z' }
            : {}),
          rotation: { enabled: !asymmetric && chance(0.7), periodInDays: 365 },
          tags: chance(0.15) ? {} : { app, ...(phi ? { phi: 'true' } : {}) },
          policy: chance(0.05)
            ? {
                Version: '2012-10-17',
                Statement: [
                  { Sid: 'Open', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'kms:*', Resource: '*' },
                ],
              }
            : null,
        };
      });
      const managed = {
        id: uuid(),
        region,
        aliases: ['alias/aws/s3'],
        manager: 'AWS' as const,
        description: 'Default key that protects my S3 objects when no other key is defined',
      };
      return [...customer, managed];
    });
    return { kmsKeys };
  },
};
