/**
 * The application menu. Its File items run the same code as the renderer's buttons: the same
 * native dialogs (dialogs.ts) and the same API operations (dispatch), whose workspace.changed
 * event then updates the renderer.
 */
import { app, dialog, Menu, type BrowserWindow, type MessageBoxOptions } from 'electron';
import { basename } from 'node:path';
import type { DeskDialogs } from '../src/api/contract';
import { dispatch } from '../src/api/dispatch';
import type { DeskSession } from '../src/api/session';
import { buildMenuTemplate, type MenuActions } from './menu-template';
import { appScreenUrl } from './security';

export interface MenuDeps {
  session: DeskSession;
  dialogs: DeskDialogs;
  window: () => BrowserWindow | null;
}

async function showBox(deps: MenuDeps, options: MessageBoxOptions): Promise<number> {
  const win = deps.window();
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response;
}

async function runOperation(
  deps: MenuDeps,
  op: 'workspace.open' | 'workspace.close',
  input: object,
): Promise<boolean> {
  const result = await dispatch(deps.session, op, input);
  if (!result.ok) {
    await showBox(deps, {
      type: 'error',
      message: 'The engagement could not be changed.',
      detail: result.error.message,
    });
  }
  return result.ok;
}

function focusWindow(deps: MenuDeps): void {
  const win = deps.window();
  if (win === null) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

function menuActions(deps: MenuDeps): MenuActions {
  // A menu click has no caller to return an error to: failures are shown, never swallowed.
  const run = (action: () => Promise<unknown>) => (): void => {
    action().catch((err: unknown) => {
      console.error('[menu] action failed', err);
      dialog.showErrorBox('PHI Audit Desk', err instanceof Error ? err.message : String(err));
    });
  };
  return {
    openWorkspace: run(async () => {
      const path = await deps.dialogs.openWorkspace();
      if (path !== null) await runOperation(deps, 'workspace.open', { path });
    }),
    closeWorkspace: run(() => runOperation(deps, 'workspace.close', {})),
    // The new-engagement form (client, period, regions) lives in the renderer: the menu closes the
    // open engagement after a confirmation, then shows the renderer's Engagement screen, whose
    // create form appears when no workspace is open.
    newEngagement: run(async () => {
      const open = deps.session.workspace;
      if (open !== null) {
        const choice = await showBox(deps, {
          type: 'question',
          buttons: ['Close and start new', 'Cancel'],
          defaultId: 0,
          cancelId: 1,
          message: `Close ${basename(open.path)} to start a new engagement?`,
          detail: 'Its data stays in the file; reopen it any time with File › Open.',
        });
        if (choice !== 0 || !(await runOperation(deps, 'workspace.close', {}))) return;
      }
      const win = deps.window();
      if (win === null) return;
      // A fragment-only change of the loaded URL: the page is not reloaded, its hash router moves.
      // Not awaited: whether Electron settles loadURL for a same-document navigation is not
      // something this code should depend on.
      win
        .loadURL(appScreenUrl('engagement'))
        .catch((err: unknown) => console.error('[menu] could not show the Engagement screen', err));
      focusWindow(deps);
    }),
    showAbout: run(async () => {
      const { electron, chrome, node } = process.versions;
      await showBox(deps, {
        type: 'info',
        title: `About ${app.getName()}`,
        message: `${app.getName()} ${app.getVersion()}`,
        detail: `Read-only HIPAA Security Rule assessments of AWS and Azure.\n\nElectron ${electron}\nChromium ${chrome}\nNode.js ${node}`,
      });
    }),
  };
}

export function installMenu(deps: MenuDeps): void {
  const template = buildMenuTemplate({
    appName: app.getName(),
    version: app.getVersion(),
    platform: process.platform,
    isPackaged: app.isPackaged,
    actions: menuActions(deps),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
