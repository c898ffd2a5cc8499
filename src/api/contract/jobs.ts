import { z } from 'zod';
import { defineOperation } from './define';
import { exportResultSchema } from './report';
import { assessmentResultSchema, evaluationResultSchema } from './run-results';

/**
 * Long operations (assessment runs, exports) run as jobs that stream progress and outcome events.
 * What a finished job reports depends on its kind: each kind names its result schema here, and
 * every job event and job listing is a discriminated union by `kind`, so a caller that checked the
 * kind reads a typed result.
 */
export const jobResultSchemas = {
  assess: assessmentResultSchema,
  evaluate: evaluationResultSchema,
  export: exportResultSchema,
} as const;

export type JobKind = keyof typeof jobResultSchemas;
export const jobKindSchema = z.enum(['assess', 'evaluate', 'export'] satisfies JobKind[]);

const jobStateSchema = z.enum(['running', 'completed', 'failed', 'cancelled']);

function jobSchemasOf<K extends JobKind, R extends z.ZodType>(kind: K, result: R) {
  const progress = z.object({
    type: z.literal('job.progress'),
    jobId: z.string(),
    kind: z.literal(kind),
    phase: z.string(),
    done: z.number(),
    total: z.number(),
    message: z.string(),
    /** Area-specific detail (target, service, region, errors so far...) */
    detail: z.record(z.string(), z.unknown()).optional(),
  });
  const finished = z.object({
    type: z.literal('job.finished'),
    jobId: z.string(),
    kind: z.literal(kind),
    outcome: z.enum(['completed', 'failed', 'cancelled']),
    message: z.string(),
    /** for failed jobs: the error code (ACCESS_DENIED, BAD_INPUT, ...) */
    errorCode: z.string().optional(),
    /** Set when the job completed, and on a cancelled job that still reports what it kept. */
    result: result.optional(),
  });
  const job = z.object({
    jobId: z.string(),
    kind: z.literal(kind),
    state: jobStateSchema,
    startedAt: z.string(),
    lastEvent: z.discriminatedUnion('type', [progress, finished]).nullable(),
  });
  return { progress, finished, job };
}

const assessJob = jobSchemasOf('assess', jobResultSchemas.assess);
const evaluateJob = jobSchemasOf('evaluate', jobResultSchemas.evaluate);
const exportJob = jobSchemasOf('export', jobResultSchemas.export);

export const jobProgressEventSchema = z.discriminatedUnion('kind', [
  assessJob.progress,
  evaluateJob.progress,
  exportJob.progress,
]);

export const jobFinishedEventSchema = z.discriminatedUnion('kind', [
  assessJob.finished,
  evaluateJob.finished,
  exportJob.finished,
]);

export const deskEventSchema = z.discriminatedUnion('type', [
  jobProgressEventSchema,
  jobFinishedEventSchema,
  z.object({ type: z.literal('workspace.changed'), path: z.string().nullable() }),
]);

export const jobSchema = z.discriminatedUnion('kind', [assessJob.job, evaluateJob.job, exportJob.job]);

/** What a job of this kind reports when it ends (what its `run` must return). */
export type JobResult<K extends JobKind> = z.output<(typeof jobResultSchemas)[K]>;

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
