/**
 * The Electron shell's security policy as plain functions: no `electron` import, so every rule
 * here is unit-tested in Node (test/unit/main/security.test.ts). The Electron wiring in
 * hardening.ts, protocol.ts and ipc.ts only asks these functions and acts on the answer.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import type { ApiError } from '../src/api/contract';
import { RENDERER_CSP } from '../src/api/csp';

/**
 * The renderer is served from a privileged custom scheme instead of file:// (see protocol.ts for
 * why). `standard` gives it a real origin, so CSP 'self' means exactly this host.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** The renderer's hash routes (renderer/src/shell/router.ts): `#/engagement`, `#/findings`… */
export function appScreenUrl(screen: string): string {
  if (!/^[a-z][a-z-]{0,39}$/.test(screen)) throw new Error(`not a screen id: ${screen}`);
  return `${APP_ENTRY_URL}#/${screen}`;
}

function parseUrl(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null; // not a URL at all: every caller treats that as "not ours"
  }
}

/** Exactly app://desk/… : no credentials, no port, no look-alike host (app://desk.evil/). */
export function isAppUrl(url: unknown): boolean {
  const u = parseUrl(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === ''
  );
}

export type Decision = 'allow' | 'deny';

/**
 * will-navigate / will-redirect / will-frame-navigate: the window may only ever show our own
 * pages. Links to the web are not opened either: an audit tool has no reason to hand a URL chosen
 * by page content to the OS browser, and that hand-off is a classic Electron escape.
 */
export function navigationDecision(url: unknown): Decision {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/**
 * webRequest.onBeforeRequest: nothing the renderer loads may leave the machine. Allowed: our own
 * origin, DevTools' internal pages (development only: DevTools is disabled when packaged), and
 * data:/blob: URLs of our origin, which never touch the network (the CSP decides if a page may use
 * them). Every http(s), ws(s), ftp and file URL is cancelled.
 */
export function requestDecision(url: unknown): Decision {
  const u = parseUrl(url);
  if (u === null) return 'deny';
  if (isAppUrl(url)) return 'allow';
  if (u.protocol === 'devtools:' || u.protocol === 'data:') return 'allow';
  if (u.protocol === 'blob:') return isAppUrl(u.pathname) ? 'allow' : 'deny';
  return 'deny';
}

/** What main knows about the frame behind an IPC message (from IpcMainInvokeEvent). */
export interface SenderFacts {
  /** senderFrame.url; null when the frame has already navigated away or been destroyed. */
  frameUrl: string | null;
  /** The frame has no parent and is the main frame of the sending webContents. */
  isMainFrame: boolean;
  /** The sending webContents is our one BrowserWindow's (not DevTools, not another window). */
  fromAppWindow: boolean;
}

/**
 * The check in front of every IPC handler (ipc.ts `handle`): only the main frame of our window,
 * showing our own origin, may call the API. A subframe, another origin or a frame that is gone
 * is refused before any handler runs.
 */
export function isTrustedSender(facts: SenderFacts): boolean {
  return facts.fromAppWindow && facts.isMainFrame && facts.frameUrl !== null && isAppUrl(facts.frameUrl);
}

/**
 * One CSP for both front doors: the HTTP bridge's RENDERER_CSP is the source of truth, so browser
 * mode (where the e2e tests run) and Electron enforce the same policy.
 */
export function cspFor(target: 'app'): string {
  switch (target) {
    case 'app':
      return RENDERER_CSP;
  }
}

/** CON, NUL, COM1… name devices on Windows whatever their extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/**
 * Maps the path of an app:// request to a file inside `root` (dist/renderer), or null. Refused
 * outright rather than normalised: `.`/`..` segments (also percent-encoded), dot-files, empty
 * segments, backslashes, drive letters and colons, NUL, Windows device names, and malformed escapes. A path whose last
 * segment has no extension is a client-side route and gets index.html.
 */
export function resolveAppFile(root: string, requestPath: string): string | null {
  if (!isAbsolute(root) || typeof requestPath !== 'string' || !requestPath.startsWith('/')) return null;
  if (requestPath.length > 2048) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null; // malformed %-escape
  }
  if (/[\0\\:]/.test(decoded)) return null;
  const rest = decoded.slice(1);
  if (rest === '') return join(resolve(root), 'index.html');
  const segments = rest.split('/');
  if (segments.some((s) => s === '' || s.startsWith('.') || WINDOWS_DEVICE.test(s))) return null;
  const last = segments[segments.length - 1] ?? '';
  if (!last.includes('.')) return join(resolve(root), 'index.html');
  const base = resolve(root);
  const file = resolve(base, ...segments);
  // Belt and braces: whatever the rules above let through must still land under root.
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return file;
}

