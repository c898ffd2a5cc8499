import { z } from 'zod';
import { defineOperation } from './define';

/** Long operations (assessment runs, exports) run as jobs that stream these events. */
export const jobKindSchema = z.enum(['assess', 'evaluate', 'export']);

export const deskEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('job.progress'),
    jobId: z.string(),
    kind: jobKindSchema,
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    message: z.string(),
    /** Area-specific detail (target, service, region, errors so far...) */
    detail: z.record(z.string(), z.unknown()).optional(),
  }),
  z.object({
    type: z.literal('job.finished'),
    jobId: z.string(),
    kind: jobKindSchema,
    outcome: z.enum(['completed', 'failed', 'cancelled']),
    message: z.string(),
    /** for failed jobs: the error code (ACCESS_DENIED, BAD_INPUT, ...) */
    errorCode: z.string().optional(),
    result: z.unknown().optional(),
  }),
  z.object({ type: z.literal('workspace.changed'), path: z.string().nullable() }),
]);

export const jobSchema = z.object({
  jobId: z.string(),
  kind: jobKindSchema,
  state: z.enum(['running', 'completed', 'failed', 'cancelled']),
  startedAt: z.string(),
  lastEvent: deskEventSchema.nullable(),
});

export const jobOps = {
  'job.list': defineOperation({
    summary: 'Jobs started in this session and their state.',
    input: z.object({}),
    output: z.array(jobSchema),
  }),
  'job.cancel': defineOperation({
    summary: 'Cancel a running job; what it already stored is kept.',
    input: z.object({ jobId: z.string().min(1) }),
    output: z.object({ cancelled: z.boolean() }),
  }),
} as const;
