import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DeskError, isDeskError, messageOf } from '../errors';
import type { Workspace } from '../workspace/workspace';
import type { z } from 'zod';
import type { DeskEvent, JobFinishedEventOf, JobStatus } from './contract';
import { jobFinishedEventSchema, jobSchema, type jobResultSchemas, type JobKind } from './contract/jobs';

export type FrontDoor = 'electron' | 'browser' | 'cli';
export type { JobKind };

/** What a job's `run` returns: a line for the user and, for its kind, the result the contract describes. */
export interface JobOutcome<K extends JobKind> {
  message: string;
  result?: z.input<(typeof jobResultSchemas)[K]>;
}

/** Narrows a job event to one kind, so the caller reads that kind's result without a cast. */
export function isJobEventOfKind<E extends { kind: JobKind }, K extends JobKind>(
  event: E,
  kind: K,
): event is Extract<E, { kind: K }> {
  return event.kind === kind;
}

export interface JobHandle {
  readonly jobId: string;
  readonly signal: AbortSignal;
  progress(p: {
    phase: string;
    done: number;
    total: number;
    message: string;
    detail?: Record<string, unknown>;
  }): void;
}

interface JobState {
  jobId: string;
  kind: JobKind;
  state: 'running' | 'completed' | 'failed' | 'cancelled';
  startedAt: string;
  controller: AbortController;
  lastEvent: DeskEvent | null;
  done: Promise<void>;
}

export function defaultWorkspaceDir(): string {
  // An empty variable counts as unset (it would otherwise put workspaces in the current folder).
  return process.env.PHI_AUDIT_WORKSPACE_DIR || join(homedir(), 'PHI Audit Desk');
}

/**
 * The state one front door holds: the open workspace, running jobs, and an event stream.
 * The Electron shell and the HTTP bridge each own one session; handlers receive it.
 */
export class DeskSession {
  readonly workspaceDir: string;
  readonly frontDoor: FrontDoor;
  private current: Workspace | null = null;
  private readonly emitter = new EventEmitter();
  private readonly jobs = new Map<string, JobState>();

  constructor(opts: { workspaceDir?: string; frontDoor: FrontDoor }) {
    this.workspaceDir = opts.workspaceDir ?? defaultWorkspaceDir();
    this.frontDoor = opts.frontDoor;
    this.emitter.setMaxListeners(50);
  }

  ensureWorkspaceDir(): string {
    mkdirSync(this.workspaceDir, { recursive: true });
    return this.workspaceDir;
  }

  get workspace(): Workspace | null {
    return this.current;
  }

  requireWorkspace(): Workspace {
    if (!this.current)
      throw new DeskError('NO_WORKSPACE', 'No workspace is open. Create or open an engagement first.');
    return this.current;
  }

  /** Replaces the open workspace; the previous one is closed. Refused while a job is running. */
  setWorkspace(ws: Workspace | null): void {
    if (this.current && this.current !== ws) {
      this.assertNoRunningJobs();
      this.current.close();
    }
    this.current = ws;
    this.emit({ type: 'workspace.changed', path: ws?.path ?? null });
  }

  assertNoRunningJobs(): void {
    const running = [...this.jobs.values()].find((j) => j.state === 'running');
    if (running) {
      throw new DeskError(
        'CONFLICT',
        `A ${running.kind} job is still running. Wait for it or cancel it first.`,
      );
    }
  }

