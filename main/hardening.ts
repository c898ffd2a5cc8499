/**
 * Applies security.ts's policies to Electron objects. Every webContents the app ever creates
 * (the window, DevTools, anything unexpected) goes through hardenWebContents, via
 * app 'web-contents-created' in main.ts, so no window is ever left unguarded.
 */
import type { Session, WebContents } from 'electron';
import { navigationDecision, requestDecision } from './security';

/** Only the origin goes to the log: a full URL chosen by page content could carry client data. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(not a URL)';
  }
}

export function hardenSession(ses: Session): void {
  // Camera, microphone, notifications, geolocation, clipboard-read, HID, serial, USB…: the audit
  // UI needs none of them, so every request and every check is answered "no".
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // Nothing the renderer loads may leave the machine (PHI exfiltration, remote script).
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = requestDecision(details.url) === 'deny';
    if (cancel) console.warn(`[security] request to ${originOf(details.url)} blocked`);
    callback({ cancel });
  });
  // Exports are written by the main process through the API; the page never downloads files.
  ses.on('will-download', (event) => event.preventDefault());
}

export function hardenWebContents(contents: WebContents): void {
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`[security] window.open(${originOf(url)}) denied`);
    return { action: 'deny' };
  });
  const guard = (event: { url: string; preventDefault(): void }): void => {
    if (navigationDecision(event.url) === 'allow') return;
    event.preventDefault();
    console.warn(`[security] navigation to ${originOf(event.url)} denied`);
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  // webviewTag is off in webPreferences; this also stops one being attached any other way.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
