import type { JobFinishedEventOf, JobKind } from '../api/contract';
import { DeskError, errorCodes } from '../errors';
import type { CliContext } from './context';
import { createStatusLine, progressBar } from './format';

export type ProgressMode = 'bar' | 'lines' | 'none';

export function parseProgressMode(value: string): ProgressMode {
  if (value === 'bar' || value === 'lines' || value === 'none') return value;
  throw new DeskError('BAD_INPUT', `--progress: expected bar, lines or none, not '${value}'`);
}

/**
 * Follows a job started through the API: draws its progress on one status line, cancels it on
 * Ctrl-C (what was stored is kept), and resolves with the job's finished event (typed by its kind)
 * once it has completed; a failed or cancelled job is thrown as a DeskError.
 */
export async function followJob<K extends JobKind>(
  ctx: CliContext,
  jobId: string,
  kind: K,
  label: string,
  mode: ProgressMode = 'bar',
): Promise<JobFinishedEventOf<K>> {
  const status = createStatusLine();
  const off = ctx.session.subscribe((event) => {
    if (!('jobId' in event) || event.jobId !== jobId) return;
    if (event.type === 'job.progress') {
      // 'lines' suits logs and scripts: one JSON object per event on stderr.
      if (mode === 'lines')
        process.stderr.write(
          `${JSON.stringify({ phase: event.phase, done: event.done, total: event.total, message: event.message, ...event.detail })}\n`,
        );
      else if (mode === 'bar')
        status.update(`${label} ${progressBar(event.done, event.total)} ${event.phase}: ${event.message}`);
    }
  });
  let interrupts = 0;
  const onSigint = () => {
    interrupts++;
    if (interrupts > 1) process.exit(130);
    status.clear();
    process.stderr.write(
      '\nCancelling… (evidence collected so far is kept; press Ctrl-C again to quit at once)\n',
    );
    ctx.session.cancelJob(jobId);
  };
  process.on('SIGINT', onSigint);
  try {
    await ctx.session.waitForJob(jobId);
  } finally {
    process.off('SIGINT', onSigint);
    off();
    status.clear();
  }
  // The outcome is the job's last event, typed by its kind (also when it ended before we subscribed).
  const finished = ctx.session.finishedEvent(jobId, kind);
  if (!finished) throw new DeskError('INTERNAL', `The ${label} job ended without a result.`);
  if (finished.outcome === 'failed') {
    const code = errorCodes.find((c) => c === finished.errorCode) ?? 'INTERNAL';
    throw new DeskError(code, finished.message);
  }
  if (finished.outcome === 'cancelled') throw new DeskError('CANCELLED', finished.message);
  return finished;
}

/** A completed job's result (typed by its kind); a completed job without one is a bug, said so. */
export function completedResult<R>(finished: { kind: string; result?: R }): R {
  if (finished.result === undefined)
    throw new DeskError('INTERNAL', `The ${finished.kind} job completed without a result.`);
  return finished.result;
}
