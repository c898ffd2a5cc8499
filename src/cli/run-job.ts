import type { DeskEvent } from '../api/contract';
import { DeskError, errorCodes } from '../errors';
import type { CliContext } from './context';
import { createStatusLine, progressBar } from './format';

/**
 * Follows a job started through the API: draws its progress on one status line, cancels it on
 * Ctrl-C (what was stored is kept), and resolves with the job's result.
 */
export type ProgressMode = 'bar' | 'lines' | 'none';

export function parseProgressMode(value: string): ProgressMode {
  if (value === 'bar' || value === 'lines' || value === 'none') return value;
  throw new DeskError('BAD_INPUT', `--progress: expected bar, lines or none, not '${value}'`);
}

export async function followJob(
  ctx: CliContext,
  jobId: string,
  label: string,
  mode: ProgressMode = 'bar',
): Promise<unknown> {
  const status = createStatusLine();
  let finished: Extract<DeskEvent, { type: 'job.finished' }> | undefined;
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
    } else if (event.type === 'job.finished') {
      finished = event;
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
  // A job that ended before we subscribed has its outcome as its last event.
  finished ??= ctx.session.listJobs().find((j) => j.jobId === jobId && j.lastEvent?.type === 'job.finished')
    ?.lastEvent as typeof finished;
  if (!finished) throw new DeskError('INTERNAL', `The ${label} job ended without a result.`);
  if (finished.outcome === 'failed') {
    const code = errorCodes.find((c) => c === finished?.errorCode) ?? 'INTERNAL';
    throw new DeskError(code, finished.message);
  }
  if (finished.outcome === 'cancelled') throw new DeskError('CANCELLED', finished.message);
  return finished.result;
}
