/**
 * The native file dialogs: one implementation of DeskDialogs, used by the IPC channels and by the
 * app menu, so both show exactly the same dialog.
 */
import { dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { DeskDialogs } from '../src/api/contract';
import type { DeskSession } from '../src/api/session';
import {
  chooseFolderOptions,
  firstPath,
  openCertificateOptions,
  openWorkspaceOptions,
  saveWorkspaceOptions,
  withWorkspaceExtension,
} from './dialog-options';

export function createDialogs(ctx: {
  window: () => BrowserWindow | null;
  session: DeskSession;
}): DeskDialogs {
  // Modal to the window when there is one, so the dialog cannot fall behind it.
  const showOpen = async (options: OpenDialogOptions): Promise<string | null> => {
    const win = ctx.window();
    return firstPath(win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options));
  };
  const showSave = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = ctx.window();
    const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
  const workspaceDir = (): string => {
    try {
      return ctx.session.ensureWorkspaceDir();
    } catch (err) {
      // The dialog still works without the default folder; the user picks another one.
      console.warn('[dialogs] could not create the workspace folder', err);
      return ctx.session.workspaceDir;
    }
  };

  return {
    openWorkspace: () => showOpen(openWorkspaceOptions(workspaceDir())),
    saveWorkspace: async (defaultName) => {
      const path = await showSave(saveWorkspaceOptions(workspaceDir(), defaultName));
      return path === null ? null : withWorkspaceExtension(path);
    },
    chooseFolder: (title) => showOpen(chooseFolderOptions(title)),
    openCertificate: () => showOpen(openCertificateOptions()),
  };
}
