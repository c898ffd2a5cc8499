import type {
  GetBucketAclCommandOutput,
  GetBucketEncryptionCommandOutput,
  GetBucketLoggingCommandOutput,
  GetBucketReplicationCommandOutput,
  GetBucketVersioningCommandOutput,
  GetPublicAccessBlockCommandOutput,
  Tag,
} from '@aws-sdk/client-s3';
import {
  coversAllActions,
  deniesInsecureTransport,
  hasPolicyCondition,
  isEveryonePrincipal,
  policyList,
} from '../../../kit';
import type { S3BucketProperties } from './resource';

/** Pure conversions from S3 API answers to S3BucketProperties, kept apart from the calls so they can be tested on plain objects. */

/**
 * GetBucketLocation's LocationConstraint → region. us-east-1 answers empty; buckets created
 * long ago in Ireland answer the legacy 'EU'.
 */
export function regionFromLocationConstraint(constraint: string | null | undefined): string {
  if (!constraint) return 'us-east-1';
  if (constraint === 'EU') return 'eu-west-1';
  return constraint;
}

export function tagsFromTagSet(tagSet: readonly Tag[] | undefined): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const tag of tagSet ?? []) if (tag.Key !== undefined) tags[tag.Key] = tag.Value ?? '';
  return tags;
}

export const noEncryption: NonNullable<S3BucketProperties['encryption']> = {
  enabled: false,
  algorithm: null,
  kmsKeyId: null,
  bucketKeyEnabled: false,
};

export function encryptionFrom(
  output: GetBucketEncryptionCommandOutput,
): NonNullable<S3BucketProperties['encryption']> {
  const rule = output.ServerSideEncryptionConfiguration?.Rules?.find(
    (each) => each.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
  );
  const defaults = rule?.ApplyServerSideEncryptionByDefault;
  if (!rule || !defaults?.SSEAlgorithm) return noEncryption;
  return {
    enabled: true,
    algorithm: defaults.SSEAlgorithm,
    kmsKeyId: defaults.KMSMasterKeyID ?? null,
    bucketKeyEnabled: rule.BucketKeyEnabled === true,
  };
}

export const noPolicy: NonNullable<S3BucketProperties['policy']> = {
  present: false,
  denyInsecureTransport: false,
  allowsPublicPrincipal: false,
  document: null,
};

interface PolicyStatement {
  Effect?: unknown;
  Principal?: unknown;
  Action?: unknown;
  Condition?: unknown;
}

/** GetBucketPolicy's JSON text → the facts the rules read. */
export function policyFrom(policyText: string | undefined): NonNullable<S3BucketProperties['policy']> {
  if (!policyText) return noPolicy;
  let document: unknown;
  try {
    document = JSON.parse(policyText);
  } catch {
    // S3 validates policies on write, so this is a corrupt answer: keep the text, claim nothing.
    return {
      present: true,
      denyInsecureTransport: false,
      allowsPublicPrincipal: false,
      document: { unparsed: policyText },
    };
  }
  const statements = policyList((document as { Statement?: unknown } | null)?.Statement).filter(
    (each): each is PolicyStatement => typeof each === 'object' && each !== null,
  );
  return {
    present: true,
    denyInsecureTransport: statements.some(
      (s) =>
        s.Effect === 'Deny' &&
        isEveryonePrincipal(s.Principal) &&
        coversAllActions(s.Action, 's3') &&
        deniesInsecureTransport(s.Condition),
    ),
    allowsPublicPrincipal: statements.some(
      (s) => s.Effect === 'Allow' && isEveryonePrincipal(s.Principal) && !hasPolicyCondition(s.Condition),
    ),
    document,
  };
}

export function publicAccessBlockFrom(
  output: GetPublicAccessBlockCommandOutput,
): S3BucketProperties['publicAccessBlock'] {
  const config = output.PublicAccessBlockConfiguration;
  if (!config) return null;
  return {
    blockPublicAcls: config.BlockPublicAcls === true,
    ignorePublicAcls: config.IgnorePublicAcls === true,
    blockPublicPolicy: config.BlockPublicPolicy === true,
    restrictPublicBuckets: config.RestrictPublicBuckets === true,
  };
}

/** The ACL group URIs that make a grant public (S3 "The meaning of public"). */
const publicGroups: Record<string, string> = {
  'http://acs.amazonaws.com/groups/global/AllUsers': 'AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers': 'AuthenticatedUsers',
};

/** GetBucketAcl's grants → those to AllUsers or AuthenticatedUsers. */
export function aclFrom(output: GetBucketAclCommandOutput): NonNullable<S3BucketProperties['acl']> {
  const publicGrants: { group: string; permission: string }[] = [];
  for (const grant of output.Grants ?? []) {
    const uri = grant.Grantee?.Type === 'Group' ? grant.Grantee.URI : undefined;
    const group = uri ? publicGroups[uri] : undefined;
    if (group) publicGrants.push({ group, permission: grant.Permission ?? 'unreported' });
  }
  return { publicGrants };
}

export function loggingFrom(
  output: GetBucketLoggingCommandOutput,
): NonNullable<S3BucketProperties['logging']> {
  const enabled = output.LoggingEnabled;
  if (!enabled?.TargetBucket) return { enabled: false, targetBucket: null, targetPrefix: null };
  return { enabled: true, targetBucket: enabled.TargetBucket, targetPrefix: enabled.TargetPrefix ?? null };
}

export interface ReplicationDestination {
  bucketArn: string;
  bucket: string;
  status: string;
  /** Destination.Account when the rule names it (cross-account rules; S3 checks it only with AccessControlTranslation) */
  account: string | null;
}

/** GetBucketVersioning: Status is absent when versioning was never enabled on the bucket. */
export function versioningFrom(
  output: GetBucketVersioningCommandOutput,
): NonNullable<S3BucketProperties['versioning']> {
  return { status: output.Status ?? null, mfaDelete: output.MFADelete === 'Enabled' };
}

/** The destinations of GetBucketReplication's rules, before their regions are resolved. */
export function replicationDestinationsFrom(
  output: GetBucketReplicationCommandOutput,
): ReplicationDestination[] {
  const destinations: ReplicationDestination[] = [];
  for (const rule of output.ReplicationConfiguration?.Rules ?? []) {
    const arn = rule.Destination?.Bucket;
    if (!arn) continue;
    destinations.push({
      bucketArn: arn,
      bucket: bucketNameFromArn(arn),
      status: rule.Status ?? 'Disabled',
      account: rule.Destination?.Account ?? null,
    });
  }
  return destinations;
}

export function s3BucketArn(partition: string, bucket: string): string {
  return `arn:${partition}:s3:::${bucket}`;
}

/** The bucket name from an S3 bucket ARN (replication destinations are given as ARNs), or the input if it is a bare name. */
export function bucketNameFromArn(arnOrName: string): string {
  const match = /^arn:aws[a-z-]*:s3:::([^/]+)$/.exec(arnOrName);
  return match ? (match[1] as string) : arnOrName;
}
