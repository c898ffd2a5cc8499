import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../../../src/workspace/migrations';
import { Workspace } from '../../../../src/workspace/workspace';
import { ACTOR } from '../../../support/engagement';
import { sha256File } from '../../../support/files';
import { useTempDir } from '../../../support/temp';
import { columnNames, createDatabaseAt, migrateTo, openDatabase, userVersion } from './helpers';

const dir = useTempDir();
const open: { close(): void }[] = [];
afterEach(() => {
  for (const h of open.splice(0)) h.close();
});
function track<T extends { close(): void }>(h: T): T {
  open.push(h);
  return h;
}

/**
 * A version-1 workspace as a user has it after a few weeks: an engagement, a target, two
 * assessments (one cancelled, one completed) with evidence, gaps, resources and findings, an
 * offline re-evaluation pointing at the completed run, and an audit log.
 */
function workspaceAtV1(path: string): Database.Database {
  const db = track(createDatabaseAt(path, 1));
  db.exec(`
    INSERT INTO engagement (id, client, title, period_start, period_end, created_at, updated_at)
      VALUES (1, 'Northwind Vitals', 'HIPAA 2025', '2025-01-01', '2025-12-31', '2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z');
    INSERT INTO target (id, provider, label, cloud, scope_id, created_at)
      VALUES (1, 'aws', 'prod', 'aws', '111122223333', '2025-03-01T09:00:00Z');
    INSERT INTO run (id, kind, status, started_at, finished_at, tool_version, ruleset_version, scenario, identities, options, stats, error, pid, source_run_id) VALUES
      (1, 'live', 'cancelled', '2025-03-01T10:00:00Z', '2025-03-01T10:01:00Z', '0.1.0', '1', NULL, '["arn:aws:sts::111122223333:assumed-role/a/b"]', '{}', '{"evidence":1}', 'Cancelled by the user.', 41, NULL),
      (2, 'live', 'completed', '2025-03-02T10:00:00Z', '2025-03-02T10:05:00Z', '0.1.0', '1', NULL, '["arn:aws:sts::111122223333:assumed-role/a/b"]', '{"targets":["aws:111122223333"]}', '{"evidence":2,"gaps":1}', NULL, 42, NULL),
      (3, 'evaluate', 'completed', '2025-03-03T10:00:00Z', '2025-03-03T10:00:01Z', '0.1.0', '2', NULL, '[]', '{}', '{"sourceRunId":2}', NULL, 43, 2),
      (4, 'simulated', 'interrupted', '2025-03-04T10:00:00Z', '2025-03-04T10:00:02Z', '0.1.0', '2', 'demo', '[]', '{}', '{}', 'the process ended before the run finished', 44, NULL);
    INSERT INTO evidence_blob (sha256, encoding, size, data) VALUES ('ab', 'identity', 2, x'7b7d');
    INSERT INTO evidence (id, run_id, target_id, provider, scope_id, service, operation, region, outcome, body_sha256, collected_at) VALUES
      (1, 1, 1, 'aws', '111122223333', 's3', 'ListBuckets', 'global', 'ok', 'ab', '2025-03-01T10:00:01Z'),
      (2, 2, 1, 'aws', '111122223333', 's3', 'ListBuckets', 'global', 'ok', 'ab', '2025-03-02T10:00:01Z'),
      (3, 2, 1, 'aws', '111122223333', 's3', 'GetBucketLogging', 'us-east-1', 'error', 'ab', '2025-03-02T10:00:02Z');
    INSERT INTO coverage_gap (id, run_id, provider, scope_id, service, operation, region, reason, message, evidence_id)
      VALUES (1, 2, 'aws', '111122223333', 's3', 'GetBucketLogging', 'us-east-1', 'access_denied', 'denied', 3);
    INSERT INTO resource (id, run_id, target_id, provider, type, native_id, name, scope_id, region, evidence_ids) VALUES
      (1, 2, 1, 'aws', 'aws.s3.bucket', 'arn:aws:s3:::orders', 'orders', '111122223333', 'us-east-1', '[2]'),
      (2, 3, 1, 'aws', 'aws.s3.bucket', 'arn:aws:s3:::orders', 'orders', '111122223333', 'us-east-1', '[2]');
    INSERT INTO finding (id, run_id, key, rule_id, resource_id, native_id, status, severity, detail, change) VALUES
      (1, 2, 'aws.s3.default-encryption|arn:aws:s3:::orders', 'aws.s3.default-encryption', 1, 'arn:aws:s3:::orders', 'fail', 'high', 'no default encryption', 'new'),
      (2, 3, 'aws.s3.default-encryption|arn:aws:s3:::orders', 'aws.s3.default-encryption', 2, 'arn:aws:s3:::orders', 'fail', 'high', 'no default encryption', 'unchanged');
    INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
      VALUES (1, '2025-03-01T10:00:00Z', 'dana', 'run.started', 'run 1', '{}', 'p', 'h');
  `);
  return db;
}

