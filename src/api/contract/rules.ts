import { z } from 'zod';
import { providerSchema, severitySchema } from '../../kit/model';
import { defineOperation } from './define';

export const ruleInfoSchema = z.object({
  id: z.string(),
  /** The service module that owns the rule, e.g. 'aws.kms' */
  service: z.string(),
  /** The provider's product name, e.g. 'AWS Key Management Service' */
  serviceTitle: z.string(),
  provider: providerSchema,
  title: z.string(),
  severity: severitySchema,
  /** Severity on a PHI-classified resource, when the rule rates it higher */
  severityWhenPhi: severitySchema.nullable(),
  exposure: z.enum(['internet', 'network', 'internal']),
  resourceType: z.string(),
  resourceLabel: z.string(),
  citations: z.array(z.string()),
  failurePattern: z.string(),
});

export const ruleOps = {
  'rules.list': defineOperation({
    summary:
      'Every rule the product runs, from the service registry: id, service, severity, HIPAA citations and failure pattern.',
    input: z.object({}),
    output: z.object({
      /** Changes whenever any rule's metadata changes; recorded on every run and package */
      rulesetVersion: z.string(),
      services: z.array(
        z.object({
          id: z.string(),
          provider: providerSchema,
          title: z.string(),
          resourceTypes: z.array(z.string()),
          operations: z.number(),
        }),
      ),
      rules: z.array(ruleInfoSchema),
    }),
  }),
};
