/**
 * The application menu as data (the `electron` import is type-only, so it is tested in Node).
 * menu.ts builds it; the actions are the same code paths the renderer reaches through IPC.
 */
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  newEngagement(): void;
  openWorkspace(): void;
  closeWorkspace(): void;
  showAbout(): void;
}

export interface MenuContext {
  appName: string;
  version: string;
  platform: NodeJS.Platform;
  /** Packaged builds get no DevTools and no reload: nothing a user needs, much an attacker wants. */
  isPackaged: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const { actions } = ctx;
  const isMac = ctx.platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        id: 'file.new',
        label: 'New engagement…',
        accelerator: 'CmdOrCtrl+N',
        click: () => actions.newEngagement(),
      },
      { id: 'file.open', label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => actions.openWorkspace() },
      {
        id: 'file.close',
        label: 'Close',
        accelerator: 'CmdOrCtrl+Shift+W',
        click: () => actions.closeWorkspace(),
      },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      ...(ctx.isPackaged
        ? []
        : ([
            { role: 'reload' },
            { role: 'toggleDevTools' },
            { type: 'separator' },
          ] as MenuItemConstructorOptions[])),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    role: 'help',
    submenu: [
      { id: 'help.about', label: `About ${ctx.appName}`, click: () => actions.showAbout() },
      { id: 'help.version', label: `Version ${ctx.version}`, enabled: false },
    ],
  };
  // macOS puts Quit and Hide in the app menu; Edit is needed there for copy and paste to work.
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    view,
    { role: 'windowMenu' },
    help,
  ];
}
