/**
 * The one API contract. Every front door (Electron IPC, the HTTP bridge, the CLI) calls these
 * operations through src/api/dispatch.ts; the renderer imports only the types from this module.
 * Each area declares its operations in its own file; they are joined here.
 */
import type { z } from 'zod';
import type { ErrorCode } from '../../errors';
import { assessOps } from './assess';
import { auditLogOps } from './audit-log';
import { controlOps } from './controls';
import {
  jobOps,
  type deskEventSchema,
  type jobFinishedEventSchema,
  type jobProgressEventSchema,
  type jobSchema,
  type JobKind,
  type JobResult,
} from './jobs';
import { reportOps } from './report';
import { ruleOps } from './rules';
import { scopeOps } from './scope';
import { triageOps } from './triage';
import { workspaceOps } from './workspace';

export const contract = {
  ...workspaceOps,
  ...auditLogOps,
  ...jobOps,
  ...assessOps,
  ...reportOps,
  ...triageOps,
  ...controlOps,
  ...ruleOps,
  ...scopeOps,
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
/** What a caller sends (defaults may be omitted). */
export type OpInput<K extends OperationName> = z.input<Contract[K]['input']>;
/** What a handler receives, after validation and defaults. */
export type OpParsedInput<K extends OperationName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OperationName> = z.output<Contract[K]['output']>;

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** For VALIDATION errors: the dotted path of the first bad field. */
  field?: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type DeskEvent = z.infer<typeof deskEventSchema>;
export type JobProgressEvent = z.infer<typeof jobProgressEventSchema>;
export type JobFinishedEvent = z.infer<typeof jobFinishedEventSchema>;
/** The finished event of one job kind: its `result` has that kind's type. */
export type JobFinishedEventOf<K extends JobKind> = Extract<JobFinishedEvent, { kind: K }>;
/** One job as job.list returns it, by kind. */
export type JobStatus = z.infer<typeof jobSchema>;
export type { JobKind, JobResult };

/** window.desk in the renderer; the same shape over IPC and over the HTTP bridge. */
export interface DeskClient {
  call<K extends OperationName>(op: K, input: OpInput<K>): Promise<ApiResult<OpOutput<K>>>;
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** 'electron' or 'browser': only for wording (e.g. native dialogs), never for behaviour. */
  readonly transport: 'electron' | 'browser';
  /**
   * Native file dialogs, present only in Electron. In browser mode the UI lists the workspace
   * folder and accepts a typed path instead.
   */
  readonly dialogs?: DeskDialogs;
}

export interface DeskDialogs {
  /** Absolute path of a chosen *.phiaudit file, or null if cancelled. */
  openWorkspace(): Promise<string | null>;
  /** Absolute path for a new workspace, or null if cancelled. */
  saveWorkspace(defaultName: string): Promise<string | null>;
  /** A folder (export destination), or null if cancelled. */
  chooseFolder(title: string): Promise<string | null>;
  /** A certificate file (.p12/.pfx), or null if cancelled. */
  openCertificate(): Promise<string | null>;
}

export type { ErrorCode };
