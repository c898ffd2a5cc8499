import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDir } from '../../../support/temp';
import { columnNames, createDatabaseAt, migrateTo, tableNames, triggerNames, userVersion } from './helpers';

const dir = useTempDir();
let db: Database.Database | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

function freshV1(): Database.Database {
  db = createDatabaseAt(join(dir(), 'w.phiaudit'), 0);
  expect(migrateTo(db, 1)).toBe(1);
  return db;
}

function insertRun(d: Database.Database, id = 1): void {
  d.prepare(
    "INSERT INTO run (id, kind, status, started_at, tool_version, ruleset_version) VALUES (?, 'simulated', 'completed', '2025-03-01T10:00:00Z', '0.1.0', '1')",
  ).run(id);
}

function insertEvidence(d: Database.Database, runId = 1): number {
  d.prepare(
    "INSERT OR IGNORE INTO evidence_blob (sha256, encoding, size, data) VALUES ('ab', 'identity', 2, x'7b7d')",
  ).run();
  return Number(
    d
      .prepare(
        `INSERT INTO evidence (run_id, provider, scope_id, service, operation, region, outcome, body_sha256, collected_at)
         VALUES (?, 'aws', '111122223333', 's3', 'ListBuckets', 'us-east-1', 'ok', 'ab', '2025-03-01T10:00:01Z')`,
      )
      .run(runId).lastInsertRowid,
  );
}

function insertAudit(d: Database.Database, seq = 1): void {
  d.prepare(
    "INSERT INTO audit_log (seq, at, actor, action, subject, details, prev_hash, hash) VALUES (?, '2025-03-01T10:00:00Z', 'dana', 'workspace.created', 'x', '{}', 'p', 'h')",
  ).run(seq);
}

describe('migration 001: initial schema', () => {
  it('brings an empty database to version 1', () => {
    const d = freshV1();
    expect(userVersion(d)).toBe(1);
  });

  it('creates every table ARCHITECTURE.md names', () => {
    const tables = tableNames(freshV1());
    for (const name of [
      'engagement',
      'target',
      'run',
      'evidence',
      'evidence_blob',
      'resource',
      'finding',
      'triage',
      'triage_history',
      'attestation',
      'attachment',
      'phi_flow',
      'phi_node',
      'phi_edge',
      'export',
      'audit_log',
      'coverage_gap',
      'meta',
    ]) {
      expect(tables, `table ${name}`).toContain(name);
    }
  });

  it('gives the engagement the settings the issue lists', () => {
    expect(columnNames(freshV1(), 'engagement')).toEqual(
      expect.arrayContaining([
        'client',
        'period_start',
        'period_end',
        'approved_regions',
        'phi_tag_keys',
        'phi_path_patterns',
      ]),
    );
  });

  it('keeps a single engagement per workspace', () => {
    const d = freshV1();
    const insert = d.prepare(
      "INSERT INTO engagement (id, client, title, period_start, period_end, created_at, updated_at) VALUES (?, 'c', 't', '2025-01-01', '2025-12-31', 'now', 'now')",
    );
    insert.run(1);
    expect(() => insert.run(2)).toThrow(/CHECK constraint failed/);
  });

  it('enforces foreign keys: evidence needs its run and its body, nodes and edges their flow', () => {
    const d = freshV1();
    expect(d.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() => insertEvidence(d, 42)).toThrow(/FOREIGN KEY constraint failed/);
    insertRun(d);
    expect(() =>
      d
        .prepare(
          `INSERT INTO evidence (run_id, provider, scope_id, service, operation, region, outcome, body_sha256, collected_at)
           VALUES (1, 'aws', 'a', 's3', 'ListBuckets', 'us-east-1', 'ok', 'no-such-body', 'now')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() =>
      d.prepare("INSERT INTO phi_node (flow_id, kind, label) VALUES (7, 'store', 'S3')").run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
    expect(() =>
      d
        .prepare(
          "INSERT INTO finding (run_id, key, rule_id, native_id, status, severity, detail, change) VALUES (9, 'k', 'r', 'n', 'fail', 'high', 'd', 'new')",
        )
        .run(),
    ).toThrow(/FOREIGN KEY constraint failed/);
  });

  it('deletes the nodes and edges of a deleted PHI flow', () => {
    const d = freshV1();
    d.prepare(
      "INSERT INTO phi_flow (id, name, created_at, updated_at) VALUES (1, 'checkout', 'now', 'now')",
    ).run();
    d.prepare(
      "INSERT INTO phi_node (id, flow_id, kind, label) VALUES (1, 1, 'store', 'orders'), (2, 1, 'service', 'api')",
    ).run();
    d.prepare('INSERT INTO phi_edge (flow_id, source_id, target_id) VALUES (1, 1, 2)').run();
    d.prepare('DELETE FROM phi_flow WHERE id = 1').run();
    expect(
      d.prepare('SELECT (SELECT count(*) FROM phi_node) + (SELECT count(*) FROM phi_edge) AS n').get(),
    ).toEqual({ n: 0 });
  });

  it('makes the audit log append-only: UPDATE and DELETE are refused, INSERT works', () => {
    const d = freshV1();
    expect(triggerNames(d, 'audit_log')).toEqual(['audit_log_no_delete', 'audit_log_no_update']);
    insertAudit(d, 1);
    insertAudit(d, 2);
    expect(() => d.prepare("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1").run()).toThrow(
      /the audit log is append-only/,
    );
    expect(() => d.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(
      /the audit log is append-only/,
    );
    expect(() => d.prepare('DELETE FROM audit_log').run()).toThrow(/the audit log is append-only/);
    expect(d.prepare('SELECT seq, actor FROM audit_log ORDER BY seq').all()).toEqual([
      { seq: 1, actor: 'dana' },
      { seq: 2, actor: 'dana' },
    ]);
  });

  it('makes evidence immutable: UPDATE and DELETE are refused', () => {
    const d = freshV1();
    expect(triggerNames(d, 'evidence')).toEqual(['evidence_no_delete', 'evidence_no_update']);
    insertRun(d);
    const id = insertEvidence(d);
    expect(() => d.prepare("UPDATE evidence SET region = 'eu-west-1' WHERE id = ?").run(id)).toThrow(
      /evidence is immutable/,
    );
    expect(() => d.prepare('DELETE FROM evidence WHERE id = ?').run(id)).toThrow(/evidence is immutable/);
    expect(d.prepare('SELECT region FROM evidence WHERE id = ?').get(id)).toEqual({ region: 'us-east-1' });
  });

  it('is not run twice: migrating a v1 database again changes nothing', () => {
    const d = freshV1();
    insertAudit(d, 1);
    expect(migrateTo(d, 1)).toBe(1);
    expect(d.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual({ n: 1 });
  });
});
