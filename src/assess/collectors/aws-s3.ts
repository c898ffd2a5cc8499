import {
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketReplicationCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  ListBucketsCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { callAws, type AwsCallResult } from '../../cloud/aws/call';
import { awsClientsOf, type AwsClientFactory } from '../../cloud/aws/clients';
import { s3BucketArn } from '../../cloud/aws/partitions';
import { mapWithConcurrency } from '../../cloud/limit';
import type { Collector, CollectorContext, DeclaredOperation, NormalizedResource } from '../../kit/model';
import {
  encryptionFrom,
  loggingFrom,
  noEncryption,
  noPolicy,
  policyFrom,
  publicAccessBlockFrom,
  regionFromLocationConstraint,
  replicationDestinationsFrom,
  tagsFromTagSet,
} from './aws-s3-normalize';
import type { S3BucketProperties } from './properties';

export const s3Operations = [
  { provider: 'aws', command: 'ListBucketsCommand', iamAction: 's3:ListAllMyBuckets' },
  { provider: 'aws', command: 'GetBucketLocationCommand', iamAction: 's3:GetBucketLocation' },
  { provider: 'aws', command: 'GetBucketTaggingCommand', iamAction: 's3:GetBucketTagging' },
  { provider: 'aws', command: 'GetBucketEncryptionCommand', iamAction: 's3:GetEncryptionConfiguration' },
  { provider: 'aws', command: 'GetBucketPolicyCommand', iamAction: 's3:GetBucketPolicy' },
  { provider: 'aws', command: 'GetPublicAccessBlockCommand', iamAction: 's3:GetBucketPublicAccessBlock' },
  { provider: 'aws', command: 'GetBucketLoggingCommand', iamAction: 's3:GetBucketLogging' },
  { provider: 'aws', command: 'GetBucketReplicationCommand', iamAction: 's3:GetReplicationConfiguration' },
] as const satisfies readonly DeclaredOperation[];

/** Page size asked of ListBuckets (AWS allows 1–10 000). */
const listPageSize = 1000;
/**
 * Buckets described at once (six calls each). The orchestrator's limiter (ctx.schedule) is the
 * real bound on calls in flight; this only keeps a large account from queueing thousands of calls.
 */
const bucketFanOut = 16;

interface ListedBucket {
  name: string;
  creationDate?: string;
  /** ListBuckets' BucketRegion: where to send GetBucketLocation */
  regionHint?: string;
  evidenceId: number;
}

interface LocatedBucket extends ListedBucket {
  region: string | null;
  evidenceIds: number[];
}

type S3Send<O> = (client: S3Client, abortSignal: AbortSignal) => Promise<O>;

function s3Call<O extends object>(
  ctx: CollectorContext,
  clients: AwsClientFactory,
  region: string,
  operation: string,
  request: Record<string, unknown>,
  send: S3Send<O>,
  notConfigured?: readonly string[],
): Promise<AwsCallResult<O>> {
  return callAws(
    ctx,
    {
      service: 's3',
      operation,
      region,
      request,
      homeRegion: clients.homeRegion,
      ...(notConfigured ? { notConfigured } : {}),
    },
    (signal) => send(clients.s3(region), signal),
  );
}

async function listBuckets(ctx: CollectorContext, clients: AwsClientFactory): Promise<ListedBucket[]> {
  const buckets: ListedBucket[] = [];
  let token: string | undefined;
  do {
    const request = { MaxBuckets: listPageSize, ...(token ? { ContinuationToken: token } : {}) };
    const page = await s3Call(ctx, clients, clients.homeRegion, 'ListBuckets', request, (s3, abortSignal) =>
      s3.send(new ListBucketsCommand(request), { abortSignal }),
    );
    // A failed page is a recorded gap; the buckets listed before it are still assessed.
    if (page.status !== 'ok') break;
    for (const bucket of page.output.Buckets ?? []) {
      if (!bucket.Name) continue;
      buckets.push({
        name: bucket.Name,
        evidenceId: page.evidenceId,
        ...(bucket.CreationDate ? { creationDate: bucket.CreationDate.toISOString() } : {}),
        ...(bucket.BucketRegion ? { regionHint: bucket.BucketRegion } : {}),
      });
    }
    token = page.output.ContinuationToken;
  } while (token);
  return buckets;
}

async function bucketLocation(
  ctx: CollectorContext,
  clients: AwsClientFactory,
  bucket: string,
  viaRegion: string,
): Promise<{ region: string | null; evidenceId: number }> {
  const request = { Bucket: bucket };
  const answer = await s3Call(ctx, clients, viaRegion, 'GetBucketLocation', request, (s3, abortSignal) =>
    s3.send(new GetBucketLocationCommand(request), { abortSignal }),
  );
  return {
    region: answer.status === 'ok' ? regionFromLocationConstraint(answer.output.LocationConstraint) : null,
    evidenceId: answer.evidenceId,
  };
}

async function locate(
  ctx: CollectorContext,
  clients: AwsClientFactory,
  bucket: ListedBucket,
): Promise<LocatedBucket> {
  const located = await bucketLocation(ctx, clients, bucket.name, bucket.regionHint ?? clients.homeRegion);
  // ListBuckets' BucketRegion is S3's own answer too: use it when GetBucketLocation was refused.
  return {
    ...bucket,
    region: located.region ?? bucket.regionHint ?? null,
    evidenceIds: [bucket.evidenceId, located.evidenceId],
  };
}

/**
 * Replication destination regions: from this account's inventory when the destination is ours,
 * else by GetBucketLocation on the destination's name (another account's bucket; may be refused).
 */
function destinationResolver(
  ctx: CollectorContext,
  clients: AwsClientFactory,
  inventory: ReadonlyMap<string, string>,
) {
  const lookups = new Map<string, Promise<{ region: string | null; evidenceId: number }>>();
  return async (bucket: string): Promise<{ region: string | null; evidenceId?: number }> => {
    const known = inventory.get(bucket);
    if (known) return { region: known };
    let lookup = lookups.get(bucket);
    if (!lookup) {
      lookup = bucketLocation(ctx, clients, bucket, clients.homeRegion);
      lookups.set(bucket, lookup);
    }
    return lookup;
  };
}

async function describe(
  ctx: CollectorContext,
  clients: AwsClientFactory,
  bucket: LocatedBucket,
  resolveDestination: ReturnType<typeof destinationResolver>,
): Promise<NormalizedResource> {
  const properties: S3BucketProperties = {
    tagsCollected: false,
    ...(bucket.creationDate ? { creationDate: bucket.creationDate } : {}),
  };
  const evidenceIds = [...bucket.evidenceIds];
  let tags: Record<string, string> = {};
  const region = bucket.region;
  if (region) {
    const request = { Bucket: bucket.name };
    const call = <O extends object>(operation: string, send: S3Send<O>, notConfigured?: readonly string[]) =>
      s3Call(ctx, clients, region, operation, request, send, notConfigured);
    const [tagging, encryption, policy, publicAccess, logging, replication] = await Promise.all([
      call(
        'GetBucketTagging',
        (s3, abortSignal) => s3.send(new GetBucketTaggingCommand(request), { abortSignal }),
        ['NoSuchTagSet'],
      ),
      call(
        'GetBucketEncryption',
        (s3, abortSignal) => s3.send(new GetBucketEncryptionCommand(request), { abortSignal }),
        ['ServerSideEncryptionConfigurationNotFoundError'],
      ),
      call(
        'GetBucketPolicy',
        (s3, abortSignal) => s3.send(new GetBucketPolicyCommand(request), { abortSignal }),
        ['NoSuchBucketPolicy'],
      ),
      call(
        'GetPublicAccessBlock',
        (s3, abortSignal) => s3.send(new GetPublicAccessBlockCommand(request), { abortSignal }),
        ['NoSuchPublicAccessBlockConfiguration'],
      ),
      call('GetBucketLogging', (s3, abortSignal) =>
        s3.send(new GetBucketLoggingCommand(request), { abortSignal }),
      ),
      call(
        'GetBucketReplication',
        (s3, abortSignal) => s3.send(new GetBucketReplicationCommand(request), { abortSignal }),
        ['ReplicationConfigurationNotFoundError'],
      ),
    ]);
    evidenceIds.push(
      ...[tagging, encryption, policy, publicAccess, logging, replication].map((each) => each.evidenceId),
    );

    if (tagging.status !== 'gap') {
      tags = tagging.status === 'ok' ? tagsFromTagSet(tagging.output.TagSet) : {};
      properties.tagsCollected = true;
    }
    if (encryption.status !== 'gap')
      properties.encryption = encryption.status === 'ok' ? encryptionFrom(encryption.output) : noEncryption;
    if (policy.status !== 'gap')
      properties.policy = policy.status === 'ok' ? policyFrom(policy.output.Policy) : noPolicy;
    if (publicAccess.status !== 'gap')
      properties.publicAccessBlock =
        publicAccess.status === 'ok' ? publicAccessBlockFrom(publicAccess.output) : null;
    if (logging.status === 'ok') properties.logging = loggingFrom(logging.output);
    if (replication.status === 'not_configured')
      properties.replication = { enabled: false, destinations: [] };
    if (replication.status === 'ok') {
      const rules = replicationDestinationsFrom(replication.output);
      const destinations = await Promise.all(
        rules.map(async (rule) => {
          const resolved = await resolveDestination(rule.bucket);
          if (resolved.evidenceId !== undefined) evidenceIds.push(resolved.evidenceId);
          return { ...rule, region: resolved.region };
        }),
      );
      properties.replication = { enabled: rules.some((rule) => rule.status === 'Enabled'), destinations };
    }
  }
  return {
    provider: 'aws',
    type: 'aws.s3.bucket',
    nativeId: s3BucketArn(clients.partition, bucket.name),
    name: bucket.name,
    scopeId: ctx.connection.target.scopeId,
    // A bucket whose region could not be learnt is still listed, so the run shows it was not assessed.
    region: region ?? 'unknown',
    tags,
    properties: { ...properties },
    phi: false,
    phiReason: null,
    evidenceIds: [...new Set(evidenceIds)],
  };
}

/** S3 buckets of one account: listed once (S3 is global), then described through each bucket's own region. */
export async function collectS3Buckets(ctx: CollectorContext): Promise<NormalizedResource[]> {
  const clients = awsClientsOf(ctx.connection);
  const listed = await listBuckets(ctx, clients);
  const located = await mapWithConcurrency(listed, bucketFanOut, (bucket) => locate(ctx, clients, bucket));
  const inventory = new Map(
    located.flatMap((bucket) => (bucket.region ? [[bucket.name, bucket.region] as const] : [])),
  );
  const resolveDestination = destinationResolver(ctx, clients, inventory);
  return mapWithConcurrency(located, bucketFanOut, (bucket) =>
    describe(ctx, clients, bucket, resolveDestination),
  );
}

export const awsS3Collector: Collector = {
  id: 'aws.s3',
  provider: 'aws',
  service: 's3',
  scope: 'global',
  operations: s3Operations,
  resourceTypes: ['aws.s3.bucket'],
  collect: collectS3Buckets,
};
