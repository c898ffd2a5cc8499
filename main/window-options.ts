/**
 * The main window's options as data (type-only `electron` import, tested in Node). Each switch is
 * Electron's security checklist made explicit, so a changed default can never loosen it.
 */
import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    // The page and the preload run in separate JavaScript worlds: only contextBridge crosses.
    contextIsolation: true,
    // The renderer is an OS-sandboxed Chromium process; the preload can require only 'electron'.
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    // Dictionaries are downloaded from Google's CDN, and misspellings of client data would be
    // offered to the OS spell service: off.
    spellcheck: false,
    safeDialogs: true,
    devTools,
  };
}

export function mainWindowOptions(opts: {
  preloadPath: string;
  devTools: boolean;
  dark: boolean;
}): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    title: 'PHI Audit Desk',
    // Shown on 'ready-to-show', with the theme's background, so no white flash on a dark desktop.
    show: false,
    backgroundColor: opts.dark ? '#121212' : '#ffffff',
    webPreferences: secureWebPreferences(opts.preloadPath, opts.devTools),
  };
}
