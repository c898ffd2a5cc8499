import { z } from 'zod';

/**
 * What an assessment or an offline evaluation reports when it ends. These schemas are the one
 * description of those shapes: the core's own types (JudgementStats in src/assess/judge.ts,
 * AssessmentResult in src/assess/run-assessment.ts) are checked against them at compile time in
 * src/api/handlers/job-results.ts, and the session validates every job result against them.
 */

const severityCountsSchema = z.object({
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  info: z.number(),
});

/** Judging collected resources: findings by result, what is new or resolved against the baseline. */
export const judgementStatsSchema = z.object({
  resources: z.number(),
  phiResources: z.number(),
  findings: z.object({ fail: z.number(), pass: z.number(), notApplicable: z.number() }),
  failBySeverity: severityCountsSchema,
  newFailures: z.number(),
  newFailuresBySeverity: severityCountsSchema,
  resolved: z.number(),
  ruleErrors: z.number(),
  /** The earlier run new and resolved are measured against; null on a first run. */
  baselineRunId: z.number().nullable(),
});

/**
 * A run's status. partial: some target could not be signed in to, or some service could not be
 * assessed in some scope; failed: no target could be assessed (or the run broke); the rules are
 * in src/assess/outcome.ts. interrupted: the process ended before the run finished.
 */
export const runStatusSchema = z.enum([
  'running',
  'completed',
  'partial',
  'cancelled',
  'failed',
  'interrupted',
]);

/** What a run could not assess at all, and why: the reasons behind a partial or failed outcome. */
export const unassessedSchema = z.object({
  targets: z.array(
    z.object({ target: z.string(), provider: z.string(), scopeId: z.string(), reason: z.string() }),
  ),
  services: z.array(
    z.object({
      target: z.string(),
      provider: z.string(),
      scopeId: z.string(),
      service: z.string(),
      region: z.string(),
      reason: z.string(),
    }),
  ),
});

/** `--aws-org`: what an organization's account listing gave the run. */
export const organizationSummarySchema = z.object({
  label: z.string(),
  managementAccountId: z.string().nullable(),
  listed: z.number(),
  entered: z.number(),
  skipped: z.array(z.object({ accountId: z.string(), name: z.string(), state: z.string() })),
  error: z.string().nullable(),
});

/** `--azure-all-subscriptions`: what the subscription listing gave the run. */
export const subscriptionListSummarySchema = z.object({
  label: z.string(),
  tenantId: z.string().nullable(),
  listed: z.number(),
  entered: z.number(),
  skipped: z.array(z.object({ subscriptionId: z.string(), name: z.string(), state: z.string() })),
  error: z.string().nullable(),
});

/** Collecting: targets, tasks, evidence and gaps, and how parallel the run was. */
export const collectionStatsSchema = z.object({
  targets: z.number(),
  connectedTargets: z.number(),
  tasks: z.number(),
  evidence: z.number(),
  gaps: z.number(),
  peakConcurrency: z.number(),
  allowedConcurrency: z.number(),
  durationMs: z.number(),
  /** Targets and services not assessed at all (absent on a cancelled run) */
  unassessed: unassessedSchema.optional(),
  /** AWS Organizations listed for the run (`--aws-org`) */
  organizations: z.array(organizationSummarySchema).optional(),
  /** Azure sign-ins whose subscriptions were listed (`--azure-all-subscriptions`) */
  subscriptionLists: z.array(subscriptionListSummarySchema).optional(),
});

/**
 * An assessment's stats: the collection's always; the judgement's only when the run got as far as
 * evaluating (a cancelled or failed run has none).
 */
export const assessmentStatsSchema = collectionStatsSchema.extend(judgementStatsSchema.partial().shape);

export const assessmentResultSchema = z.object({
  runId: z.number(),
  /** The run's outcome: completed, partial (some scope not assessed), failed (nothing assessed), cancelled */
  status: runStatusSchema.extract(['completed', 'partial', 'cancelled', 'failed']),
  /** Caller identities the run signed in as (one per connected target). */
  identities: z.array(z.string()),
  stats: assessmentStatsSchema,
  /** A partial or failed run: what was not assessed and why ("Assessment partial: ..."); or the error */
  error: z.string().optional(),
});

/** An offline re-evaluation: the new run, the run whose stored resources it judged, and its stats. */
export const evaluationResultSchema = z.object({
  runId: z.number(),
  sourceRunId: z.number(),
  stats: judgementStatsSchema,
});

/**
 * Stats as stored on a run row (runs.list): an assessment's, an evaluation's (with the run it
 * judged), or only what a cancelled or failed run got to. Every field is therefore optional.
 */
export const storedRunStatsSchema = collectionStatsSchema
  .partial()
  .extend(judgementStatsSchema.partial().shape)
  .extend({ sourceRunId: z.number().optional() });

export type JudgementStatsOutput = z.output<typeof judgementStatsSchema>;
export type AssessmentResultOutput = z.output<typeof assessmentResultSchema>;
export type EvaluationResultOutput = z.output<typeof evaluationResultSchema>;
export type StoredRunStats = z.output<typeof storedRunStatsSchema>;
export type RunStatus = z.output<typeof runStatusSchema>;
