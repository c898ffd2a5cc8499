import type { Migration } from './types';

/** Every column of the run table, in schema order (the same in versions 1 and 2). */
const RUN_COLUMNS =
  'id, kind, status, started_at, finished_at, tool_version, ruleset_version, scenario, identities, options, stats, error, pid, source_run_id';

/**
 * Schema v2: a run may end 'partial' (some target or service could not be assessed; see
 * src/assess/outcome.ts). SQLite cannot alter a CHECK constraint, so the run table is rebuilt.
 *
 * This runs inside the migration's transaction with foreign keys on (PRAGMA foreign_keys cannot
 * change inside a transaction), and evidence, coverage gaps, resources, findings and earlier runs
 * reference run(id). So the constraints are deferred to the commit: dropping the old table counts
 * its referenced rows as violations, re-inserting every row under the same id clears them, and the
 * commit checks that none is left. A table renamed into place would not clear them, so the rows go
 * through a temporary copy and the new table is created under the name `run` itself.
 */
export const migration002: Migration = {
  version: 2,
  name: "run status 'partial'",
  up(db) {
    db.pragma('defer_foreign_keys = ON');
    const before = (db.prepare('SELECT count(*) AS n FROM run').get() as { n: number }).n;
    db.exec(`
      CREATE TEMP TABLE run_v1_copy AS SELECT ${RUN_COLUMNS} FROM main.run;
      DROP TABLE main.run;
      CREATE TABLE main.run (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('live', 'simulated', 'evaluate', 'import')),
        status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'partial', 'cancelled', 'failed', 'interrupted')),
        started_at       TEXT NOT NULL,
        finished_at      TEXT,
        tool_version     TEXT NOT NULL,
        ruleset_version  TEXT NOT NULL,
        scenario         TEXT,
        identities       TEXT NOT NULL DEFAULT '[]',
        options          TEXT NOT NULL DEFAULT '{}',
        stats            TEXT NOT NULL DEFAULT '{}',
        error            TEXT,
        pid              INTEGER,
        source_run_id    INTEGER REFERENCES run(id)
      );
      INSERT INTO main.run (${RUN_COLUMNS}) SELECT ${RUN_COLUMNS} FROM temp.run_v1_copy ORDER BY id;
      DROP TABLE temp.run_v1_copy;
    `);
    const after = (db.prepare('SELECT count(*) AS n FROM run').get() as { n: number }).n;
    if (after !== before) throw new Error(`migration 2: the run table had ${before} rows, now ${after}`);
    // Checked here too, so a violation names its table instead of failing the commit anonymously.
    const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; parent: string }[];
    if (broken.length > 0) {
      const first = broken[0]!;
      throw new Error(
        `migration 2: ${broken.length} rows lost their reference (first: ${first.table} → ${first.parent})`,
      );
    }
  },
};
