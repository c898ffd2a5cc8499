/**
 * The one IPC channel registry, shared by main (ipc.ts) and the preload. It holds only constants
 * and types, so the sandboxed preload bundle stays free of Node code. The signatures come from
 * the API contract (DeskClient, DeskDialogs): nothing here is a hand-kept copy of them.
 */
import type { ApiResult, DeskDialogs } from '../src/api/contract';

export const IPC = {
  /** renderer → main: one API operation, answered by src/api/dispatch. */
  call: 'desk:call',
  /** main → renderer: every DeskEvent of the session (job progress, workspace changes). */
  event: 'desk:event',
  openWorkspace: 'desk:dialog:openWorkspace',
  saveWorkspace: 'desk:dialog:saveWorkspace',
  chooseFolder: 'desk:dialog:chooseFolder',
  openCertificate: 'desk:dialog:openCertificate',
} as const;

type DialogChannel<K extends keyof DeskDialogs> = {
  args: Parameters<DeskDialogs[K]>;
  result: Awaited<ReturnType<DeskDialogs[K]>>;
};

/** Every invoke channel: its arguments as the renderer sends them, and its result. */
export interface InvokeChannels {
  [IPC.call]: { args: [op: string, input: unknown]; result: ApiResult<unknown> };
  [IPC.openWorkspace]: DialogChannel<'openWorkspace'>;
  [IPC.saveWorkspace]: DialogChannel<'saveWorkspace'>;
  [IPC.chooseFolder]: DialogChannel<'chooseFolder'>;
  [IPC.openCertificate]: DialogChannel<'openCertificate'>;
}

export type InvokeChannel = keyof InvokeChannels;

/** For the registry test: every invoke channel, in one list. */
export const INVOKE_CHANNELS: readonly InvokeChannel[] = [
  IPC.call,
  IPC.openWorkspace,
  IPC.saveWorkspace,
  IPC.chooseFolder,
  IPC.openCertificate,
];
