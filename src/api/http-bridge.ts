import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { RENDERER_CSP } from './csp';
import { dispatch } from './dispatch';
import type { DeskSession } from './session';

/**
 * Browser mode: serves the built renderer and the API on 127.0.0.1 only. Every API request must
 * carry the per-launch token; every request must name this server in Host (DNS rebinding) and,
 * when a browser sends Origin, come from this origin (no cross-site calls).
 */

export { RENDERER_CSP };

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

const MAX_BODY_BYTES = 64 * 1024 * 1024;

export interface BridgeOptions {
  session: DeskSession;
  /** The built renderer (dist/renderer). Without it only the API is served. */
  staticDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Fixed token for tests; a random 256-bit token otherwise. */
  token?: string;
}

export interface RunningBridge {
  url: string;
  /** The URL to open: the token travels in the fragment, which browsers never send to servers. */
  launchUrl: string;
  port: number;
  token: string;
  server: Server;
  close(): Promise<void>;
}

/** Pure policy, unit-tested: is this Host header one of ours? */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Pure policy: a missing Origin (same-origin GET, curl) is allowed; any other origin is not. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokenMatches(presented: string | undefined, token: string): boolean {
  if (!presented) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function bearer(req: IncomingMessage): string | undefined {
  const h = req.headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice(7) : undefined;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'ACCESS_DENIED', message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function serveStatic(dir: string, urlPath: string, res: ServerResponse): void {
  // Absolute and normalised, so the containment check below also holds for './x' or 'x/'.
  const staticDir = resolve(dir);
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain' }).end('Malformed URL.');
    return;
  }
  const rel = normalize(decoded).replace(/^([/\\])+/, '');
  let file = join(staticDir, rel);
  if (!file.startsWith(staticDir + sep) && file !== staticDir) {
    res.writeHead(404).end();
    return;
  }
  // Single-page app: unknown paths get index.html.
  if (!existsSync(file) || statSync(file).isDirectory()) file = join(staticDir, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('The renderer is not built. Run: npm run build');
    return;
  }
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'content-type': type,
    'content-security-policy': RENDERER_CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=3600',
  });
  createReadStream(file).pipe(res);
}

export async function startBridge(opts: BridgeOptions): Promise<RunningBridge> {
  const token = opts.token ?? randomBytes(32).toString('base64url');
  const { session } = opts;
  let port = 0;
  const sseClients = new Set<ServerResponse>();

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[bridge]', err);
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isAllowedHost(req.headers.host, port)) {
      refuse(res, 421, 'This server answers only to 127.0.0.1 and localhost.');
      return;
    }
    const origin = req.headers.origin;
    if (!isAllowedOrigin(origin, port) || req.headers['sec-fetch-site'] === 'cross-site') {
      refuse(res, 403, 'Cross-origin requests are refused.');
      return;
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405).end();
        return;
      }
      if (opts.staticDir) serveStatic(opts.staticDir, url.pathname, res);
      else res.writeHead(404).end();
      return;
    }
    if (!tokenMatches(bearer(req), token)) {
      refuse(res, 401, 'Missing or wrong session token. Open the URL that phi-audit ui printed.');
      return;
    }
    if (url.pathname === '/api/events' && req.method === 'GET') {
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      sseClients.add(res);
      const off = session.subscribe((event) => res.write(`data: ${JSON.stringify(event)}\n\n`));
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        off();
        sseClients.delete(res);
      });
      return;
    }
    const m = /^\/api\/call\/([A-Za-z0-9.]+)$/.exec(url.pathname);
    if (m && req.method === 'POST') {
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        sendJson(res, 415, {
          ok: false,
          error: { code: 'VALIDATION', message: 'Send JSON (content-type: application/json).' },
        });
        return;
      }
      let input: unknown;
      try {
        const body = await readBody(req);
        input = body.length > 0 ? JSON.parse(body) : {};
      } catch (err) {
        sendJson(res, 400, {
          ok: false,
          error: {
            code: 'VALIDATION',
            message: `The request body is not valid JSON: ${(err as Error).message}`,
          },
        });
        return;
      }
      sendJson(res, 200, await dispatch(session, m[1]!, input));
      return;
    }
    sendJson(res, 404, {
      ok: false,
      error: { code: 'NOT_FOUND', message: `No route ${req.method} ${url.pathname}` },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/#token=${token}`,
    port,
    token,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of sseClients) res.end();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
