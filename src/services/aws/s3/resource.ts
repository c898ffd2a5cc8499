import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.s3.bucket'; nativeId arn:aws:s3:::name (arn:aws-us-gov:s3::: in GovCloud);
 * region = the bucket's region. A property that could not be collected (access denied, throttled,
 * timed out) is absent: rules report it as "not assessed", never as pass or fail.
 */
export const bucketSchema = z.object({
  /** GetBucketEncryption. Not configured → { enabled: false, algorithm: null, ... } */
  encryption: z
    .object({
      enabled: z.boolean(),
      algorithm: z.string().nullable(),
      kmsKeyId: z.string().nullable(),
      bucketKeyEnabled: z.boolean(),
    })
    .optional(),
  /** GetBucketPolicy. No policy → { present: false, denyInsecureTransport: false, allowsPublicPrincipal: false, document: null } */
  policy: z
    .object({
      present: z.boolean(),
      /** A Deny statement for all S3 actions when aws:SecureTransport is false (TLS-only bucket policy). */
      denyInsecureTransport: z.boolean(),
      /** An Allow statement to Principal "*" without a restricting condition. */
      allowsPublicPrincipal: z.boolean(),
      /** The parsed policy document */
      document: z.unknown().nullable(),
    })
    .optional(),
  /**
   * GetBucketPolicyStatus: S3's own judgement of the bucket policy. No policy (NoSuchBucketPolicy)
   * → { isPublic: false }: a fact, not a gap.
   */
  policyStatus: z.object({ isPublic: z.boolean() }).optional(),
  /** GetBucketAcl: the grants to the AllUsers and AuthenticatedUsers groups (empty = none). */
  acl: z
    .object({
      publicGrants: z.array(
        z.object({
          /** 'AllUsers' (anyone) or 'AuthenticatedUsers' (any AWS account) */
          group: z.string(),
          /** READ | WRITE | READ_ACP | WRITE_ACP | FULL_CONTROL */
          permission: z.string(),
        }),
      ),
    })
    .optional(),
  /** GetPublicAccessBlock (bucket level). null = none configured */
  publicAccessBlock: z
    .object({
      blockPublicAcls: z.boolean(),
      ignorePublicAcls: z.boolean(),
      blockPublicPolicy: z.boolean(),
      restrictPublicBuckets: z.boolean(),
    })
    .nullable()
    .optional(),
  /** GetBucketLogging (server access logging) */
  logging: z
    .object({
      enabled: z.boolean(),
      targetBucket: z.string().nullable(),
      targetPrefix: z.string().nullable(),
    })
    .optional(),
  /** GetBucketReplication. Not configured → { enabled: false, destinations: [] } */
  replication: z
    .object({
      /** At least one rule is Enabled */
      enabled: z.boolean(),
      destinations: z.array(
        z.object({
          bucketArn: z.string(),
          bucket: z.string(),
          /** Resolved from the inventory or GetBucketLocation; null when it could not be (see the run's coverage gaps). */
          region: z.string().nullable(),
          /** The rule's status: 'Enabled' | 'Disabled' */
          status: z.string(),
          /**
           * The destination bucket's owning account: the rule's Destination.Account, else this
           * account when the bucket is one of its own; null when neither says. Absent in older runs.
           */
          account: z.string().nullable().optional(),
        }),
      ),
    })
    .optional(),
  /**
   * GetBucketVersioning. status null = versioning was never enabled (S3 answers an empty
   * VersioningConfiguration); 'Suspended' once enabled, then suspended.
   */
  versioning: z
    .object({
      status: z.string().nullable(),
      /** MFADelete = Enabled; S3 returns the element only if MFA delete was ever configured. */
      mfaDelete: z.boolean(),
    })
    .optional(),
  /** False when GetBucketTagging failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
  /** ISO timestamp from ListBuckets */
  creationDate: z.string().optional(),
});

export type S3BucketProperties = z.infer<typeof bucketSchema>;

export const bucket = defineResourceType('aws.s3.bucket', 'S3 bucket', bucketSchema);
