import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  appResponseHeaders,
  appScreenUrl,
  contentTypeFor,
  cspFor,
  DEFAULT_IPC_LIMITS,
  isAppUrl,
  isTrustedSender,
  navigationDecision,
  requestDecision,
  resolveAppFile,
  validateDialogText,
  validateIpcCall,
} from '../../../main/security';
import { RENDERER_CSP } from '../../../src/api/csp';

describe('app URL and navigation policy', () => {
  it.each([
    'app://desk/',
    'app://desk/index.html',
    'app://desk/index.html#/findings',
    'app://desk/assets/x.js?v=1',
  ])('allows our own origin: %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
    expect(navigationDecision(url)).toBe('allow');
  });

  it.each([
    'app://evil/',
    'app://desk.evil/',
    'app://evil.desk/',
    'app://desk:8080/',
    'app://user@desk/',
    'app://desk@evil/',
    'file:///etc/passwd',
    'file:///work/main/dist/renderer/index.html',
    'http://127.0.0.1:5173/',
    'https://example.com/',
    'https://desk/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:app://desk/5f0c',
    'about:blank',
    'chrome://settings',
    'devtools://devtools/bundled/inspector.html',
    'APP://evil/',
    '',
    'not a url',
  ])('denies navigation to %s', (url) => {
    expect(navigationDecision(url)).toBe('deny');
  });

  it('denies values that are not strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://desk/']])
      expect(navigationDecision(value)).toBe('deny');
  });

  it('builds screen URLs on the app origin only from screen ids', () => {
    expect(appScreenUrl('engagement')).toBe(`${APP_ENTRY_URL}#/engagement`);
    expect(isAppUrl(appScreenUrl('audit-log'))).toBe(true);
    expect(() => appScreenUrl('../x')).toThrow();
  });
});

describe('request policy (webRequest)', () => {
  it.each([
    'app://desk/index.html',
    'app://desk/assets/index.js',
    'devtools://devtools/bundled/x.js',
    'data:image/png;base64,AAAA',
    'blob:app://desk/5f0c',
  ])('lets local resources through: %s', (url) => expect(requestDecision(url)).toBe('allow'));

  it.each([
    'https://example.com/exfiltrate?d=phi',
    'http://127.0.0.1:8080/',
    'wss://example.com/socket',
    'ftp://example.com/',
    'file:///etc/passwd',
    'blob:https://example.com/5f0c',
    'app://evil/x.js',
    'chrome-extension://abc/x.js',
    'garbage',
  ])('blocks everything remote or foreign: %s', (url) => expect(requestDecision(url)).toBe('deny'));
});

describe('isTrustedSender', () => {
  const trusted = { frameUrl: 'app://desk/index.html#/engagement', isMainFrame: true, fromAppWindow: true };

  it('accepts the main frame of our window on the app origin', () => {
    expect(isTrustedSender(trusted)).toBe(true);
  });

  it('refuses a subframe', () => {
    expect(isTrustedSender({ ...trusted, isMainFrame: false })).toBe(false);
  });

  it('refuses another origin, even in our main frame', () => {
    for (const frameUrl of [
      'https://evil.example/',
      'file:///tmp/x.html',
      'app://evil/',
      'about:blank',
      'data:text/html,x',
    ]) {
      expect(isTrustedSender({ ...trusted, frameUrl })).toBe(false);
    }
  });

  it('refuses a frame that is gone (senderFrame null)', () => {
    expect(isTrustedSender({ ...trusted, frameUrl: null })).toBe(false);
  });

  it('refuses another webContents (DevTools, a stray window)', () => {
    expect(isTrustedSender({ ...trusted, fromAppWindow: false })).toBe(false);
  });
});

