import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.mjs');

/**
 * The CLI needs Node 22 (better-sqlite3 13). Under `npm test`/`npx playwright` the runner already
 * is the project's Node 22; otherwise use the copy the `node` devDependency installed.
 */
function nodeBinary(): string {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= 22) return process.execPath;
  const local = join(root, 'node_modules/.bin/node');
  if (existsSync(local)) return local;
  throw new Error(
    `The e2e tests need Node 22 to run the CLI; this is Node ${process.versions.node}. Run them through npm.`,
  );
}

export interface DeskServer {
  /** http://127.0.0.1:<port> */
  url: string;
  /** The URL with #token=... that a user opens. */
  launchUrl: string;
  token: string;
  /** The fresh folder this server creates workspaces in. */
  workspaceDir: string;
}

async function startServer(
  workspaceDir: string,
): Promise<{ server: DeskServer; child: ChildProcess; stderr: () => string }> {
  if (!existsSync(cli)) throw new Error(`${cli} is missing. Run: npm run build`);
  const child = spawn(nodeBinary(), [cli, 'ui', '--json', '--dir', workspaceDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const lines = createInterface({ input: child.stdout! });
  let stdout = '';
  const server = await new Promise<DeskServer>((resolvePromise, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) =>
      reject(new Error(`phi-audit ui exited early (${code ?? signal}):\n${stdout}${stderr}`)),
    );
    lines.on('line', (line) => {
      if (!line.startsWith('{')) {
        stdout += `${line}\n`;
        return;
      }
      const parsed = JSON.parse(line) as { url: string; launchUrl: string; workspaceDir: string };
      const token = new URL(parsed.launchUrl).hash.replace(/^#token=/, '');
      resolvePromise({ ...parsed, token });
    });
  });
  return { server, child, stderr: () => stderr };
}

async function stopServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

export const test = base.extend<{ desk: DeskServer }>({
  // Playwright requires the first argument to be a destructuring pattern, even when empty.
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use, testInfo) => {
    const workspaceDir = mkdtempSync(join(tmpdir(), 'phi-audit-e2e-'));
    const { server, child, stderr } = await startServer(workspaceDir);
    try {
      await use(server);
    } finally {
      await stopServer(child);
      if (testInfo.status !== testInfo.expectedStatus && stderr()) {
        await testInfo.attach('phi-audit-ui.stderr', { body: stderr(), contentType: 'text/plain' });
      }
      rmSync(workspaceDir, { recursive: true, force: true });
    }
  },
});

export { expect };
