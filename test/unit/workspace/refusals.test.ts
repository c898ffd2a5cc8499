/**
 * ARCHITECTURE.md "The workspace": a file that is not a workspace, is newer than the app, is
 * corrupt or is in use is refused with a clear message and is never modified.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DeskError, type ErrorCode } from '../../../src/errors';
import { LATEST_SCHEMA_VERSION } from '../../../src/workspace/migrations';
import { Workspace } from '../../../src/workspace/workspace';
import { ACTOR, createClosedWorkspace, createWorkspace } from '../../support/engagement';
import { companions, sha256File } from '../../support/files';
import { holdWithAnotherDesk, holdWithSqlite3, type LockHolder } from '../../support/lock-holders';
import { SQLITE3, sqlite3 } from '../../support/sqlite3-cli';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function refusalOf(path: string): DeskError {
  let opened: Workspace | undefined;
  try {
    opened = Workspace.open(path, ACTOR);
  } catch (err) {
    expect(err).toBeInstanceOf(DeskError);
    return err as DeskError;
  }
  opened.close();
  throw new Error(`${path} was opened, but it should have been refused`);
}

/** Opens `path`, expects a refusal with `code`, and checks the file and its folder are as they were. */
function expectRefusedUntouched(path: string, code: ErrorCode, message: RegExp): DeskError {
  const hash = sha256File(path);
  const size = statSync(path).size;
  const err = refusalOf(path);
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  expect(err.message).toContain(path);
  expect(sha256File(path)).toBe(hash);
  expect(statSync(path).size).toBe(size);
  expect(companions(path)).toEqual([]);
  return err;
}

function pageSizeOf(path: string): number {
  return readFileSync(path).readUInt16BE(16);
}

describe('Workspace.open refuses and leaves the file byte-identical', () => {
  it('a SQLite database of another application', () => {
    const path = join(dir(), 'customers.phiaudit');
    sqlite3(
      path,
      "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada'), ('Grace');",
    );
    expectRefusedUntouched(
      path,
      'WORKSPACE_REFUSED',
      /is a SQLite database but not a PHI Audit Desk workspace/,
    );
  });

  it('a workspace written by a newer version of the app', () => {
    const path = createClosedWorkspace(dir());
    sqlite3(path, 'PRAGMA user_version = 99;');
    expect(companions(path)).toEqual([]);
    expectRefusedUntouched(
      path,
      'WORKSPACE_REFUSED',
      new RegExp(
        `written by a newer PHI Audit Desk \\(workspace format 99; this version reads up to ${LATEST_SCHEMA_VERSION}\\)`,
      ),
    );
  });

  it('a truncated workspace (cut in half)', () => {
    const path = createClosedWorkspace(dir(), { auditRows: 300 });
    const full = statSync(path).size;
    expect(full / pageSizeOf(path)).toBeGreaterThan(10);
    truncateSync(path, Math.floor(full / 2));
    expectRefusedUntouched(path, 'WORKSPACE_REFUSED', /is truncated/);
  });

  it('a workspace cut so short that not even the SQLite header is left', () => {
    const path = createClosedWorkspace(dir());
    truncateSync(path, 50);
    expectRefusedUntouched(path, 'WORKSPACE_REFUSED', /not a SQLite database/);
  });

  it('a corrupt workspace (bytes overwritten in the middle of a page)', () => {
    const path = createClosedWorkspace(dir(), { auditRows: 300 });
    const pageSize = pageSizeOf(path);
    const bytes = readFileSync(path);
    const pages = bytes.length / pageSize;
    expect(pages).toBeGreaterThan(10);
    // A full table leaf page past the middle of the file: its middle holds row data (cells).
    let page = Math.floor(pages / 2);
    const isFullLeaf = (p: number) =>
      bytes[p * pageSize] === 0x0d && bytes.readUInt16BE(p * pageSize + 5) < pageSize / 4;
    while (page < pages && !isFullLeaf(page)) page++;
    expect(page).toBeLessThan(pages);
    const fd = openSync(path, 'r+');
    writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, page * pageSize + pageSize / 2 - 256);
    closeSync(fd);
    // Precondition, checked on a copy: SQLite itself finds the damage.
    const copy = join(dir(), 'copy.db');
    copyFileSync(path, copy);
    expect(sqlite3(copy, 'PRAGMA quick_check;')).not.toBe('ok');

    const err = expectRefusedUntouched(path, 'WORKSPACE_REFUSED', /is corrupt/);
    expect(err.message).toMatch(/Restore it from the original copy/);
  });

  it('a text file', () => {
    const path = join(dir(), 'notes.phiaudit');
    writeFileSync(path, 'These are my notes about the engagement, not a workspace.\n'.repeat(20));
    expectRefusedUntouched(
      path,
      'WORKSPACE_REFUSED',
      /is not a PHI Audit Desk workspace: it is not a SQLite database\./,
    );
  });

  it('an empty file', () => {
    const path = join(dir(), 'empty.phiaudit');
    writeFileSync(path, '');
    expectRefusedUntouched(path, 'WORKSPACE_REFUSED', /not a SQLite database \(the file is empty\)/);
  });

  it('a directory', () => {
    const path = join(dir(), 'folder.phiaudit');
    mkdirSync(path);
    writeFileSync(join(path, 'inside.txt'), 'x');
    const err = refusalOf(path);
    expect(err.code).toBe('WORKSPACE_REFUSED');
    expect(err.message).toMatch(/is a directory, not a workspace file/);
    expect(readdirSync(path)).toEqual(['inside.txt']);
    expect(companions(path)).toEqual([]);
  });

  it('a newer workspace whose newest pages are still in a leftover -wal (the writer was killed)', async () => {
    const path = createClosedWorkspace(dir());
    // Another (newer) writer raises the format inside the WAL, then dies before any checkpoint.
    const child = spawn(SQLITE3, [path]);
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => d.toString().includes('written') && resolve());
      child.on('exit', (code) => reject(new Error(`sqlite3 exited (${code}) early`)));
      child.stdin.write('PRAGMA wal_autocheckpoint = 0;\nPRAGMA user_version = 99;\n.system echo written\n');
    });
    const killed = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await killed;
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(0);
    const before = { main: sha256File(path), wal: sha256File(`${path}-wal`) };

    const err = refusalOf(path);
    expect(err.code).toBe('WORKSPACE_REFUSED');
    expect(err.message).toMatch(/written by a newer PHI Audit Desk \(workspace format 99/);
    expect(sha256File(path)).toBe(before.main);
    expect(sha256File(`${path}-wal`)).toBe(before.wal);
  });

  it('a missing path (and creates nothing there)', () => {
    const path = join(dir(), 'nowhere.phiaudit');
    const err = refusalOf(path);
    expect(err.code).toBe('NOT_FOUND');
    expect(err.message).toMatch(/the file does not exist/);
    expect(err.message).toContain(path);
    expect(readdirSync(dir())).toEqual([]);
  });
});

