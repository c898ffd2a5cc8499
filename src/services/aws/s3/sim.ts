import { createHash } from 'node:crypto';
import { NoSuchBucket, S3ServiceException } from '@aws-sdk/client-s3';
import { z } from 'zod';
import {
  awsRegion,
  awsServiceError,
  hasPolicyCondition,
  isEveryonePrincipal,
  isoTime,
  scenarioTags,
  withoutStack,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/** S3 in a scenario: each account's buckets, and buckets outside the scenario's accounts. */

const bucketName = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    'must be an S3 bucket name (3–63 lowercase letters, digits, dots and hyphens)',
  );

const scenarioBucket = z.strictObject({
  name: bucketName,
  region: awsRegion,
  createdAt: isoTime.default('2023-01-15T10:00:00Z'),
  tags: scenarioTags.default({}),
  /** Default encryption; null = none configured (GetBucketEncryption answers ServerSideEncryptionConfigurationNotFoundError) */
  encryption: z
    .strictObject({
      algorithm: z.enum(['AES256', 'aws:kms', 'aws:kms:dsse']),
      kmsKeyId: z.string().min(1).optional(),
      bucketKeyEnabled: z.boolean().default(false),
    })
    .nullable()
    .default(null),
  /** The bucket policy document; null = none (NoSuchBucketPolicy) */
  policy: z
    .looseObject({ Version: z.string().optional(), Statement: z.array(z.looseObject({})).min(1) })
    .nullable()
    .default(null),
  /** null = none configured (NoSuchPublicAccessBlockConfiguration) */
  publicAccessBlock: z
    .strictObject({
      blockPublicAcls: z.boolean(),
      ignorePublicAcls: z.boolean(),
      blockPublicPolicy: z.boolean(),
      restrictPublicBuckets: z.boolean(),
    })
    .nullable()
    .default(null),
  /**
   * ACL grants besides the owner's FULL_CONTROL, to the predefined groups. Empty = the default
   * private ACL (and the only ACL possible under Object Ownership "bucket owner enforced").
   */
  aclGrants: z
    .array(
      z.strictObject({
        group: z.enum(['AllUsers', 'AuthenticatedUsers', 'LogDelivery']),
        permission: z.enum(['READ', 'WRITE', 'READ_ACP', 'WRITE_ACP', 'FULL_CONTROL']),
      }),
    )
    .default([]),
  /** Server access logging; null = disabled */
  logging: z
    .strictObject({ targetBucket: z.string().min(3), targetPrefix: z.string().default('') })
    .nullable()
    .default(null),
  /**
   * Bucket versioning; null = never enabled (GetBucketVersioning answers an empty
   * VersioningConfiguration, no Status), 'Suspended' once enabled and then suspended.
   */
  versioning: z.enum(['Enabled', 'Suspended']).nullable().default(null),
  /** MFA delete; the MFADelete element appears only once it has been configured */
  mfaDelete: z.enum(['Enabled', 'Disabled']).optional(),
  /** null = none (ReplicationConfigurationNotFoundError) */
  replication: z
    .strictObject({
      role: z.string().regex(/^arn:aws(-us-gov)?:iam::\d{12}:role\/.+$/, 'must be an IAM role ARN'),
      rules: z
        .array(
          z.strictObject({
            id: z.string().min(1),
            status: z.enum(['Enabled', 'Disabled']).default('Enabled'),
            /** Destination bucket name or ARN */
            destinationBucket: z.string().min(3),
            storageClass: z.string().optional(),
            /** Destination.Account: the destination bucket's owner, named in cross-account rules */
            account: z
              .string()
              .regex(/^\d{12}$/)
              .optional(),
            /** AccessControlTranslation Owner=Destination: replicas owned by the destination account (needs account) */
            ownerOverride: z.boolean().default(false),
          }),
        )
        .min(1),
    })
    .nullable()
    .default(null),
});

const externalBucket = z.strictObject({
  name: bucketName,
  region: awsRegion,
  /** Owner outside the scenario's accounts (e.g. a vendor's DR account) */
  ownerAccountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
});

