import { z } from 'zod';
import { defineResourceType } from '../../../kit';

export const enabledStandard = z.object({
  standardsArn: z.string(),
  /** 'AWS Foundational Security Best Practices v1.0.0', read from the ARN */
  name: z.string(),
  /** StandardsStatus: PENDING, READY, FAILED, DELETING or INCOMPLETE */
  status: z.string(),
});
export type EnabledStandard = z.infer<typeof enabledStandard>;

/**
 * resource.type 'aws.securityhub.hub': Security Hub in one account and region, subscribed or not.
 * nativeId arn:<partition>:securityhub:<region>:<account>:hub/default (the hub's own ARN, the same
 * before and after it is enabled); name '<region> of account <id>'. Absent properties could not be
 * collected: rules say "not assessed".
 */
export const hubSchema = z.object({
  accountId: z.string(),
  /**
   * DescribeHub: enabled false when it answered InvalidAccessException or ResourceNotFoundException
   * (the account is not subscribed in the region). Absent when DescribeHub failed otherwise.
   */
  hub: z
    .object({
      enabled: z.boolean(),
      subscribedAt: z.string().nullable(),
      autoEnableControls: z.boolean().nullable(),
      /** SECURITY_CONTROL (consolidated control findings) or STANDARD_CONTROL */
      controlFindingGenerator: z.string().nullable(),
    })
    .optional(),
  /** GetEnabledStandards, where the hub is enabled. Absent when not asked or when it failed. */
  standards: z.array(enabledStandard).optional(),
});

export type SecurityHubProperties = z.infer<typeof hubSchema>;

export const securityHubHub = defineResourceType(
  'aws.securityhub.hub',
  'Security Hub in an account region',
  hubSchema,
);
