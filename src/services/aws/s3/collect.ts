import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  aclFrom,
  bucketNameFromArn,
  encryptionFrom,
  loggingFrom,
  noEncryption,
  noPolicy,
  policyFrom,
  publicAccessBlockFrom,
  regionFromLocationConstraint,
  replicationDestinationsFrom,
  s3BucketArn,
  tagsFromTagSet,
  versioningFrom,
} from './normalize';
import { ops } from './operations';
import { bucket as bucketType, type S3BucketProperties } from './resource';

/** Page size asked of ListBuckets (AWS allows 1–10 000). */
const listPageSize = 1000;
/**
 * Buckets described at once (nine calls each). The orchestrator's limiter is the real bound on
 * calls in flight; this only keeps a large account from queueing thousands of calls.
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

async function listBuckets(ctx: AwsCollectContext): Promise<ListedBucket[]> {
  const { pages } = await ctx.pages(
    ops.listBuckets.command,
    { MaxBuckets: listPageSize },
    { inputToken: 'ContinuationToken', outputToken: 'ContinuationToken' },
  );
  // A failed page is a recorded gap; the buckets listed before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.Buckets ?? []).flatMap((listed) =>
      listed.Name
        ? [
            {
              name: listed.Name,
              evidenceId: page.evidenceId,
              ...(listed.CreationDate ? { creationDate: listed.CreationDate.toISOString() } : {}),
              ...(listed.BucketRegion ? { regionHint: listed.BucketRegion } : {}),
            },
          ]
        : [],
    ),
  );
}

async function bucketLocation(
  ctx: AwsCollectContext,
  name: string,
  viaRegion: string,
): Promise<{ region: string | null; evidenceId: number }> {
  const answer = await ctx.call(
    ops.getBucketLocation.command,
    { Bucket: name },
    { region: viaRegion, subject: name },
  );
  return {
    region: answer.status === 'ok' ? regionFromLocationConstraint(answer.output.LocationConstraint) : null,
    evidenceId: answer.evidenceId,
  };
}

async function locate(ctx: AwsCollectContext, listed: ListedBucket): Promise<LocatedBucket> {
  const located = await bucketLocation(ctx, listed.name, listed.regionHint ?? ctx.homeRegion);
  // ListBuckets' BucketRegion is S3's own answer too: use it when GetBucketLocation was refused.
  return {
    ...listed,
    region: located.region ?? listed.regionHint ?? null,
    evidenceIds: [listed.evidenceId, located.evidenceId],
  };
}

/**
 * Replication destination regions: from this account's inventory when the destination is ours,
 * else by GetBucketLocation on the destination's name (another account's bucket; may be refused).
 */
function destinationResolver(ctx: AwsCollectContext, inventory: ReadonlyMap<string, string>) {
  const lookups = new Map<string, Promise<{ region: string | null; evidenceId: number }>>();
  return async (
    name: string,
  ): Promise<{ region: string | null; evidenceId?: number; ownAccount?: boolean }> => {
    const known = inventory.get(name);
    if (known) return { region: known, ownAccount: true };
    let lookup = lookups.get(name);
    if (!lookup) {
      lookup = bucketLocation(ctx, name, ctx.homeRegion);
      lookups.set(name, lookup);
    }
    return lookup;
  };
}

async function describe(
  ctx: AwsCollectContext,
  located: LocatedBucket,
  resolveDestination: ReturnType<typeof destinationResolver>,
): Promise<NormalizedResource> {
  const properties: S3BucketProperties = {
    tagsCollected: false,
    ...(located.creationDate ? { creationDate: located.creationDate } : {}),
  };
  const evidenceIds = [...located.evidenceIds];
  let tags: Record<string, string> = {};
  const region = located.region;
  if (region) {
    const input = { Bucket: located.name };
    const options = { region, subject: located.name };
    const [tagging, encryption, policy, publicAccess, logging, replication, versioning, policyStatus, acl] =
      await Promise.all([
        ctx.call(ops.getBucketTagging.command, input, { ...options, notConfigured: ['NoSuchTagSet'] }),
        ctx.call(ops.getBucketEncryption.command, input, {
          ...options,
          notConfigured: ['ServerSideEncryptionConfigurationNotFoundError'],
        }),
        ctx.call(ops.getBucketPolicy.command, input, { ...options, notConfigured: ['NoSuchBucketPolicy'] }),
        ctx.call(ops.getPublicAccessBlock.command, input, {
          ...options,
          notConfigured: ['NoSuchPublicAccessBlockConfiguration'],
        }),
        ctx.call(ops.getBucketLogging.command, input, options),
        ctx.call(ops.getBucketReplication.command, input, {
          ...options,
          notConfigured: ['ReplicationConfigurationNotFoundError'],
        }),
        // Never-enabled versioning is an empty answer, not an error.
        ctx.call(ops.getBucketVersioning.command, input, options),
        // No bucket policy: NoSuchBucketPolicy, a fact (not public by policy).
        ctx.call(ops.getBucketPolicyStatus.command, input, {
          ...options,
          notConfigured: ['NoSuchBucketPolicy'],
        }),
        ctx.call(ops.getBucketAcl.command, input, options),
      ]);
    evidenceIds.push(
      ...[tagging, encryption, policy, publicAccess, logging, replication, versioning, policyStatus, acl].map(
        (each) => each.evidenceId,
      ),
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
    if (versioning.status === 'ok') properties.versioning = versioningFrom(versioning.output);
    if (policyStatus.status !== 'gap')
      properties.policyStatus = {
        isPublic: policyStatus.status === 'ok' && policyStatus.output.PolicyStatus?.IsPublic === true,
      };
    if (acl.status === 'ok') properties.acl = aclFrom(acl.output);
    if (replication.status === 'not_configured')
      properties.replication = { enabled: false, destinations: [] };
    if (replication.status === 'ok') {
      const rules = replicationDestinationsFrom(replication.output);
      const destinations = await Promise.all(
        rules.map(async (rule) => {
          const resolved = await resolveDestination(rule.bucket);
          if (resolved.evidenceId !== undefined) evidenceIds.push(resolved.evidenceId);
          // The rule's Destination.Account, else this account when the bucket is one of its own.
          const account = rule.account ?? (resolved.ownAccount ? ctx.accountId : null);
          return { ...rule, region: resolved.region, account };
        }),
      );
      properties.replication = { enabled: rules.some((rule) => rule.status === 'Enabled'), destinations };
    }
  }
  return ctx.resource({
    type: bucketType.type,
    nativeId: s3BucketArn(ctx.partition, located.name),
    name: located.name,
    // A bucket whose region could not be learnt is still listed, so the run shows it was not assessed.
    region: region ?? 'unknown',
    tags,
    properties: { ...properties },
    evidenceIds: [...new Set(evidenceIds)],
  });
}

/** S3 buckets of one account: listed once (S3 is global), then described through each bucket's own region. */
export async function collectS3Buckets(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listBuckets(ctx);
  const located = await mapWithConcurrency(listed, bucketFanOut, (each) => locate(ctx, each));
  const inventory = new Map(
    located.flatMap((each) => (each.region ? [[each.name, each.region] as const] : [])),
  );
  const resolveDestination = destinationResolver(ctx, inventory);
  return mapWithConcurrency(located, bucketFanOut, (each) => describe(ctx, each, resolveDestination));
}

export { bucketNameFromArn };
