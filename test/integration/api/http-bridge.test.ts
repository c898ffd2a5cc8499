import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RENDERER_CSP, startBridge, type RunningBridge } from '../../../src/api/http-bridge';
import { DeskSession } from '../../../src/api/session';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
let bridge: RunningBridge;
let session: DeskSession;
const INDEX_HTML = '<!doctype html><title>PHI Audit Desk</title><div id="root"></div>';
const SECRET = 'secret outside the renderer folder';

beforeEach(async () => {
  const root = dir();
  mkdirSync(join(root, 'static', 'assets'), { recursive: true });
  writeFileSync(join(root, 'static', 'index.html'), INDEX_HTML);
  writeFileSync(join(root, 'static', 'assets', 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'secret.txt'), SECRET);
  session = new DeskSession({ frontDoor: 'browser', workspaceDir: join(root, 'workspaces') });
  bridge = await startBridge({ session, staticDir: join(root, 'static') });
});
afterEach(async () => {
  await bridge.close();
  await session.dispose();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** node:http, so that Host, Origin and the raw path go out exactly as written. */
function raw(opts: {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: bridge.port,
        method: opts.method ?? 'GET',
        path: opts.path,
        headers: opts.headers,
        setHost: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function host(): Record<string, string> {
  return { host: `127.0.0.1:${bridge.port}` };
}

function apiCall(op: string, input: unknown, headers: Record<string, string> = {}): Promise<RawResponse> {
  return raw({
    method: 'POST',
    path: `/api/call/${op}`,
    headers: {
      ...host(),
      authorization: `Bearer ${bridge.token}`,
      'content-type': 'application/json',
      ...headers,
    },
    body: JSON.stringify(input),
  });
}

async function call(
  op: string,
  input: unknown,
): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const res = await fetch(`${bridge.url}/api/call/${op}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(input),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

const createInput = {
  file: 'northwind',
  client: 'Northwind Health Shop',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  approvedRegions: ['us-east-1'],
};

describe('HTTP bridge', () => {
  it('listens on 127.0.0.1 only, on a random port, with a per-launch token in the URL fragment', async () => {
    const address = bridge.server.address() as AddressInfo;
    expect(address.address).toBe('127.0.0.1');
    expect(address.port).toBe(bridge.port);
    expect(bridge.port).toBeGreaterThan(0);
    expect(bridge.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(bridge.launchUrl).toBe(`http://127.0.0.1:${bridge.port}/#token=${bridge.token}`);
    const other = await startBridge({
      session: new DeskSession({ frontDoor: 'browser', workspaceDir: dir() }),
    });
    try {
      expect(other.token).not.toBe(bridge.token);
      expect(other.port).not.toBe(bridge.port);
    } finally {
      await other.close();
    }
  });

  it('refuses an API call without a token (401)', async () => {
    const res = await raw({
      method: 'POST',
      path: '/api/call/app.info',
      headers: { ...host(), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(401);
    expect(JSON.parse(res.body)).toMatchObject({
      ok: false,
      error: { code: 'ACCESS_DENIED', message: expect.stringMatching(/session token/) },
    });
  });

  it('refuses an API call with a wrong token (401)', async () => {
    for (const authorization of [
      `Bearer ${bridge.token.slice(0, -1)}x`,
      `Bearer ${bridge.token}x`,
      bridge.token,
      'Bearer ',
    ]) {
      const res = await raw({
        method: 'POST',
        path: '/api/call/app.info',
        headers: { ...host(), authorization, 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('refuses the event stream without the token (401)', async () => {
    const res = await raw({ path: '/api/events', headers: host() });
    expect(res.status).toBe(401);
  });

  it('refuses a foreign Host header even with the right token (DNS rebinding, 421)', async () => {
    for (const h of [
      `evil.example:${bridge.port}`,
      'evil.example',
      `127.0.0.1:${bridge.port + 1}`,
      `127.0.0.1`,
    ]) {
      const res = await apiCall('app.info', {}, { host: h });
      expect(res.status, h).toBe(421);
      expect(res.body).not.toContain('toolVersion');
    }
    // ...static files too: a rebinding page must not read the app either.
    expect((await raw({ path: '/', headers: { host: `evil.example:${bridge.port}` } })).status).toBe(421);
  });

  it('accepts localhost:<port> as well as 127.0.0.1:<port>', async () => {
    const res = await apiCall('app.info', {}, { host: `localhost:${bridge.port}` });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, value: { frontDoor: 'browser' } });
  });

  it('refuses a cross-origin request even with the right token (403)', async () => {
    for (const origin of [
      'http://evil.example',
      `http://evil.example:${bridge.port}`,
      'null',
      `https://127.0.0.1:${bridge.port}`,
    ]) {
      const res = await apiCall('app.info', {}, { origin });
      expect(res.status, origin).toBe(403);
      expect(JSON.parse(res.body)).toMatchObject({
        ok: false,
        error: { code: 'ACCESS_DENIED', message: 'Cross-origin requests are refused.' },
      });
    }
    expect((await apiCall('app.info', {}, { origin: `http://127.0.0.1:${bridge.port}` })).status).toBe(200);
  });

  it('refuses a request the browser marks cross-site (403)', async () => {
    const res = await apiCall('app.info', {}, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect((await apiCall('app.info', {}, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
  });

  it('runs API calls: workspace.create, then workspace.current shows it', async () => {
    const created = await call('workspace.create', createInput);
    expect(created).toMatchObject({
      ok: true,
      value: { fileName: 'northwind.phiaudit', engagement: { client: 'Northwind Health Shop' } },
    });
    const current = await call('workspace.current', {});
    expect(current).toMatchObject({
      ok: true,
      value: { fileName: 'northwind.phiaudit', engagement: { approvedRegions: ['us-east-1'] } },
    });
  });

  it('answers bad calls with error results, not crashes', async () => {
    expect(await call('workspace.create', { ...createInput, periodStart: 'yesterday' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'periodStart' },
    });
    expect(await call('no.such.op', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const notJson = await apiCall('app.info', {}, { 'content-type': 'text/plain' });
    expect(notJson.status).toBe(415);
    const badJson = await raw({
      method: 'POST',
      path: '/api/call/app.info',
      headers: { ...host(), authorization: `Bearer ${bridge.token}`, 'content-type': 'application/json' },
      body: '{"oops',
    });
    expect(badJson.status).toBe(400);
    expect(JSON.parse(badJson.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await call('app.info', {})).toMatchObject({ ok: true });
  });

  it('streams a workspace.changed event after workspace.create (/api/events)', async () => {
    const abort = new AbortController();
    const res = await fetch(`${bridge.url}/api/events`, {
      headers: { authorization: `Bearer ${bridge.token}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = '';
    const readUntil = async (needle: string): Promise<void> => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended before "${needle}": ${text}`);
        text += value;
      }
    };
    await readUntil(': connected');
    expect(await call('workspace.create', createInput)).toMatchObject({ ok: true });
    await readUntil('\n\n');
    await readUntil('workspace.changed');
    const line = text.split('\n').find((l) => l.startsWith('data: '));
    expect(JSON.parse(line!.slice('data: '.length))).toEqual({
      type: 'workspace.changed',
      path: join(dir(), 'workspaces', 'northwind.phiaudit'),
    });
    abort.abort();
    await reader.cancel().catch(() => undefined);
  });

  it('serves index.html with the CSP header, without a token', async () => {
    const res = await raw({ path: '/', headers: host() });
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(RENDERER_CSP).toMatch(/default-src 'none'/);
    expect(RENDERER_CSP).toMatch(/script-src 'self'(;|$)/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // A client-side route gets the app too; an asset gets its own type.
    expect((await raw({ path: '/findings/42', headers: host() })).body).toBe(INDEX_HTML);
    const js = await raw({ path: '/assets/app.js', headers: host() });
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app")');
  });

  it('never serves a file outside the renderer folder (path traversal)', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/../package.json',
      '/%2e%2e/%2e%2e/%2e%2e/etc/passwd',
    ]) {
      const res = await raw({ path, headers: host() });
      expect(res.body, path).not.toContain(SECRET);
      expect(res.body, path).not.toContain('root:');
      expect([200, 400, 404], path).toContain(res.status);
      if (res.status === 200) expect(res.body, path).toBe(INDEX_HTML);
    }
  });

  it('answers a malformed URL with 400, not an internal error', async () => {
    const res = await raw({ path: '/%E0%A4%A', headers: host() });
    expect(res.status).toBe(400);
  });

  it('serves the renderer when its folder is given as a relative path with a trailing slash', async () => {
    const other = await startBridge({
      session,
      staticDir: `${relative(process.cwd(), join(dir(), 'static'))}/`,
    });
    try {
      expect(await (await fetch(`${other.url}/`)).text()).toBe(INDEX_HTML);
      const js = await fetch(`${other.url}/assets/app.js`);
      expect(js.status).toBe(200);
      expect(await js.text()).toBe('console.log("app")');
    } finally {
      await other.close();
    }
  });

  it('refuses writes to static paths and unknown API routes', async () => {
    expect((await raw({ method: 'POST', path: '/index.html', headers: host() })).status).toBe(405);
    const res = await raw({
      path: '/api/nothing',
      headers: { ...host(), authorization: `Bearer ${bridge.token}` },
    });
    expect(res.status).toBe(404);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