const account = { buckets: z.array(scenarioBucket).default([]) };
const organisation = { externalBuckets: z.array(externalBucket).default([]) };

type ScenarioBucket = z.output<typeof scenarioBucket>;

interface S3World {
  /** Every bucket of the scenario's accounts by name, with its owner */
  buckets: ReadonlyMap<string, { bucket: ScenarioBucket; accountId: string }>;
  /** Buckets outside the scenario's accounts (replication targets), name → region */
  external: ReadonlyMap<string, string>;
}

type Call = AwsSimCallFor<typeof account, typeof organisation, S3World>;

const s3Error = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(S3ServiceException, name, httpStatusCode, message);

const noSuchBucket = (name: string) =>
  Object.assign(
    withoutStack(
      () =>
        new NoSuchBucket({
          $metadata: { httpStatusCode: 404, requestId: 'SIMULATED', extendedRequestId: 'SIMULATED' },
          message: 'The specified bucket does not exist',
        }),
    ),
    { Code: 'NoSuchBucket', BucketName: name },
  );

/** ListBuckets' opaque ContinuationToken: the name of the first bucket of the next page. */
const encodeToken = (name: string): string =>
  Buffer.from(JSON.stringify({ from: name }), 'utf8').toString('base64url');
function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { from?: unknown };
    if (typeof parsed.from === 'string') return parsed.from;
  } catch {
    // Falls through to the real service's answer to a token it did not issue.
  }
  throw s3Error('InvalidArgument', 400, 'The continuation token provided is incorrect');
}

function listBuckets(call: Call): object {
  const { input, account: owner } = call;
  const prefix = typeof input.Prefix === 'string' ? input.Prefix : '';
  const regionFilter = typeof input.BucketRegion === 'string' ? input.BucketRegion : undefined;
  const all = owner.buckets
    .filter((each) => each.name.startsWith(prefix) && (!regionFilter || each.region === regionFilter))
    .sort((a, b) => a.name.localeCompare(b.name));
  const from = typeof input.ContinuationToken === 'string' ? decodeToken(input.ContinuationToken) : undefined;
  const start = from === undefined ? 0 : all.findIndex((each) => each.name >= from);
  const maxBuckets = typeof input.MaxBuckets === 'number' ? input.MaxBuckets : 10_000;
  const pageSize = Math.min(maxBuckets, call.pageSize);
  const page = start < 0 ? [] : all.slice(start, start + pageSize);
  const next = start < 0 ? undefined : all[start + pageSize];
  return {
    Buckets: page.map((each) => ({
      Name: each.name,
      CreationDate: new Date(each.createdAt),
      BucketRegion: each.region,
    })),
    Owner: { ID: canonicalId(owner.accountId) },
    ...(next ? { ContinuationToken: encodeToken(next.name) } : {}),
    ...(prefix ? { Prefix: prefix } : {}),
  };
}

function location(state: S3World, name: string): object {
  const region = state.buckets.get(name)?.bucket.region ?? state.external.get(name);
  if (!region) throw noSuchBucket(name);
  // us-east-1 answers an empty LocationConstraint.
  return region === 'us-east-1' ? {} : { LocationConstraint: region };
}

const groupUris = {
  AllUsers: 'http://acs.amazonaws.com/groups/global/AllUsers',
  AuthenticatedUsers: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
  LogDelivery: 'http://acs.amazonaws.com/groups/s3/LogDelivery',
} as const;

/** The canonical user id S3 gives an account (ListBuckets' Owner.ID uses the same). */
const canonicalId = (accountId: string): string => createHash('sha256').update(accountId).digest('hex');

/**
 * S3's "The meaning of public", simplified: an Allow to every principal ("*" or {"AWS": "*"})
 * without a condition. The real evaluation also treats conditions on non-fixed keys as public;
 * scenarios that need that nuance should not rely on the simulator for it.
 */