  emit(event: DeskEvent): void {
    const job = 'jobId' in event ? this.jobs.get(event.jobId) : undefined;
    // A finished job's outcome stays its last event: late progress (a task that settles after a
    // cancel) is dropped rather than reported after the outcome.
    if (job && job.lastEvent?.type === 'job.finished' && event.type === 'job.progress') return;
    if (job) job.lastEvent = event;
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: DeskEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /**
   * Starts a long operation in the background and returns its id at once. Progress and the
   * outcome arrive as events; `cancelJob` aborts its signal.
   */
  startJob<K extends JobKind>(kind: K, run: (job: JobHandle) => Promise<JobOutcome<K>>): string {
    this.assertNoRunningJobs();
    const jobId = randomUUID();
    // Not generic below: each event is checked against the union of the kinds' event shapes.
    const jobKind: JobKind = kind;
    const controller = new AbortController();
    const state: JobState = {
      jobId,
      kind,
      state: 'running',
      startedAt: new Date().toISOString(),
      controller,
      lastEvent: null,
      done: Promise.resolve(),
    };
    this.jobs.set(jobId, state);
    const handle: JobHandle = {
      jobId,
      signal: controller.signal,
      progress: (p) => this.emit({ type: 'job.progress', jobId, kind: jobKind, ...p }),
    };
    state.done = (async () => {
      try {
        // Start on the next turn of the event loop: the caller gets the job id and subscribes first,
        // so even a job that fails at once reports its outcome as an event.
        await new Promise<void>((r) => setImmediate(r));
        const { message, result } = await run(handle);
        const outcome = controller.signal.aborted ? 'cancelled' : 'completed';
        // The result leaves the core here: checked against the contract like an operation's output,
        // so a shape the contract does not describe fails the job instead of reaching a caller.
        const finished = jobFinishedEventSchema.safeParse({
          type: 'job.finished',
          jobId,
          kind,
          outcome,
          message,
          ...(result === undefined ? {} : { result }),
        });
        if (!finished.success) {
          console.error(
            `[job ${kind}] the result does not match its contract`,
            finished.error.issues.slice(0, 3),
          );
          throw new DeskError('INTERNAL', `Internal error: the ${kind} job produced an invalid result.`);
        }
        state.state = outcome;
        this.emit(finished.data);
      } catch (err) {
        const cancelled = controller.signal.aborted || (isDeskError(err) && err.code === 'CANCELLED');
        state.state = cancelled ? 'cancelled' : 'failed';
        if (!cancelled && !isDeskError(err)) console.error(`[job ${kind}]`, err);
        this.emit({
          type: 'job.finished',
          jobId,
          kind: jobKind,
          outcome: state.state === 'cancelled' ? 'cancelled' : 'failed',
          message: messageOf(err),
          errorCode: isDeskError(err) ? err.code : 'INTERNAL',
        });
      }
    })();
    return jobId;
  }

  cancelJob(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) throw new DeskError('NOT_FOUND', `No job ${jobId}.`);
    if (job.state !== 'running') return false;
    job.controller.abort(new DeskError('CANCELLED', 'Cancelled by the user.'));
    return true;
  }

  /** Resolves when the job has finished (for the CLI and tests). */
  async waitForJob(jobId: string): Promise<JobState['state']> {
    const job = this.jobs.get(jobId);
    if (!job) throw new DeskError('NOT_FOUND', `No job ${jobId}.`);
    await job.done;
    return job.state;
  }

  /** The jobs of this session, each with its last event (typed by the job's kind). */
  listJobs(): JobStatus[] {
    // Parsed, not asserted: the kind of a job and the kind of its last event are checked to agree.
    return jobSchema.array().parse(
      [...this.jobs.values()].map(({ jobId, kind, state, startedAt, lastEvent }) => ({
        jobId,
        kind,
        state,
        startedAt,
        lastEvent,
      })),
    );
  }

  /** The outcome of a finished job of this kind, or null while it runs (or if it is of another kind). */
  finishedEvent<K extends JobKind>(jobId: string, kind: K): JobFinishedEventOf<K> | null {
    const last = this.jobs.get(jobId)?.lastEvent;
    if (last?.type !== 'job.finished' || !isJobEventOfKind(last, kind)) return null;
    return last;
  }

  async dispose(): Promise<void> {
    for (const job of this.jobs.values())
      if (job.state === 'running') job.controller.abort(new DeskError('CANCELLED', 'The app is closing.'));
    await Promise.all([...this.jobs.values()].map((j) => j.done));
    this.current?.close();
    this.current = null;
    this.emitter.removeAllListeners();
  }
}
