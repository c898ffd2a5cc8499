/**
 * The contract describes what the core returns; the core keeps its own declarations (it sits
 * below the API layer and never imports the contract). These compile-time checks tie the two: a field added, dropped or retyped
 * on either side is a type error here, not a result the CLI or the UI misreads.
 */
import type { JudgementStats } from '../../assess/judge';
import type { FindingRow } from '../../assess/read-models/findings';
import type { reevaluate } from '../../assess/reevaluate';
import type { AssessmentResult } from '../../assess/run-assessment';
import type { ExportResult } from '../../report/package';
import type { JobResult, OpOutput } from '../contract';

/** True when A and B are the same type: each is assignable to the other. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Check<T extends true> = T;

export type CoreResultsMatchContract = [
  Check<Same<AssessmentResult, JobResult<'assess'>>>,
  Check<Same<AssessmentResult['stats'], JobResult<'assess'>['stats']>>,
  Check<Same<JudgementStats, JobResult<'evaluate'>['stats']>>,
  Check<Same<ReturnType<typeof reevaluate>, JobResult<'evaluate'>>>,
  Check<Same<ReturnType<typeof reevaluate>, OpOutput<'assess.evaluate'>>>,
  Check<Same<ExportResult, JobResult<'export'>>>,
  // One finding shape for the API and the report (src/assess/read-models/findings.ts).
  Check<Same<FindingRow, OpOutput<'findings.list'>['items'][number]>>,
];