function policyIsPublic(policy: NonNullable<ScenarioBucket['policy']>): boolean {
  return policy.Statement.some(
    (s) => s.Effect === 'Allow' && isEveryonePrincipal(s.Principal) && !hasPolicyCondition(s.Condition),
  );
}

function bucketConfiguration(bucket: ScenarioBucket, operation: string, accountId: string): object {
  switch (operation) {
    case 'GetBucketTagging':
      if (Object.keys(bucket.tags).length === 0)
        throw s3Error('NoSuchTagSet', 404, 'The TagSet does not exist');
      return { TagSet: Object.entries(bucket.tags).map(([Key, Value]) => ({ Key, Value })) };
    case 'GetBucketEncryption': {
      const encryption = bucket.encryption;
      if (!encryption)
        throw s3Error(
          'ServerSideEncryptionConfigurationNotFoundError',
          404,
          'The server side encryption configuration was not found',
        );
      return {
        ServerSideEncryptionConfiguration: {
          Rules: [
            {
              ApplyServerSideEncryptionByDefault: {
                SSEAlgorithm: encryption.algorithm,
                ...(encryption.kmsKeyId ? { KMSMasterKeyID: encryption.kmsKeyId } : {}),
              },
              BucketKeyEnabled: encryption.bucketKeyEnabled,
            },
          ],
        },
      };
    }
    case 'GetBucketPolicy':
      if (!bucket.policy) throw s3Error('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
      return { Policy: JSON.stringify(bucket.policy) };
    case 'GetPublicAccessBlock': {
      const block = bucket.publicAccessBlock;
      if (!block)
        throw s3Error(
          'NoSuchPublicAccessBlockConfiguration',
          404,
          'The public access block configuration was not found',
        );
      return {
        PublicAccessBlockConfiguration: {
          BlockPublicAcls: block.blockPublicAcls,
          IgnorePublicAcls: block.ignorePublicAcls,
          BlockPublicPolicy: block.blockPublicPolicy,
          RestrictPublicBuckets: block.restrictPublicBuckets,
        },
      };
    }
    case 'GetBucketLogging':
      // Logging off is an empty BucketLoggingStatus, not an error.
      return bucket.logging
        ? {
            LoggingEnabled: {
              TargetBucket: bucket.logging.targetBucket,
              TargetPrefix: bucket.logging.targetPrefix,
            },
          }
        : {};
    case 'GetBucketReplication': {
      const replication = bucket.replication;
      if (!replication)
        throw s3Error(
          'ReplicationConfigurationNotFoundError',
          404,
          'The replication configuration was not found',
        );
      const partition = replication.role.startsWith('arn:aws-us-gov:') ? 'aws-us-gov' : 'aws';
      return {
        ReplicationConfiguration: {
          Role: replication.role,
          Rules: replication.rules.map((rule, index) => ({
            ID: rule.id,
            Priority: index + 1,
            Filter: {},
            Status: rule.status,
            DeleteMarkerReplication: { Status: 'Disabled' },
            Destination: {
              Bucket: rule.destinationBucket.startsWith('arn:')
                ? rule.destinationBucket
                : `arn:${partition}:s3:::${rule.destinationBucket}`,
              ...(rule.storageClass ? { StorageClass: rule.storageClass } : {}),
              ...(rule.account ? { Account: rule.account } : {}),
              ...(rule.ownerOverride ? { AccessControlTranslation: { Owner: 'Destination' } } : {}),
            },
          })),
        },
      };
    }
    case 'GetBucketPolicyStatus':
      // S3 API reference, GetBucketPolicyStatus: PolicyStatus.IsPublic; a bucket without a policy
      // answers NoSuchBucketPolicy (404), as GetBucketPolicy does.
      if (!bucket.policy) throw s3Error('NoSuchBucketPolicy', 404, 'The bucket policy does not exist');
      return { PolicyStatus: { IsPublic: policyIsPublic(bucket.policy) } };
    case 'GetBucketAcl':
      // S3 API reference, GetBucketAcl: Owner and Grants; the owner's FULL_CONTROL grant is always
      // there, group grants carry Type 'Group' and the group URI. DisplayName is no longer returned.
      return {
        Owner: { ID: canonicalId(accountId) },
        Grants: [
          { Grantee: { Type: 'CanonicalUser', ID: canonicalId(accountId) }, Permission: 'FULL_CONTROL' },
          ...bucket.aclGrants.map((grant) => ({
            Grantee: { Type: 'Group', URI: groupUris[grant.group] },
            Permission: grant.permission,
          })),
        ],
      };
    case 'GetBucketVersioning':
      // S3 API reference, GetBucketVersioning: Status only once versioning was ever enabled,
      // MFADelete only once MFA delete was ever configured; a never-versioned bucket answers an
      // empty VersioningConfiguration (200, not an error).
      return {
        ...(bucket.versioning ? { Status: bucket.versioning } : {}),
        ...(bucket.mfaDelete ? { MFADelete: bucket.mfaDelete } : {}),
      };
    default:
      throw s3Error('NotImplemented', 501, `The simulator does not implement S3 ${operation}.`);
  }
}

/**
 * Answers a per-bucket S3 command. Like the real service it refuses other accounts' buckets and
 * redirects a bucket addressed through the wrong region's endpoint, so a collector that calls from
 * the wrong region fails here as it would in AWS.
 */
function bucketOperation(operation: string) {
  return (call: Call): object => {
    const name = typeof call.input.Bucket === 'string' ? call.input.Bucket : '';
    const owned = call.state.buckets.get(name);
    if (!owned) {
      if (call.state.external.has(name)) throw s3Error('AccessDenied', 403, 'Access Denied');
      throw noSuchBucket(name);
    }
    if (owned.accountId !== call.account.accountId) throw s3Error('AccessDenied', 403, 'Access Denied');
    if (owned.bucket.region !== call.region) {
      throw s3Error(
        'PermanentRedirect',
        301,
        'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
      );
    }
    return bucketConfiguration(owned.bucket, operation, owned.accountId);
  };
}

function s3State(scenario: ScenarioBase): S3World {
  const buckets = new Map<string, { bucket: ScenarioBucket; accountId: string }>();
  for (const each of scenario.aws.accounts)
    for (const bucket of each.buckets as ScenarioBucket[])
      buckets.set(bucket.name, { bucket, accountId: each.accountId });
  const external = (scenario.aws.externalBuckets ?? []) as z.output<typeof externalBucket>[];
  return { buckets, external: new Map(external.map((each) => [each.name, each.region])) };
}

function checkBuckets(
  scenario: ScenarioBase,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const names = new Map<string, string>();
  scenario.aws.accounts.forEach((each, a) => {
    (each.buckets as ScenarioBucket[]).forEach((bucket, b) => {
      const path = ['aws', 'accounts', a, 'buckets', b];
      if (!each.regions.includes(bucket.region))
        issue(
          [...path, 'region'],
          `${bucket.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const previous = names.get(bucket.name);
      // S3 bucket names are one namespace across all accounts.
      if (previous) issue([...path, 'name'], `bucket name ${bucket.name} is already used at ${previous}`);
      names.set(bucket.name, `aws.accounts[${a}].buckets[${b}]`);
    });
  });
  ((scenario.aws.externalBuckets ?? []) as { name: string }[]).forEach((bucket, b) => {
    if (names.has(bucket.name))
      issue(['aws', 'externalBuckets', b, 'name'], `bucket name ${bucket.name} is already used`);
  });
}

export const s3Sim: AwsServiceSim<typeof account, typeof organisation, S3World> = {
  account,
  organisation,
  state: s3State,
  check: checkBuckets,
  error: s3Error,
  // S3 speaks the REST-XML dialect: its own throttling and access-denied codes.
  faults: {
    throttle: { name: 'SlowDown', status: 503, message: 'Please reduce your request rate.' },
    access_denied: { name: 'AccessDenied', status: 403, message: 'Access Denied' },
    region_disabled: {
      name: 'InvalidToken',
      status: 400,
      message: 'The provided token is malformed or otherwise invalid.',
    },
  },
  answers: {
    ListBuckets: listBuckets,
    // GetBucketLocation answers from any region; the simulated organisation lets its audit role read it across accounts.
    GetBucketLocation: (call) =>
      location(call.state, typeof call.input.Bucket === 'string' ? call.input.Bucket : ''),
    GetBucketTagging: bucketOperation('GetBucketTagging'),
    GetBucketEncryption: bucketOperation('GetBucketEncryption'),
    GetBucketPolicy: bucketOperation('GetBucketPolicy'),
    GetPublicAccessBlock: bucketOperation('GetPublicAccessBlock'),
    GetBucketLogging: bucketOperation('GetBucketLogging'),
    GetBucketReplication: bucketOperation('GetBucketReplication'),
    GetBucketVersioning: bucketOperation('GetBucketVersioning'),
    GetBucketPolicyStatus: bucketOperation('GetBucketPolicyStatus'),
    GetBucketAcl: bucketOperation('GetBucketAcl'),
  },
  demo,
  generate({ index, accountId, regions, perRegion, tag, random }) {
    const { chance, pick, hex } = random;
    const buckets = regions.flatMap((region) =>
      Array.from({ length: perRegion }, (_, b) => {
        const name = `gen-${tag}-a${index}-${region}-b${b}`;
        const phi = chance(0.4);
        const otherRegion = regions.length > 1 ? pick(regions.filter((each) => each !== region)) : undefined;
        const generated = {
          name,
          region,
          tags: chance(0.15)
            ? {}
            : {
                app: pick(['checkout', 'support-tickets', 'telemetry', 'analytics', 'storefront']),
                ...(phi ? { phi: 'true' } : {}),
              },
          encryption: chance(0.85)
            ? chance(0.5)
              ? {
                  algorithm: 'aws:kms' as const,
                  kmsKeyId: `arn:aws:kms:${region}:${accountId}:key/${hex(8)}`,
                  bucketKeyEnabled: true,
                }
              : { algorithm: 'AES256' as const, bucketKeyEnabled: false }
            : null,
          policy: chance(0.75)
            ? {
                Version: '2012-10-17',
                Statement: [
                  {
                    Effect: 'Deny',
                    Principal: '*',
                    Action: 's3:*',
                    Resource: [`arn:aws:s3:::${name}/*`],
                    Condition: { Bool: { 'aws:SecureTransport': 'false' } },
                  },
                ],
              }
            : null,
          publicAccessBlock: chance(0.85)
            ? {
                blockPublicAcls: true,
                ignorePublicAcls: true,
                blockPublicPolicy: true,
                restrictPublicBuckets: true,
              }
            : chance(0.5)
              ? {
                  blockPublicAcls: true,
                  ignorePublicAcls: true,
                  blockPublicPolicy: false,
                  restrictPublicBuckets: false,
                }
              : null,
          versioning: chance(0.6) ? ('Enabled' as const) : chance(0.5) ? ('Suspended' as const) : null,
          aclGrants: chance(0.03) ? [{ group: 'AllUsers' as const, permission: 'READ' as const }] : [],
          logging: chance(0.7)
            ? { targetBucket: `gen-${tag}-a${index}-logs`, targetPrefix: `${name}/` }
            : null,
          replication:
            otherRegion && b + 1 < perRegion && chance(0.2)
              ? {
                  role: `arn:aws:iam::${accountId}:role/replication`,
                  rules: [
                    {
                      id: 'dr',
                      status: 'Enabled' as const,
                      destinationBucket: `gen-${tag}-a${index}-${otherRegion}-b${b + 1}`,
                    },
                  ],
                }
              : null,
        };
        // S3 refuses a replication configuration on a bucket without versioning enabled.
        return generated.replication ? { ...generated, versioning: 'Enabled' as const } : generated;
      }),
    );
    return { buckets };
  },
};
