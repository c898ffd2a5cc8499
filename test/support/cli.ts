import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const CLI = join(REPO, 'dist', 'cli.mjs');
export const LAUNCHER = join(REPO, 'bin', 'phi-audit.cjs');
/** The project's Node 22 (the test runner's own node). */
export const NODE22 = process.execPath;

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((n) => newestMtime(join(path, n))));
}

/**
 * Builds dist/cli.mjs with the project's build script when it is missing or older than src/.
 * `--no-renderer` rewrites only the Node bundles, so a built dist/renderer stays in place.
 */
export function ensureBuiltCli(): void {
  const sources = Math.max(newestMtime(join(REPO, 'src')), newestMtime(join(REPO, 'scripts', 'build.mjs')));
  if (existsSync(CLI) && statSync(CLI).mtimeMs >= sources) return;
  const r = spawnSync(NODE22, ['scripts/build.mjs', '--no-renderer'], { cwd: REPO, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the CLI build failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would: a child process, its own environment, exit code and output. */
export function runCli(
  args: string[],
  opts: { env?: NodeJS.ProcessEnv; node?: string; entry?: string } = {},
): CliRun {
  const r = spawnSync(opts.node ?? NODE22, [opts.entry ?? CLI, ...args], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
  });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** runCli without blocking, so independent runs (--help of every command) overlap. */
export function runCliAsync(args: string[], opts: { env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(NODE22, [CLI, ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1', ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolveRun({ status, stdout, stderr }));
  });
}

/** Resolves once the child's JSON progress lines (stderr) report at least `count` evidence items. */
export function waitForEvidence(
  child: ChildProcessWithoutNullStreams,
  count: number,
  onChunk?: (chunk: string) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => {
      onChunk?.(d.toString());
      buffer += d.toString();
      for (const line of buffer.split('\n').slice(0, -1)) {
        try {
          if (((JSON.parse(line) as { evidence?: number }).evidence ?? 0) >= count) return resolve();
        } catch {
          // a line that is not progress JSON (a warning) is not what we wait for
        }
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`the assessment ended (${code}) before it could be interrupted`)),
    );
  });
}
