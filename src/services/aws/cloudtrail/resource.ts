import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** An S3 object ARN scope of a data event selector: the whole bucket when prefix is ''. */
const s3Scope = z.object({ bucket: z.string(), prefix: z.string() });

/**
 * One selector's S3 object-level (data event) logging, classic EventSelectors and
 * AdvancedEventSelectors read into one shape.
 */
export const s3DataEventSelector = z.object({
  source: z.enum(['EventSelectors', 'AdvancedEventSelectors']),
  /** The advanced selector's Name; null for classic selectors and unnamed advanced ones */
  name: z.string().nullable(),
  /** Logs read events (GetObject): ReadWriteType All/ReadOnly, or no readOnly field selector / readOnly = true */
  readEvents: z.boolean(),
  /** Logs write events (PutObject, DeleteObject) */
  writeEvents: z.boolean(),
  /** Every bucket of the account (arn:aws:s3 / arn:aws:s3:::, or an advanced selector with no resources.ARN condition) */
  allBuckets: z.boolean(),
  /** The buckets (and prefixes) it names when not allBuckets */
  resources: z.array(s3Scope),
  /** Buckets or prefixes it leaves out (advanced NotStartsWith / NotEquals on resources.ARN) */
  excluded: z.array(s3Scope),
  /** Other conditions (eventName, userIdentity.arn, …) narrow it to some events only */
  narrowed: z.boolean(),
});

/**
 * resource.type 'aws.cloudtrail.trail'; nativeId = TrailARN; region = HomeRegion; name = the trail
 * name. A multi-region trail appears in every region's DescribeTrails: it is one resource, assessed
 * through its home region. A property that could not be collected is absent (rules say "not assessed").
 */
export const trailSchema = z.object({
  trailArn: z.string(),
  homeRegion: z.string(),
  /** DescribeTrails: IsMultiRegionTrail */
  multiRegion: z.boolean().optional(),
  /** IsOrganizationTrail: created by the organization's management account for every member account */
  organizationTrail: z.boolean().optional(),
  /** LogFileValidationEnabled: digest files let a reviewer prove the logs were not altered */
  logFileValidation: z.boolean().optional(),
  /** KmsKeyId: absent from the answer when the logs use SSE-S3 only; null here then */
  kmsKeyId: z.string().nullable().optional(),
  /** CloudWatchLogsLogGroupArn: absent when the trail does not deliver to CloudWatch Logs; null here then */
  cloudWatchLogsLogGroupArn: z.string().nullable().optional(),
  s3BucketName: z.string().nullable().optional(),
  /** GetTrailStatus: IsLogging */
  isLogging: z.boolean().optional(),
  /** GetTrailStatus: LatestDeliveryError (S3 delivery), null when none */
  latestDeliveryError: z.string().nullable().optional(),
  /** GetEventSelectors: the selectors that log S3 data events (empty = none). Absent when the call failed. */
  s3DataEvents: z.array(s3DataEventSelector).optional(),
  /** False when ListTags failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean().optional(),
});

export type CloudTrailTrailProperties = z.infer<typeof trailSchema>;
export type S3DataEventSelector = z.infer<typeof s3DataEventSelector>;

/** A trail as the account-level judgement sees it. */
const trailSummary = z.object({
  trailArn: z.string(),
  name: z.string(),
  homeRegion: z.string(),
  multiRegion: z.boolean(),
  /** GetTrailStatus IsLogging; null when the status could not be read */
  isLogging: z.boolean().nullable(),
});

/**
 * resource.type 'aws.cloudtrail.account'; nativeId arn:<partition>:cloudtrail::<account>:account-trails;
 * region 'global'. What DescribeTrails showed across the assessed regions.
 */
export const accountTrailsSchema = z.object({
  accountId: z.string(),
  /** Regions whose DescribeTrails answered */
  regionsListed: z.array(z.string()),
  /** Regions whose DescribeTrails failed (a coverage gap) */
  regionsRefused: z.array(z.string()),
  trails: z.array(trailSummary),
});

export type CloudTrailAccountProperties = z.infer<typeof accountTrailsSchema>;

export const cloudTrailTrail = defineResourceType('aws.cloudtrail.trail', 'CloudTrail trail', trailSchema);
export const cloudTrailAccount = defineResourceType(
  'aws.cloudtrail.account',
  'CloudTrail trails of an account',
  accountTrailsSchema,
);
