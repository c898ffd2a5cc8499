/**
 * The Electron main process: app lifecycle and wiring only. Policy lives in security.ts (pure,
 * unit-tested); the product lives in src/ and is reached through the same dispatch as the CLI and
 * the HTTP bridge.
 */
import { app, BrowserWindow, dialog, nativeTheme, session as electronSession } from 'electron';
import { join } from 'node:path';
import { DeskSession } from '../src/api/session';
import { createDialogs } from './dialogs';
import { hardenSession, hardenWebContents } from './hardening';
import { forwardSessionEvents, registerIpc } from './ipc';
import { installMenu } from './menu';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { APP_ENTRY_URL } from './security';
import { mainWindowOptions } from './window-options';

// Both must happen before 'ready'. enableSandbox sandboxes every renderer, whatever its options.
registerAppScheme();
app.enableSandbox();

// Bundled to dist/main/main.cjs: the preload sits beside it, the renderer in dist/renderer.
const PRELOAD_PATH = join(__dirname, 'preload.cjs');
const RENDERER_ROOT = join(__dirname, '..', 'renderer');

function start(): void {
  // One instance: two processes on one workspace would fight over its SQLite write lock.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  const deskSession = new DeskSession({ frontDoor: 'electron' });
  let win: BrowserWindow | null = null;
  const currentWindow = (): BrowserWindow | null => (win !== null && !win.isDestroyed() ? win : null);
  const appContents = () => currentWindow()?.webContents ?? null;
  const dialogs = createDialogs({ window: currentWindow, session: deskSession });

  const openWindow = (): void => {
    const created = new BrowserWindow(
      mainWindowOptions({
        preloadPath: PRELOAD_PATH,
        devTools: !app.isPackaged,
        dark: nativeTheme.shouldUseDarkColors,
      }),
    );
    win = created;
    created.once('ready-to-show', () => created.show());
    created.on('closed', () => {
      if (win === created) win = null;
    });
    created
      .loadURL(APP_ENTRY_URL)
      .catch((err: unknown) => console.error('[main] the renderer did not load', err));
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    const existing = currentWindow();
    if (existing === null) return;
    if (existing.isMinimized()) existing.restore();
    existing.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // dispose() cancels running jobs and closes the workspace cleanly (WAL checkpoint, file lock):
  // quitting waits for it once, then proceeds.
  let disposed = false;
  app.on('will-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    deskSession
      .dispose()
      .catch((err: unknown) => console.error('[main] closing the session failed', err))
      .finally(() => {
        disposed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(() => {
      const ses = electronSession.defaultSession;
      hardenSession(ses);
      serveAppProtocol(ses, RENDERER_ROOT);
      registerIpc({ session: deskSession, dialogs, appContents });
      forwardSessionEvents(deskSession, appContents);
      installMenu({ session: deskSession, dialogs, window: currentWindow });
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((err: unknown) => {
      console.error('[main] start-up failed', err);
      dialog.showErrorBox('PHI Audit Desk could not start', err instanceof Error ? err.message : String(err));
      app.exit(1);
    });
}

start();
