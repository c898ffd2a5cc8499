/**
 * Serves the built renderer on app://desk/ (see security.ts for the URL policy).
 *
 * Why a privileged custom scheme and not loadFile (file://): a file:// page shares its origin with
 * every file on the disk, so one injected script could read any of them, and Electron grants
 * file:// extra privileges beyond a browser's (the grantFileProtocolExtraPrivileges fuse, turned
 * off in electron-builder.yml because nothing here uses file://). This handler can return only
 * files under dist/renderer, through one traversal-checked function, and attaches the CSP header
 * to every response; CSP 'self' then means exactly app://desk. Vite's ES-module output also needs
 * a real origin and exact MIME types, which file:// does not give.
 */
import { protocol, type Session } from 'electron';
import { readFile } from 'node:fs/promises';
import { APP_SCHEME, appResponseHeaders, isAppUrl, resolveAppFile } from './security';

/** Must run before app 'ready'. No bypassCSP, no service workers, no CORS for other origins. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

function plain(status: number, text: string): Response {
  return new Response(text, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
  });
}

function isMissing(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR';
}

export function serveAppProtocol(ses: Session, rendererRoot: string): void {
  ses.protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    if (!isAppUrl(request.url)) return plain(404, 'Not found');
    const file = resolveAppFile(rendererRoot, new URL(request.url).pathname);
    if (file === null) return plain(404, 'Not found');
    try {
      const body = await readFile(file);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: appResponseHeaders(file),
      });
    } catch (err) {
      if (isMissing(err)) {
        return file.endsWith('index.html')
          ? plain(404, 'The renderer is not built. Run: npm run build')
          : plain(404, 'Not found');
      }
      console.error('[protocol] could not read', file, err);
      return plain(500, 'Internal error');
    }
  });
}
