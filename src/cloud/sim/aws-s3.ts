import { createHash } from 'node:crypto';
import { NoSuchBucket, S3ServiceException } from '@aws-sdk/client-s3';
import type { ScenarioAccount, ScenarioBucket } from './scenario';
import type { SimWorld } from './world';

/** S3 answers from a scenario, shaped like the SDK's deserialized output of the real API. */

const metadata = (httpStatusCode: number) => ({
  httpStatusCode,
  requestId: 'SIMULATED',
  extendedRequestId: 'SIMULATED',
});

/**
 * Builds an error without a stack trace: "not configured" answers are thrown for most buckets,
 * and capturing a stack for each would cost the benchmark more than the SDK call itself.
 */
function withoutStack<E extends Error>(build: () => E): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** An S3 error as the SDK's deserializer builds it for an unmodeled error code. */
export function s3Error(name: string, httpStatusCode: number, message: string): S3ServiceException {
  const error = withoutStack(
    () =>
      new S3ServiceException({
        name,
        $fault: httpStatusCode >= 500 ? 'server' : 'client',
        $metadata: metadata(httpStatusCode),
        message,
      }),
  );
  return Object.assign(error, { Code: name });
}

const noSuchBucket = (bucket: string) =>
  Object.assign(
    withoutStack(
      () => new NoSuchBucket({ $metadata: metadata(404), message: 'The specified bucket does not exist' }),
    ),
    { Code: 'NoSuchBucket', BucketName: bucket },
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

function listBuckets(world: SimWorld, account: ScenarioAccount, input: Record<string, unknown>): object {
  const prefix = typeof input.Prefix === 'string' ? input.Prefix : '';
  const regionFilter = typeof input.BucketRegion === 'string' ? input.BucketRegion : undefined;
  const all = account.buckets
    .filter((bucket) => bucket.name.startsWith(prefix) && (!regionFilter || bucket.region === regionFilter))
    .sort((a, b) => a.name.localeCompare(b.name));
  const from = typeof input.ContinuationToken === 'string' ? decodeToken(input.ContinuationToken) : undefined;
  const start = from === undefined ? 0 : all.findIndex((bucket) => bucket.name >= from);
  const maxBuckets = typeof input.MaxBuckets === 'number' ? input.MaxBuckets : 10_000;
  const pageSize = Math.min(maxBuckets, world.scenario.simulation.listBucketsMaxPage);
  const page = start < 0 ? [] : all.slice(start, start + pageSize);
  const next = start < 0 ? undefined : all[start + pageSize];
  return {
    Buckets: page.map((bucket) => ({
      Name: bucket.name,
      CreationDate: new Date(bucket.createdAt),
      BucketRegion: bucket.region,
    })),
    Owner: { ID: createHash('sha256').update(account.accountId).digest('hex') },
    ...(next ? { ContinuationToken: encodeToken(next.name) } : {}),
    ...(prefix ? { Prefix: prefix } : {}),
  };
}

function location(world: SimWorld, name: string): object {
  const region = world.buckets.get(name)?.bucket.region ?? world.externalBuckets.get(name);
  if (!region) throw noSuchBucket(name);
  // us-east-1 answers an empty LocationConstraint.
  return region === 'us-east-1' ? {} : { LocationConstraint: region };
}

function bucketConfiguration(bucket: ScenarioBucket, operation: string): object {
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
            },
          })),
        },
      };
    }
    default:
      throw s3Error('NotImplemented', 501, `The simulator does not implement S3 ${operation}.`);
  }
}

/**
 * Answers one S3 command for `account` sent to `region`. Like the real service it refuses other
 * accounts' buckets and redirects a bucket addressed through the wrong region's endpoint, so a
 * collector that calls from the wrong region fails here as it would in AWS.
 */
export function answerS3(
  world: SimWorld,
  account: ScenarioAccount,
  region: string,
  operation: string,
  input: Record<string, unknown>,
): object {
  if (operation === 'ListBuckets') return listBuckets(world, account, input);
  const name = typeof input.Bucket === 'string' ? input.Bucket : '';
  // GetBucketLocation answers from any region; the simulated organisation lets its audit role read it across accounts.
  if (operation === 'GetBucketLocation') return location(world, name);
  const owned = world.buckets.get(name);
  if (!owned) {
    if (world.externalBuckets.has(name)) throw s3Error('AccessDenied', 403, 'Access Denied');
    throw noSuchBucket(name);
  }
  if (owned.account.accountId !== account.accountId) throw s3Error('AccessDenied', 403, 'Access Denied');
  if (owned.bucket.region !== region) {
    throw s3Error(
      'PermanentRedirect',
      301,
      'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    );
  }
  return bucketConfiguration(owned.bucket, operation);
}
