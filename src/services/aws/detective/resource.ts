import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.detective.region': Detective in one account and region. nativeId
 * arn:<partition>:detective:<region>:<account>:behavior-graphs (stable, graph or not); name
 * '<region> of account <id>'. A list that could not be read is absent.
 */
export const detectiveSchema = z.object({
  accountId: z.string(),
  /** ListGraphs: ARNs of the behavior graphs this account administers in the region */
  administeredGraphs: z.array(z.string()).optional(),
  /** ListInvitations: the graphs this account was invited to as a member, with the membership status */
  memberships: z
    .array(
      z.object({
        graphArn: z.string(),
        administratorId: z.string().nullable(),
        /** INVITED, VERIFICATION_IN_PROGRESS, VERIFICATION_FAILED, ENABLED or ACCEPTED_BUT_DISABLED */
        status: z.string(),
      }),
    )
    .optional(),
});

export type DetectiveProperties = z.infer<typeof detectiveSchema>;

export const detectiveRegion = defineResourceType(
  'aws.detective.region',
  'Detective in an account region',
  detectiveSchema,
);