const CONTENT_TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  mjs: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  ico: 'image/x-icon',
  woff2: 'font/woff2',
  woff: 'font/woff',
  ttf: 'font/ttf',
  txt: 'text/plain; charset=utf-8',
};

/** Module scripts need an exact JavaScript MIME type; anything unknown is served as opaque bytes. */
export function contentTypeFor(file: string): string {
  const ext = file.slice(file.lastIndexOf('.') + 1).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

/** Bounds on what the renderer may send through desk:call. */
export interface IpcLimits {
  maxOpLength: number;
  maxDepth: number;
  /** Every array element and object property counts as one node. */
  maxNodes: number;
  /** Sum of the lengths of every string and key: the same 64 MiB the HTTP bridge accepts. */
  maxTotalChars: number;
}

export const DEFAULT_IPC_LIMITS: IpcLimits = {
  maxOpLength: 64,
  maxDepth: 32,
  maxNodes: 200_000,
  maxTotalChars: 64 * 1024 * 1024,
};

/** Operation names look like `workspace.open` or `auditLog.verify` (src/api/contract). */
const OP_SHAPE = /^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*){1,3}$/;

/** Keys that turn a naive `target[key] = value` into prototype pollution. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type IpcCallCheck = { ok: true; op: string; input: unknown } | { ok: false; error: ApiError };

function refused(message: string): IpcCallCheck {
  return { ok: false, error: { code: 'VALIDATION', message } };
}

/**
 * Checks the shape of a desk:call before it reaches dispatch (which then applies the zod
 * contract): the op name, and an input that is plain JSON data. Structured clone over IPC can carry
 * Dates, Maps, typed arrays, class instances and cycles that JSON (and so the browser front door)
 * cannot; refusing them here keeps both front doors equal. `undefined` is accepted where JSON would
 * drop it (absent optional fields).
 */
export function validateIpcCall(
  op: unknown,
  input: unknown,
  limits: IpcLimits = DEFAULT_IPC_LIMITS,
): IpcCallCheck {
  if (typeof op !== 'string' || op.length > limits.maxOpLength || !OP_SHAPE.test(op)) {
    return refused('The operation name is not valid.');
  }
  let nodes = 0;
  let chars = 0;
  const ancestors = new Set<object>();

  const walk = (value: unknown, depth: number): string | null => {
    if (++nodes > limits.maxNodes) return 'The input has too many values.';
    if (value === null || value === undefined || typeof value === 'boolean') return null;
    if (typeof value === 'number')
      return Number.isFinite(value) ? null : 'The input holds a number JSON cannot carry.';
    if (typeof value === 'string') {
      chars += value.length;
      return chars > limits.maxTotalChars ? 'The input is too large.' : null;
    }
    if (typeof value !== 'object') return `The input holds a ${typeof value}, which is not JSON data.`;
    if (depth >= limits.maxDepth) return 'The input is nested too deeply.';
    if (ancestors.has(value)) return 'The input refers to itself.';
    const isArray = Array.isArray(value);
    const proto: unknown = Object.getPrototypeOf(value);
    if (!isArray && proto !== Object.prototype && proto !== null)
      return 'The input holds an object that is not plain data.';
    ancestors.add(value);
    try {
      if (isArray) {
        for (let i = 0; i < value.length; i++) {
          if (!Object.hasOwn(value, i)) return 'The input holds a sparse array.';
          const bad = walk(value[i], depth + 1);
          if (bad) return bad;
        }
        return null;
      }
      if (Object.getOwnPropertySymbols(value).length > 0) return 'The input holds a symbol key.';
      for (const [key, child] of Object.entries(value)) {
        if (FORBIDDEN_KEYS.has(key)) return `The input holds the reserved key '${key}'.`;
        chars += key.length;
        if (chars > limits.maxTotalChars) return 'The input is too large.';
        const bad = walk(child, depth + 1);
        if (bad) return bad;
      }
      return null;
    } finally {
      ancestors.delete(value);
    }
  };

  const bad = walk(input, 0);
  return bad ? refused(bad) : { ok: true, op, input };
}

/**
 * Arguments of the dialog channels (a default file name, a title): short single-line text. Control
 * characters are refused because they end up in native dialog titles and file names.
 */
export function validateDialogText(value: unknown, maxLength = 200): string | null {
  if (typeof value !== 'string' || value.length > maxLength) return null;
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  return value;
}

/**
 * Headers of every app:// response. The CSP travels as a header, not a <meta>, so it covers the
 * document from its first byte and can carry frame-ancestors (which <meta> ignores).
 */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'content-type': contentTypeFor(file),
    'content-security-policy': cspFor('app'),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    // The renderer is part of the installed app: a stale copy after an update must not be used.
    'cache-control': 'no-store',
  };
}
