import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migration001 } from '../../../../src/workspace/migrations/001-initial';
import { LATEST_SCHEMA_VERSION, migrations } from '../../../../src/workspace/migrations';
import type { Migration } from '../../../../src/workspace/migrations/types';
import { Workspace } from '../../../../src/workspace/workspace';
import { ACTOR, createClosedWorkspace, SETTINGS } from '../../../support/engagement';
import { companions, sha256File } from '../../../support/files';
import { useTempDir } from '../../../support/temp';
import { columnNames, createDatabaseAt, migrateTo, openDatabase, tableNames, userVersion } from './helpers';

const dir = useTempDir();
const open: { close(): void }[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});
function track<T extends { close(): void }>(h: T): T {
  open.push(h);
  return h;
}

/** A synthetic next version: adds a column and fills it from existing rows. */
const addTargetNotes: Migration = {
  version: 2,
  name: 'target notes (test only)',
  up(db) {
    db.exec("ALTER TABLE target ADD COLUMN notes TEXT NOT NULL DEFAULT ''");
    db.exec("UPDATE target SET notes = 'was ' || label");
  },
};

/** A synthetic next version that does part of its work and then fails. */
const failingMigration: Migration = {
  version: 2,
  name: 'fails half-way (test only)',
  up(db) {
    db.exec('CREATE TABLE half_done (x TEXT)');
    db.exec("UPDATE engagement SET client = 'half-migrated'");
    db.exec("UPDATE target SET label = 'half-migrated'");
    throw new Error('migration 2 failed half-way');
  },
};

function insertTarget(db: Database.Database): void {
  db.prepare(
    "INSERT INTO target (provider, label, cloud, scope_id, created_at) VALUES ('aws', 'prod account', 'aws', '111122223333', '2025-03-01T10:00:00Z')",
  ).run();
}

describe('migrate', () => {
  it('the app declares consecutive versions starting at 1', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(migrations.length);
  });

  it('stops at the target version and continues from there later', () => {
    const list = [migration001, addTargetNotes];
    const db = track(createDatabaseAt(join(dir(), 'w.phiaudit'), 1, list));
    insertTarget(db);
    expect(columnNames(db, 'target')).not.toContain('notes');
    expect(migrateTo(db, 2, list)).toBe(2);
    expect(userVersion(db)).toBe(2);
    expect(db.prepare('SELECT label, notes FROM target').all()).toEqual([
      { label: 'prod account', notes: 'was prod account' },
    ]);
  });

  it('a failing migration rolls back to the previous user_version and leaves the data as it was', () => {
    const path = join(dir(), 'w.phiaudit');
    const db = track(createDatabaseAt(path, 1));
    insertTarget(db);
    expect(() => migrateTo(db, 2, [migration001, failingMigration])).toThrow('migration 2 failed half-way');
    expect(userVersion(db)).toBe(1);
    expect(tableNames(db)).not.toContain('half_done');
    expect(db.prepare('SELECT label FROM target').all()).toEqual([{ label: 'prod account' }]);
    db.close();
    // ...and the same is true of the file on disk.
    const again = track(openDatabase(path));
    expect(userVersion(again)).toBe(1);
    expect(again.prepare('SELECT label FROM target').all()).toEqual([{ label: 'prod account' }]);
  });
});

/** A new workspace is at the latest version: the upgrade under test is a synthetic next one. */
const LATEST = LATEST_SCHEMA_VERSION;
const withNext = (m: Migration): Migration[] => [...migrations, { ...m, version: LATEST + 1 }];

describe('Workspace.open upgrading an older workspace', () => {
  it('keeps a byte-identical .vN.bak copy of the file before the upgrade, then migrates', () => {
    const path = createClosedWorkspace(dir(), { name: 'old.phiaudit' });
    const ws1 = track(Workspace.open(path, ACTOR));
    insertTarget(ws1.db);
    ws1.close();
    const before = sha256File(path);

    const ws = track(Workspace.open(path, ACTOR, withNext(addTargetNotes)));
    expect(ws.schemaVersion).toBe(LATEST + 1);
    expect(ws.engagement.client).toBe(SETTINGS.client);
    expect(ws.db.prepare('SELECT notes FROM target').all()).toEqual([{ notes: 'was prod account' }]);
    expect(companions(path)).toContain(`old.phiaudit.v${LATEST}.bak`);
    expect(sha256File(`${path}.v${LATEST}.bak`)).toBe(before);
    ws.close();

    // The copy is the old workspace, still readable by the version that wrote it.
    const old = track(Workspace.open(`${path}.v${LATEST}.bak`, ACTOR));
    expect(old.schemaVersion).toBe(LATEST);
    expect(columnNames(old.db, 'target')).not.toContain('notes');
  });

  it('makes no copy when the workspace is already current', () => {
    const path = createClosedWorkspace(dir());
    track(Workspace.open(path, ACTOR)).close();
    expect(companions(path)).toEqual([]);
  });

  it('after a failed upgrade the workspace is still at its old version, with its data and the copy', () => {
    const path = createClosedWorkspace(dir(), { name: 'old.phiaudit' });
    const before = sha256File(path);
    expect(() => Workspace.open(path, ACTOR, withNext(failingMigration))).toThrow(
      'migration 2 failed half-way',
    );
    expect(sha256File(`${path}.v${LATEST}.bak`)).toBe(before);
    expect(sha256File(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);

    const ws = track(Workspace.open(path, ACTOR));
    expect(ws.schemaVersion).toBe(LATEST);
    expect(ws.engagement.client).toBe(SETTINGS.client);
    expect(tableNames(ws.db)).not.toContain('half_done');
  });
});
