/**
 * Helpers for migration tests. Every migration gets its own test file that follows one pattern:
 *
 *   const db = createDatabaseAt(join(dir(), 'w.phiaudit'), N);   // schema exactly as version N left it
 *   db.prepare('INSERT INTO ...').run(...);                       // rows a real user would have
 *   migrateTo(db, N + 1);                                         // the migration under test
 *   expect(db.prepare('SELECT ...').all()).toEqual([...]);        // the rows, carried over
 *
 * The database is a real file with the workspace's application id and the pragmas the app uses.
 */
import Database from 'better-sqlite3';
import { APPLICATION_ID } from '../../../../src/workspace/header';
import { migrate, migrations } from '../../../../src/workspace/migrations';
import type { Migration } from '../../../../src/workspace/migrations/types';

/** Opens `path` the way the app does (foreign keys on, WAL); no migration is run. */
export function openDatabase(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.pragma('journal_mode = WAL');
  return db;
}

/** A new database file at schema `version` (0 = empty), built by `list` (default: the app's migrations). */
export function createDatabaseAt(
  path: string,
  version: number,
  list: readonly Migration[] = migrations,
): Database.Database {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.pragma(`application_id = ${APPLICATION_ID}`);
  if (version > 0) migrateTo(db, version, list);
  db.pragma('journal_mode = WAL');
  if (userVersion(db) !== version) {
    db.close();
    throw new Error(`no migration brings a database to version ${version}`);
  }
  return db;
}

/** Runs the migrations up to `version`; returns the user_version the database ends at. */
export function migrateTo(
  db: Database.Database,
  version: number,
  list: readonly Migration[] = migrations,
): number {
  return migrate(db, version, list);
}

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function tableNames(db: Database.Database): string[] {
  return (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
}

export function triggerNames(db: Database.Database, table: string): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? ORDER BY name")
      .all(table) as { name: string }[]
  ).map((r) => r.name);
}

export function columnNames(db: Database.Database, table: string): string[] {
  return (
    db.prepare('SELECT name FROM pragma_table_info(?) ORDER BY cid').all(table) as { name: string }[]
  ).map((r) => r.name);
}
