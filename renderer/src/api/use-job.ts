import { useCallback, useEffect, useState } from 'react';
import type { JobFinishedEvent, JobKind, JobProgressEvent } from '../../../src/api/contract';
import { useAction, useDeskEvent, useOperation } from './hooks';

export type { JobFinishedEvent, JobKind, JobProgressEvent };

/** A job event of one kind: for a finished event, `result` has that kind's type. */
function isOfKind<E extends { kind: JobKind }, K extends JobKind>(
  event: E,
  kind: K,
): event is Extract<E, { kind: K }> {
  return event.kind === kind;
}

export interface TrackedJob<K extends JobKind = JobKind> {
  jobId: string;
  /** The latest progress event, or null before the first one. */
  progress: JobProgressEvent | null;
  /** Set once the job ended (completed, failed or cancelled); its result is typed by the kind. */
  finished: Extract<JobFinishedEvent, { kind: K }> | null;
  /** The user asked to cancel; the job.finished event has not arrived yet. */
  cancelRequested: boolean;
}

export interface JobTracker<K extends JobKind = JobKind> {
  job: TrackedJob<K> | null;
  running: boolean;
  /** Follow the job a start call returned (its first events may already have arrived). */
  track(jobId: string): void;
  cancel(): Promise<void>;
  /** Forget a finished job's outcome. */
  dismiss(): void;
}

/**
 * Follows the one long job of `kind` (the server runs one job at a time): its progress and outcome
 * from the event stream. A job that is already running when the screen mounts, or that another
 * window started, is picked up too, so leaving a screen and coming back shows the same progress.
 */
export function useJob<K extends JobKind>(kind: K): JobTracker<K> {
  const [job, setJob] = useState<TrackedJob<K> | null>(null);
  const jobs = useOperation('job.list', {}, { live: false });
  const cancelAction = useAction('job.cancel', { invalidates: false });

  useEffect(() => {
    const running = jobs.data?.filter((j) => j.kind === kind && j.state === 'running').at(-1);
    if (!running) return;
    const last = running.lastEvent;
    setJob(
      (j) =>
        j ?? {
          jobId: running.jobId,
          progress: last?.type === 'job.progress' ? last : null,
          finished: null,
          cancelRequested: false,
        },
    );
  }, [jobs.data, kind]);

  useDeskEvent('job.progress', (event) => {
    if (event.kind !== kind) return;
    setJob((j) => {
      if (j?.jobId === event.jobId) return j.finished ? j : { ...j, progress: event };
      // Another job's event while ours runs cannot happen (one job at a time); keep ours if it does.
      if (j && !j.finished) return j;
      return { jobId: event.jobId, progress: event, finished: null, cancelRequested: false };
    });
  });

  useDeskEvent('job.finished', (event) => {
    if (!isOfKind(event, kind)) return;
    setJob((j) => {
      if (j && j.jobId !== event.jobId && !j.finished) return j;
      return {
        jobId: event.jobId,
        progress: j?.jobId === event.jobId ? j.progress : null,
        finished: event,
        cancelRequested: false,
      };
    });
  });

  // Another engagement opened: an outcome shown for the previous one no longer applies.
  useDeskEvent('workspace.changed', () => setJob((j) => (j && !j.finished ? j : null)));

  const track = useCallback((jobId: string) => {
    setJob((j) =>
      j?.jobId === jobId ? j : { jobId, progress: null, finished: null, cancelRequested: false },
    );
  }, []);

  const { run: runCancel } = cancelAction;
  const jobId = job?.jobId;
  const cancel = useCallback(async () => {
    if (!jobId) return;
    setJob((j) => (j?.jobId === jobId && !j.finished ? { ...j, cancelRequested: true } : j));
    const result = await runCancel({ jobId });
    // Refused (e.g. the job had just ended): the cancel button comes back; the error is shown.
    if (!result.ok) setJob((j) => (j?.jobId === jobId ? { ...j, cancelRequested: false } : j));
  }, [jobId, runCancel]);

  const dismiss = useCallback(() => setJob(null), []);

  return { job, running: job !== null && job.finished === null, track, cancel, dismiss };
}

/** A number from a progress event's free-form detail, or null. */
export function detailNumber(event: JobProgressEvent | null, key: string): number | null {
  const value = event?.detail?.[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** A string from a progress event's free-form detail, or null. */
export function detailText(event: JobProgressEvent | null, key: string): string | null {
  const value = event?.detail?.[key];
  return typeof value === 'string' && value !== '' ? value : null;
}