const ALL_TABLES = ['run', 'evidence', 'coverage_gap', 'resource', 'finding', 'target', 'audit_log'] as const;

function snapshot(db: Database.Database): Record<string, unknown[]> {
  return Object.fromEntries(
    ALL_TABLES.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()]),
  );
}

const insertRunWithStatus = (db: Database.Database, status: string) =>
  db
    .prepare(
      "INSERT INTO run (kind, status, started_at, tool_version, ruleset_version) VALUES ('live', ?, '2025-03-05T10:00:00Z', '0.1.0', '2')",
    )
    .run(status);

describe("migration 002: run status 'partial'", () => {
  it('v1 refuses a partial run; v2 accepts it and still refuses an unknown status', () => {
    const db = workspaceAtV1(join(dir(), 'w.phiaudit'));
    expect(() => insertRunWithStatus(db, 'partial')).toThrow(/CHECK constraint failed/);
    expect(migrateTo(db, 2)).toBe(2);
    expect(userVersion(db)).toBe(2);
    expect(() => insertRunWithStatus(db, 'partial')).not.toThrow();
    expect(() => insertRunWithStatus(db, 'half-done')).toThrow(/CHECK constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO run (kind, status, started_at, tool_version, ruleset_version) VALUES ('manual', 'completed', 'now', '0.1.0', '2')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
  });

  it('keeps every run, evidence item, gap, resource and finding row exactly as it was', () => {
    const db = workspaceAtV1(join(dir(), 'w.phiaudit'));
    const before = snapshot(db);
    const columns = columnNames(db, 'run');
    migrateTo(db, 2);
    expect(snapshot(db)).toEqual(before);
    expect(columnNames(db, 'run')).toEqual(columns);
    expect(before.run).toHaveLength(4);
  });

  it('keeps the foreign keys: nothing dangles, and new rows still need their run', () => {
    const db = workspaceAtV1(join(dir(), 'w.phiaudit'));
    migrateTo(db, 2);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const references = (table: string) =>
      (
        db.prepare('SELECT "table", "to" FROM pragma_foreign_key_list(?)').all(table) as {
          table: string;
          to: string;
        }[]
      ).filter((r) => r.table === 'run');
    for (const child of ['evidence', 'coverage_gap', 'resource', 'finding', 'run'])
      expect(references(child), `${child} → run`).toEqual([{ table: 'run', to: 'id' }]);
    expect(() =>
      db
        .prepare(
          `INSERT INTO evidence (run_id, provider, scope_id, service, operation, region, outcome, body_sha256, collected_at)
           VALUES (99, 'aws', 'a', 's3', 'ListBuckets', 'global', 'ok', 'ab', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() =>
      db
        .prepare(
          "INSERT INTO run (kind, status, started_at, tool_version, ruleset_version, source_run_id) VALUES ('evaluate', 'completed', 'now', '0.1.0', '2', 99)",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    // A run that evidence refers to cannot be deleted out from under it.
    expect(() => db.prepare('DELETE FROM run WHERE id = 2').run()).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('keeps the evidence and audit-log triggers, and leaves no temporary table behind', () => {
    const db = workspaceAtV1(join(dir(), 'w.phiaudit'));
    migrateTo(db, 2);
    expect(() => db.prepare("UPDATE evidence SET region = 'x' WHERE id = 1").run()).toThrow(
      /evidence is immutable/,
    );
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(db.prepare("SELECT name FROM sqlite_temp_master WHERE name = 'run_v1_copy'").all()).toEqual([]);
  });

  it('new runs continue the numbering after the kept ones', () => {
    const db = workspaceAtV1(join(dir(), 'w.phiaudit'));
    migrateTo(db, 2);
    expect(Number(insertRunWithStatus(db, 'partial').lastInsertRowid)).toBe(5);
  });

  it('on disk: Workspace.open upgrades a v1 file to the latest version with its rows, keeping a .v1.bak', () => {
    const path = join(dir(), 'w.phiaudit');
    const db = workspaceAtV1(path);
    const before = snapshot(db);
    db.close();
    open.splice(0);
    const v1Bytes = sha256File(path);

    const ws = track(Workspace.open(path, ACTOR));
    expect(ws.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(sha256File(`${path}.v1.bak`)).toBe(v1Bytes);
    const runs = ws.db.prepare('SELECT id, status, source_run_id FROM run ORDER BY id').all();
    expect(runs).toEqual([
      { id: 1, status: 'cancelled', source_run_id: null },
      { id: 2, status: 'completed', source_run_id: null },
      { id: 3, status: 'completed', source_run_id: 2 },
      { id: 4, status: 'interrupted', source_run_id: null },
    ]);
    ws.close();
    open.splice(0);

    const again = track(openDatabase(path));
    expect(userVersion(again)).toBe(LATEST_SCHEMA_VERSION);
    const after = snapshot(again);
    // Workspace.open appends to the audit log (workspace.opened); every other table is as it was.
    expect({ ...after, audit_log: after.audit_log!.slice(0, 1) }).toEqual(before);
  });
});