describe('Workspace.open refuses a workspace that is in use', () => {
  async function expectInUseWhileHeld(path: string, hold: () => Promise<LockHolder>): Promise<void> {
    const hash = sha256File(path);
    const holder = await hold();
    cleanups.push(() => holder.release());
    const err = refusalOf(path);
    expect(err.code).toBe('WORKSPACE_IN_USE');
    expect(err.message).toMatch(/is open in another process/);
    expect(await holder.release()).toBe(0);
    expect(sha256File(path)).toBe(hash);
    expect(companions(path)).toEqual([]);
    // Only the lock was in the way: once the other process is gone, the workspace opens.
    Workspace.open(path, ACTOR).close();
  }

  it('while the sqlite3 client holds a write transaction on it', async () => {
    const path = createClosedWorkspace(dir());
    await expectInUseWhileHeld(path, () => holdWithSqlite3(path));
  });

  it('while another PHI Audit Desk process has it open', async () => {
    const path = createClosedWorkspace(dir());
    const scratch = join(dir(), 'scratch');
    mkdirSync(scratch);
    await expectInUseWhileHeld(path, () => holdWithAnotherDesk(path, scratch));
  });

  it('when this process already has it open', () => {
    const ws = createWorkspace(dir());
    cleanups.push(() => ws.close());
    const err = refusalOf(ws.path);
    expect(err.code).toBe('WORKSPACE_IN_USE');
    expect(err.message).toMatch(/is open in another process/);
    // The first connection is unharmed, and the workspace opens again once it is closed.
    const client = ws.engagement.client;
    ws.close();
    const again = Workspace.open(ws.path, ACTOR);
    cleanups.push(() => again.close());
    expect(again.engagement.client).toBe(client);
  });
});
