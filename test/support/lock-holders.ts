import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { SQLITE3 } from './sqlite3-cli';

const REPO = resolve(import.meta.dirname, '..', '..');

export interface LockHolder {
  /** Ends the holder (closes its stdin) and resolves with its exit code once it has exited. */
  release(): Promise<number | null>;
}

/** Starts `child` and resolves once it prints "locked" (it then holds the workspace). */
function waitUntilLocked(child: ChildProcessWithoutNullStreams): Promise<LockHolder> {
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return new Promise((resolveHolder, reject) => {
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('locked')) {
        resolveHolder({
          release: () => {
            child.stdin.end();
            return exited;
          },
        });
      }
    });
    void exited.then((code) =>
      reject(new Error(`the lock holder exited (${code}) before it held the lock: ${err}`)),
    );
  });
}

/** The plain sqlite3 client with the file open and a write transaction begun, nothing written. */
export function holdWithSqlite3(file: string): Promise<LockHolder> {
  const child = spawn(SQLITE3, [file]);
  child.stdin.write('BEGIN IMMEDIATE;\n.system echo locked\n');
  return waitUntilLocked(child);
}

/** Another PHI Audit Desk process (a second window, a CLI run) holding the workspace open. */
export function holdWithAnotherDesk(file: string, scratchDir: string): Promise<LockHolder> {
  const script = join(scratchDir, 'hold-workspace.cjs');
  buildSync({
    entryPoints: [join(REPO, 'test/support/hold-workspace.ts')],
    outfile: script,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'error',
  });
  const child = spawn(process.execPath, [script, file], {
    env: { ...process.env, NODE_PATH: join(REPO, 'node_modules') },
  });
  return waitUntilLocked(child);
}
