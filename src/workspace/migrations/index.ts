import type Database from 'better-sqlite3';
import { migration001 } from './001-initial';
import { migration002 } from './002-run-partial-status';
import { migration003 } from './003-phi-url-paths';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration001, migration002, migration003];

export const LATEST_SCHEMA_VERSION = latestVersion(migrations);

export function latestVersion(list: readonly Migration[]): number {
  return list[list.length - 1]?.version ?? 0;
}

/**
 * Brings `db` from its user_version up to `target` (default: latest), one transaction per
 * migration: a failing migration rolls back to the previous version and rethrows.
 * `list` is the app's migrations; tests pass their own to exercise the runner.
 */
export function migrate(
  db: Database.Database,
  target = LATEST_SCHEMA_VERSION,
  list: readonly Migration[] = migrations,
): number {
  let current = db.pragma('user_version', { simple: true }) as number;
  for (const m of list) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
    current = m.version;
  }
  return current;
}
