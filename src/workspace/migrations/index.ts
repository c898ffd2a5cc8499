import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;

/**
 * Brings `db` from its user_version up to `target` (default: latest), one transaction per
 * migration: a failing migration rolls back to the previous version and rethrows.
 */
export function migrate(db: Database.Database, target = LATEST_SCHEMA_VERSION): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of migrations) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    current = m.version;
  }
  return current;
}
