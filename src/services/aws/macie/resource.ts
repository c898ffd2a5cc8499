import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.macie.session': Macie in one account and region, enabled or not. nativeId
 * arn:<partition>:macie2:<region>:<account>:session (stable whether Macie is on or off); name
 * '<region> of account <id>'. `session` is absent when GetMacieSession could not be read.
 */
export const sessionSchema = z.object({
  accountId: z.string(),
  session: z
    .object({
      /** false when GetMacieSession answered "Macie is not enabled" (AccessDeniedException) */
      enabled: z.boolean(),
      /** ENABLED or PAUSED (a paused account runs no job and no automated discovery); null when not enabled */
      status: z.string().nullable(),
      findingPublishingFrequency: z.string().nullable(),
      createdAt: z.string().nullable(),
    })
    .optional(),
});

export type MacieSessionProperties = z.infer<typeof sessionSchema>;

export const macieSession = defineResourceType(
  'aws.macie.session',
  'Macie in an account region',
  sessionSchema,
);
