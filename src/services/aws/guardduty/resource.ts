import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** Where an EventBridge target sends what it receives, read from its ARN. */
export const targetKind = z.enum([
  'sns',
  'sqs',
  'lambda',
  'event-bus',
  'api-destination',
  'step-functions',
  'incident-manager',
  'firehose',
  'kinesis',
  'logs',
  'other',
]);
export type TargetKind = z.infer<typeof targetKind>;

/** An enabled or disabled EventBridge rule of the default bus whose pattern matches GuardDuty findings. */
export const findingRoute = z.object({
  ruleName: z.string(),
  ruleArn: z.string(),
  /** ListRules State: ENABLED, DISABLED or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS */
  state: z.string(),
  /**
   * 'guardduty': source aws.guardduty, detail-type GuardDuty Finding; 'securityhub': Security Hub's
   * imported findings, which carry GuardDuty's when the integration is on (the default).
   */
  via: z.enum(['guardduty', 'securityhub']),
  /** The pattern also filters on detail fields (e.g. severity ≥ 7): only some findings are sent */
  filtered: z.boolean(),
  /** ListTargetsByRule; null when that call failed (a coverage gap) */
  targets: z.array(z.object({ id: z.string(), arn: z.string(), kind: targetKind })).nullable(),
});
export type FindingRoute = z.infer<typeof findingRoute>;

/**
 * resource.type 'aws.guardduty.region': GuardDuty in one account and region, whether or not a detector
 * exists there (a region without one is a fact, not an absence of data). nativeId
 * arn:<partition>:guardduty:<region>:<account>:detectors — stable whether a detector is created or
 * replaced between runs; the detector's own ARN is a property. name '<region> of account <id>'.
 * A property that could not be collected is absent: rules say "not assessed".
 */
export const regionSchema = z.object({
  accountId: z.string(),
  /** ListDetectors: the detector ids of the region (GuardDuty allows one). Absent when ListDetectors failed. */
  detectorIds: z.array(z.string()).optional(),
  /** GetDetector of the (first) listed detector. Absent without a detector, or when GetDetector failed. */
  detector: z
    .object({
      detectorId: z.string(),
      detectorArn: z.string(),
      /** Status: ENABLED, or DISABLED for a suspended detector (it watches nothing) */
      status: z.string(),
      /** Features: name → ENABLED / DISABLED (S3_DATA_EVENTS, EKS_AUDIT_LOGS, RDS_LOGIN_EVENTS, …) */
      features: z.record(z.string(), z.string()),
      /**
       * S3 protection: feature S3_DATA_EVENTS, else the older dataSources.s3Logs status; null when the
       * answer has neither (a region where the feature is not offered).
       */
      s3Protection: z.boolean().nullable(),
      findingPublishingFrequency: z.string().nullable(),
      createdAt: z.string().nullable(),
    })
    .optional(),
  /**
   * EventBridge rules of the region's default bus that match GuardDuty findings (ListRules, then
   * ListTargetsByRule for each). Absent when ListRules failed or was not asked (no detector).
   */
  findingRoutes: z.array(findingRoute).optional(),
  /** Rules of the default bus that ListRules answered, all patterns (for the passing detail) */
  rulesListed: z.number().optional(),
});

export type GuardDutyRegionProperties = z.infer<typeof regionSchema>;

export const guardDutyRegion = defineResourceType(
  'aws.guardduty.region',
  'GuardDuty in an account region',
  regionSchema,
);
