import type { Migration } from './types';

/**
 * Schema v1: every table ARCHITECTURE.md names. JSON columns hold arrays/objects as text and are
 * parsed by the repositories in src/workspace/*.ts; rows are never read with SELECT *.
 */
export const migration001: Migration = {
  version: 1,
  name: 'initial schema',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );

      CREATE TABLE engagement (
        id                 INTEGER PRIMARY KEY CHECK (id = 1),
        client             TEXT NOT NULL,
        title              TEXT NOT NULL,
        period_start       TEXT NOT NULL,
        period_end         TEXT NOT NULL,
        approved_regions   TEXT NOT NULL DEFAULT '[]',
        phi_tag_keys       TEXT NOT NULL DEFAULT '[]',
        phi_path_patterns  TEXT NOT NULL DEFAULT '[]',
        consultant         TEXT NOT NULL DEFAULT '',
        created_at         TEXT NOT NULL,
        updated_at         TEXT NOT NULL
      );

      -- A cloud scope: an AWS account or an Azure subscription. auth holds only non-secret
      -- selectors (profile name, tenant id, client id, method): never a key, secret or token.
      CREATE TABLE target (
        id          INTEGER PRIMARY KEY,
        provider    TEXT NOT NULL CHECK (provider IN ('aws', 'azure')),
        label       TEXT NOT NULL,
        cloud       TEXT NOT NULL,
        scope_id    TEXT NOT NULL,
        regions     TEXT NOT NULL DEFAULT '[]',
        auth        TEXT NOT NULL DEFAULT '{}',
        created_at  TEXT NOT NULL,
        UNIQUE (provider, cloud, scope_id)
      );

      CREATE TABLE run (
        id               INTEGER PRIMARY KEY,
        kind             TEXT NOT NULL CHECK (kind IN ('live', 'simulated', 'evaluate', 'import')),
        status           TEXT NOT NULL CHECK (status IN ('running', 'completed', 'cancelled', 'failed', 'interrupted')),
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

      -- Content-addressed bodies: identical responses are stored once; large ones gzip'd.
      CREATE TABLE evidence_blob (
        sha256    TEXT PRIMARY KEY,
        encoding  TEXT NOT NULL CHECK (encoding IN ('identity', 'gzip')),
        size      INTEGER NOT NULL,
        data      BLOB NOT NULL
      );

      CREATE TABLE evidence (
        id               INTEGER PRIMARY KEY,
        run_id           INTEGER NOT NULL REFERENCES run(id),
        target_id        INTEGER REFERENCES target(id),
        provider         TEXT NOT NULL,
        scope_id         TEXT NOT NULL,
        service          TEXT NOT NULL,
        operation        TEXT NOT NULL,
        region           TEXT NOT NULL,
        request          TEXT NOT NULL DEFAULT '{}',
        outcome          TEXT NOT NULL CHECK (outcome IN ('ok', 'error')),
        error_code       TEXT,
        error_message    TEXT,
        body_sha256      TEXT NOT NULL REFERENCES evidence_blob(sha256),
        collected_at     TEXT NOT NULL,
        caller_identity  TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX evidence_run ON evidence(run_id);

      -- What could not be assessed, where and why (AccessDenied, throttled, disabled region...).
      CREATE TABLE coverage_gap (
        id           INTEGER PRIMARY KEY,
        run_id       INTEGER NOT NULL REFERENCES run(id),
        provider     TEXT NOT NULL,
        scope_id     TEXT NOT NULL,
        service      TEXT NOT NULL,
        operation    TEXT NOT NULL,
        region       TEXT NOT NULL,
        reason       TEXT NOT NULL,
        message      TEXT NOT NULL,
        evidence_id  INTEGER REFERENCES evidence(id)
      );
      CREATE INDEX coverage_gap_run ON coverage_gap(run_id);

      CREATE TABLE resource (
        id            INTEGER PRIMARY KEY,
        run_id        INTEGER NOT NULL REFERENCES run(id),
        target_id     INTEGER REFERENCES target(id),
        provider      TEXT NOT NULL,
        type          TEXT NOT NULL,
        native_id     TEXT NOT NULL,
        name          TEXT NOT NULL,
        scope_id      TEXT NOT NULL,
        region        TEXT NOT NULL,
        tags          TEXT NOT NULL DEFAULT '{}',
        properties    TEXT NOT NULL DEFAULT '{}',
        phi           INTEGER NOT NULL DEFAULT 0 CHECK (phi IN (0, 1)),
        phi_reason    TEXT,
        evidence_ids  TEXT NOT NULL DEFAULT '[]',
        UNIQUE (run_id, type, native_id)
      );

      -- key = rule id + '|' + resource native id: stable across runs, so triage carries over.
      CREATE TABLE finding (
        id            INTEGER PRIMARY KEY,
        run_id        INTEGER NOT NULL REFERENCES run(id),
        key           TEXT NOT NULL,
        rule_id       TEXT NOT NULL,
        resource_id   INTEGER REFERENCES resource(id),
        native_id     TEXT NOT NULL,
        status        TEXT NOT NULL CHECK (status IN ('pass', 'fail', 'not_applicable')),
        severity      TEXT NOT NULL CHECK (severity IN ('critical', 'high', 'medium', 'low', 'info')),
        detail        TEXT NOT NULL,
        citations     TEXT NOT NULL DEFAULT '[]',
        evidence_ids  TEXT NOT NULL DEFAULT '[]',
        change        TEXT NOT NULL CHECK (change IN ('new', 'unchanged', 'resolved')),
        UNIQUE (run_id, key)
      );
      CREATE INDEX finding_key ON finding(key);

      CREATE TABLE triage (
        finding_key    TEXT PRIMARY KEY,
        status         TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'remediated', 'risk_accepted', 'false_positive')),
        owner          TEXT NOT NULL DEFAULT '',
        due_date       TEXT,
        likelihood     TEXT CHECK (likelihood IN ('low', 'medium', 'high')),
        impact         TEXT CHECK (impact IN ('low', 'medium', 'high')),
        justification  TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL
      );

      CREATE TABLE triage_history (
        id             INTEGER PRIMARY KEY,
        finding_key    TEXT NOT NULL,
        status         TEXT NOT NULL,
        owner          TEXT NOT NULL DEFAULT '',
        due_date       TEXT,
        likelihood     TEXT,
        impact         TEXT,
        justification  TEXT NOT NULL DEFAULT '',
        changed_at     TEXT NOT NULL,
        actor          TEXT NOT NULL
      );
      CREATE INDEX triage_history_key ON triage_history(finding_key);

      CREATE TABLE attachment (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        media_type   TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        size         INTEGER NOT NULL,
        data         BLOB NOT NULL,
        description  TEXT NOT NULL DEFAULT '',
        added_at     TEXT NOT NULL
      );

      -- Manual controls (policies, training, contingency plans) the cloud cannot show.
      CREATE TABLE attestation (
        id              INTEGER PRIMARY KEY,
        citation        TEXT NOT NULL,
        status          TEXT NOT NULL CHECK (status IN ('implemented', 'partially_implemented', 'not_implemented', 'not_applicable')),
        statement       TEXT NOT NULL,
        attested_by     TEXT NOT NULL,
        attested_at     TEXT NOT NULL,
        attachment_ids  TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE phi_flow (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL,
        description  TEXT NOT NULL DEFAULT '',
        created_at   TEXT NOT NULL,
        updated_at   TEXT NOT NULL
      );

      CREATE TABLE phi_node (
        id                  INTEGER PRIMARY KEY,
        flow_id             INTEGER NOT NULL REFERENCES phi_flow(id) ON DELETE CASCADE,
        kind                TEXT NOT NULL,
        label               TEXT NOT NULL,
        resource_native_id  TEXT,
        x                   REAL NOT NULL DEFAULT 0,
        y                   REAL NOT NULL DEFAULT 0,
        props               TEXT NOT NULL DEFAULT '{}'
      );

      CREATE TABLE phi_edge (
        id            INTEGER PRIMARY KEY,
        flow_id       INTEGER NOT NULL REFERENCES phi_flow(id) ON DELETE CASCADE,
        source_id     INTEGER NOT NULL REFERENCES phi_node(id) ON DELETE CASCADE,
        target_id     INTEGER NOT NULL REFERENCES phi_node(id) ON DELETE CASCADE,
        label         TEXT NOT NULL DEFAULT '',
        data_classes  TEXT NOT NULL DEFAULT '[]',
        props         TEXT NOT NULL DEFAULT '{}'
      );

      CREATE TABLE export (
        id               INTEGER PRIMARY KEY,
        created_at       TEXT NOT NULL,
        path             TEXT NOT NULL,
        manifest_sha256  TEXT NOT NULL,
        signer_subject   TEXT NOT NULL,
        self_signed      INTEGER NOT NULL CHECK (self_signed IN (0, 1)),
        run_ids          TEXT NOT NULL DEFAULT '[]',
        files            INTEGER NOT NULL
      );

      -- Append-only and hash-chained: hash = SHA-256(prev_hash, seq, at, actor, action, subject, details).
      CREATE TABLE audit_log (
        seq        INTEGER PRIMARY KEY,
        at         TEXT NOT NULL,
        actor      TEXT NOT NULL,
        action     TEXT NOT NULL,
        subject    TEXT NOT NULL DEFAULT '',
        details    TEXT NOT NULL DEFAULT '{}',
        prev_hash  TEXT NOT NULL,
        hash       TEXT NOT NULL
      );
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      -- Evidence is what the auditor saw: never changed after collection.
      CREATE TRIGGER evidence_no_update BEFORE UPDATE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
      CREATE TRIGGER evidence_no_delete BEFORE DELETE ON evidence
        BEGIN SELECT RAISE(ABORT, 'evidence is immutable'); END;
    `);
  },
};
