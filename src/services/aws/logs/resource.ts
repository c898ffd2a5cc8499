import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.logs.log-group'; nativeId = the log group ARN without the trailing ':*'
 * (DescribeLogGroups logGroupArn); name = the log group name. DescribeLogGroups answers every setting
 * at once, so only the tags can be missing (tagsCollected false).
 */
export const logGroupSchema = z.object({
  logGroupName: z.string(),
  /** kmsKeyId: the customer managed key's ARN; null = encrypted with CloudWatch Logs' own keys only */
  kmsKeyId: z.string().nullable(),
  /** retentionInDays; null = events never expire */
  retentionInDays: z.number().nullable(),
  /** logGroupClass: STANDARD | INFREQUENT_ACCESS | DELIVERY; null when not answered */
  logGroupClass: z.string().nullable(),
  storedBytes: z.number().nullable(),
  /**
   * What the name says the group holds: 'application' (Lambda, ECS/EKS containers, Beanstalk, App
   * Runner, API Gateway execution logs, RDS database logs, or a name outside /aws/), 'audit' (VPC flow
   * logs, CloudTrail delivery), 'aws-service' (another /aws/ service log).
   */
  category: z.enum(['application', 'audit', 'aws-service']),
  /** False when ListTagsForResource failed: the tags (and so the PHI classification) are unknown, not empty. */
  tagsCollected: z.boolean(),
});

export type LogGroupProperties = z.infer<typeof logGroupSchema>;

export const logGroup = defineResourceType('aws.logs.log-group', 'CloudWatch Logs log group', logGroupSchema);