describe('CSP', () => {
  const csp = cspFor('app');
  const directives = new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('is the HTTP bridge policy, not a second copy', () => {
    expect(csp).toBe(RENDERER_CSP);
  });

  it("denies by default and runs only the app's own scripts", () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows eval, wasm eval or remote hosts', () => {
    expect(csp).not.toMatch(/unsafe-eval|wasm-unsafe-eval|https?:|\*/);
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('is sent as a header with every app response', () => {
    const headers = appResponseHeaders('/r/index.html');
    expect(headers['content-security-policy']).toBe(csp);
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('serves module scripts with a JavaScript MIME type', () => {
    expect(contentTypeFor('/r/assets/index-abc.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/r/assets/x.unknown')).toBe('application/octet-stream');
  });
});

describe('resolveAppFile', () => {
  const root = join('/', 'opt', 'desk', 'dist', 'renderer');

  it('maps app paths to files under the root', () => {
    expect(resolveAppFile(root, '/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, '/assets/My%20Font.woff2')).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveAppFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, '/findings')).toBe(join(root, 'index.html'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2e%2e/etc/passwd',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/..%2f..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/assets\\..\\..\\secret.txt',
    '/./index.html',
    '/.env',
    '/assets/.hidden.js',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/c%3a/Windows/win.ini',
    '/index.html%00.js',
    '/index.html\0.js',
    '/%E0%A4%A',
    '/CON.js',
    '/assets/nul.txt',
  ])('refuses %s', (requestPath) => {
    expect(resolveAppFile(root, requestPath)).toBeNull();
  });

  it('refuses absolute and relative request paths that do not start at the origin', () => {
    // A path is always read relative to the root: these stay inside it.
    expect(resolveAppFile(root, '/etc/passwd')).toBe(join(root, 'index.html'));
    expect(resolveAppFile(root, '/etc/hosts.txt')).toBe(join(root, 'etc', 'hosts.txt'));
    expect(resolveAppFile(root, 'etc/passwd')).toBeNull();
    expect(resolveAppFile(root, 'C:\\Windows\\win.ini')).toBeNull();
  });

  it('refuses a relative root', () => {
    expect(resolveAppFile('dist/renderer', '/index.html')).toBeNull();
  });

  it('never returns a path outside the root', () => {
    const probes = ['/a/b/c.js', '/%2e%2e', '/a%2f..%2f..%2fb.js', '/a/%2e/b.js', `/${'x/'.repeat(50)}y.js`];
    for (const probe of probes) {
      const file = resolveAppFile(root, probe);
      if (file !== null) {
        expect(isAbsolute(file)).toBe(true);
        expect(file.startsWith(root + '/')).toBe(true);
      }
    }
  });
});

describe('validateIpcCall', () => {
  it('passes a well-formed call through unchanged', () => {
    const input = {
      client: 'Acme Health',
      approvedRegions: ['us-east-1'],
      title: undefined,
      nested: { a: [1, true, null] },
    };
    expect(validateIpcCall('workspace.create', input)).toEqual({ ok: true, op: 'workspace.create', input });
    expect(validateIpcCall('auditLog.verify', {}).ok).toBe(true);
    expect(validateIpcCall('job.list', undefined).ok).toBe(true);
  });

  it.each([
    '',
    'workspace',
    'Workspace.open',
    'workspace..open',
    'workspace.open.',
    '.workspace',
    'workspace.open()',
    'workspace/open',
    '__proto__.x',
    'constructor',
    'workspace.open; rm -rf',
    'a.b.c.d.e',
    `a.${'b'.repeat(70)}`,
  ])('refuses the op name %j', (op) => {
    const result = validateIpcCall(op, {});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('VALIDATION');
  });

  it('refuses op names that are not strings', () => {
    for (const op of [undefined, null, 1, {}, ['workspace.open']])
      expect(validateIpcCall(op, {}).ok).toBe(false);
  });

  it.each([
    ['a Date', { at: new Date() }],
    ['a Map', new Map([['a', 1]])],
    ['a Set', { s: new Set([1]) }],
    ['a RegExp', { r: /x/ }],
    ['a typed array', { b: new Uint8Array(4) }],
    ['an ArrayBuffer', { b: new ArrayBuffer(4) }],
    ['an Error', { e: new Error('x') }],
    ['a class instance', { c: new (class Thing {})() }],
    ['a bigint', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['Infinity', [Number.POSITIVE_INFINITY]],
    ['a function', { f: () => 1 }],
    ['a symbol value', { s: Symbol('x') }],
    ['a symbol key', { [Symbol('k')]: 1 }],
    ['a sparse array', Object.assign([] as number[], { 2: 3 })],
    ['a __proto__ key', JSON.parse('{"__proto__": {"polluted": true}}')],
    ['a constructor key', { constructor: { prototype: { polluted: true } } }],
  ])('refuses input holding %s', (_what, input) => {
    expect(validateIpcCall('workspace.open', input).ok).toBe(false);
  });

  it('refuses cycles but accepts shared references', () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(validateIpcCall('workspace.open', cyclic).ok).toBe(false);
    const shared = { x: 1 };
    expect(validateIpcCall('workspace.open', { a: shared, b: shared }).ok).toBe(true);
  });

  it('refuses input nested too deeply', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < DEFAULT_IPC_LIMITS.maxDepth + 1; i++) deep = { d: deep };
    expect(validateIpcCall('workspace.open', deep).ok).toBe(false);
  });

  it('refuses too many values', () => {
    // The object, the array and each element count: 2 + 98 = 100 values.
    const limits = { ...DEFAULT_IPC_LIMITS, maxNodes: 100 };
    expect(validateIpcCall('workspace.open', { list: Array.from({ length: 98 }, () => 0) }, limits).ok).toBe(
      true,
    );
    expect(validateIpcCall('workspace.open', { list: Array.from({ length: 99 }, () => 0) }, limits).ok).toBe(
      false,
    );
  });

  it('refuses oversized strings and keys (the 64 MiB the HTTP bridge also accepts)', () => {
    const huge = 'x'.repeat(DEFAULT_IPC_LIMITS.maxTotalChars + 1);
    const result = validateIpcCall('workspace.open', { path: huge });
    expect(result).toEqual({ ok: false, error: { code: 'VALIDATION', message: 'The input is too large.' } });
    const limits = { ...DEFAULT_IPC_LIMITS, maxTotalChars: 10 };
    expect(validateIpcCall('workspace.open', { ['k'.repeat(11)]: 1 }, limits).ok).toBe(false);
    expect(validateIpcCall('workspace.open', { a: 'x'.repeat(5), b: 'y'.repeat(5) }, limits).ok).toBe(false);
  });
});

describe('validateDialogText', () => {
  it('accepts one line of text', () => {
    expect(validateDialogText('Acme Health 2026')).toBe('Acme Health 2026');
    expect(validateDialogText('')).toBe('');
  });

  it('refuses non-strings, long strings and control characters', () => {
    for (const value of [undefined, null, 3, {}, ['a']]) expect(validateDialogText(value)).toBeNull();
    expect(validateDialogText('x'.repeat(201))).toBeNull();
    expect(validateDialogText('a\nb')).toBeNull();
    expect(validateDialogText('a\u0000b')).toBeNull();
    expect(validateDialogText('a\u001bb')).toBeNull();
  });
});
