import { z } from 'zod';
import { defineOperation } from './define';

export const triageStatusSchema = z.enum([
  'open',
  'in_progress',
  'remediated',
  'risk_accepted',
  'false_positive',
]);
const levelSchema = z.enum(['low', 'medium', 'high']);

export const triageSchema = z.object({
  findingKey: z.string(),
  status: triageStatusSchema,
  owner: z.string(),
  dueDate: z.string().nullable(),
  likelihood: levelSchema.nullable(),
  impact: levelSchema.nullable(),
  justification: z.string(),
  updatedAt: z.string(),
});

export const triageHistorySchema = triageSchema
  .omit({ updatedAt: true })
  .extend({ changedAt: z.string(), actor: z.string() });

/**
 * Triage decisions belong to the finding key (rule id + resource id), not to one run, so they carry
 * from run to run; they feed the risk management plan, 164.308(a)(1)(ii)(B).
 */
export const triageOps = {
  'finding.triage': defineOperation({
    summary: 'Record a triage decision for a finding (status, owner, due date, risk rating, justification).',
    input: z
      .object({
        findingKey: z.string().trim().min(1, 'findingKey is required').max(2000),
        status: triageStatusSchema,
        owner: z.string().trim().max(200).default(''),
        dueDate: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
          .nullable()
          .default(null),
        likelihood: levelSchema.nullable().default(null),
        impact: levelSchema.nullable().default(null),
        justification: z.string().trim().max(5000).default(''),
      })
      .refine((t) => t.status !== 'risk_accepted' || t.justification.length > 0, {
        path: ['justification'],
        message: 'an accepted risk needs a justification (it is printed in the risk management plan)',
      })
      .refine((t) => t.status !== 'false_positive' || t.justification.length > 0, {
        path: ['justification'],
        message: 'say why the finding is a false positive',
      }),
    output: triageSchema,
  }),
  'finding.triageHistory': defineOperation({
    summary: 'Every triage decision recorded for a finding, newest first.',
    input: z.object({ findingKey: z.string().trim().min(1).max(2000) }),
    output: z.array(triageHistorySchema),
  }),
} as const;
