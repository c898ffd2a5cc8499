/**
 * Wires the channel registry (channels.ts) to the core. Every invoke channel goes through one
 * wrapper, `handle`, which checks the sender (ipc-guard.ts) before anything else; each handler
 * then validates its arguments (security.ts) before they reach dispatch or a dialog.
 */
import { ipcMain, type WebContents } from 'electron';
import type { DeskDialogs } from '../src/api/contract';
import { dispatch } from '../src/api/dispatch';
import type { DeskSession } from '../src/api/session';
import { IPC, INVOKE_CHANNELS, type InvokeChannel, type InvokeChannels } from './channels';
import { guardInvoke } from './ipc-guard';
import { isAppUrl, validateDialogText, validateIpcCall } from './security';

export interface IpcDeps {
  session: DeskSession;
  dialogs: DeskDialogs;
  /** Our window's webContents, or null while there is none. */
  appContents: () => WebContents | null;
}

class IpcArgumentError extends Error {
  constructor(channel: string, what: string) {
    super(`${channel}: ${what}`);
    this.name = 'IpcArgumentError';
  }
}

function noArgs(channel: string, args: unknown[]): void {
  if (args.length !== 0) throw new IpcArgumentError(channel, 'takes no arguments');
}

function oneText(channel: string, args: unknown[]): string {
  const text = args.length === 1 ? validateDialogText(args[0]) : null;
  if (text === null)
    throw new IpcArgumentError(channel, 'expects one line of text of at most 200 characters');
  return text;
}

/** Registers every invoke channel; returns a function that removes them (app quit, tests). */
export function registerIpc(deps: IpcDeps): () => void {
  const handle = <C extends InvokeChannel>(
    channel: C,
    fn: (...args: unknown[]) => Promise<InvokeChannels[C]['result']>,
  ): void => {
    ipcMain.handle(channel, guardInvoke(channel, deps.appContents, fn));
  };

  // A malformed call is the trusted renderer's bug: it gets an error result, like any bad input.
  handle(IPC.call, async (...args) => {
    if (args.length > 2) return { ok: false, error: { code: 'VALIDATION', message: 'Too many arguments.' } };
    const check = validateIpcCall(args[0], args[1]);
    return check.ok ? dispatch(deps.session, check.op, check.input) : { ok: false, error: check.error };
  });
  handle(IPC.openWorkspace, async (...args) => {
    noArgs(IPC.openWorkspace, args);
    return deps.dialogs.openWorkspace();
  });
  handle(IPC.saveWorkspace, async (...args) => deps.dialogs.saveWorkspace(oneText(IPC.saveWorkspace, args)));
  handle(IPC.chooseFolder, async (...args) => deps.dialogs.chooseFolder(oneText(IPC.chooseFolder, args)));
  handle(IPC.openCertificate, async (...args) => {
    noArgs(IPC.openCertificate, args);
    return deps.dialogs.openCertificate();
  });

  return () => {
    for (const channel of INVOKE_CHANNELS) ipcMain.removeHandler(channel);
  };
}

/**
 * Forwards every session event (job progress, workspace changes) to the window, and only while
 * it shows our own origin. Returns the unsubscribe function.
 */
export function forwardSessionEvents(
  session: DeskSession,
  appContents: () => WebContents | null,
): () => void {
  return session.subscribe((event) => {
    const contents = appContents();
    if (contents === null || contents.isDestroyed() || !isAppUrl(contents.mainFrame.url)) return;
    try {
      contents.send(IPC.event, event);
    } catch (err) {
      // A value that structured clone cannot carry: the job's own state is unaffected.
      console.error(`[ipc] could not forward a ${event.type} event`, err);
    }
  });
}
