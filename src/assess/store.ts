import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { Workspace } from '../workspace/workspace';
import type {
  CoverageGapRecord,
  EvidenceRecord,
  NormalizedResource,
  Provider,
  TargetSpec,
} from '../kit/model';

/** Bodies above this size are gzip'd in evidence_blob (identical bodies are stored once anyway). */
const GZIP_THRESHOLD = 1024;

/** A finding as stored: the rule's verdict on one resource in one run, with its change since the last run. */
export interface FindingToSave {
  key: string;
  ruleId: string;
  nativeId: string;
  status: 'pass' | 'fail' | 'not_applicable';
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  detail: string;
  citations: string[];
  evidenceIds: number[];
  resourceRowId: number | null;
  change: 'new' | 'unchanged' | 'resolved';
}

export type RunKind = 'live' | 'simulated' | 'evaluate' | 'import';
/** partial and failed: see src/assess/outcome.ts; allowed in the run table since schema 2 */
export type RunStatus = 'running' | 'completed' | 'partial' | 'cancelled' | 'failed' | 'interrupted';

/**
 * Writes one run's rows. Prepared statements are made once per run: the collection of a large
 * organisation inserts hundreds of thousands of rows.
 */
export class RunStore {
  private readonly db: Database.Database;
  private readonly insertBlob: Database.Statement;
  private readonly insertEvidence: Database.Statement;
  private readonly insertGap: Database.Statement;

  constructor(
    readonly ws: Workspace,
    readonly runId: number,
  ) {
    this.db = ws.db;
    this.insertBlob = this.db.prepare(
      'INSERT INTO evidence_blob (sha256, encoding, size, data) VALUES (?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING',
    );
    this.insertEvidence = this.db.prepare(
      `INSERT INTO evidence (run_id, target_id, provider, scope_id, service, operation, region, request, outcome, error_code, error_message, body_sha256, collected_at, caller_identity)
       VALUES (@runId, @targetId, @provider, @scopeId, @service, @operation, @region, @request, @outcome, @errorCode, @errorMessage, @sha, @at, @identity)`,
    );
    this.insertGap = this.db.prepare(
      `INSERT INTO coverage_gap (run_id, provider, scope_id, service, operation, region, reason, message, evidence_id)
       VALUES (@runId, @provider, @scopeId, @service, @operation, @region, @reason, @message, @evidenceId)`,
    );
  }

  static begin(
    ws: Workspace,
    opts: {
      kind: RunKind;
      toolVersion: string;
      rulesetVersion: string;
      scenario?: string | null;
      options?: unknown;
      sourceRunId?: number;
    },
  ): RunStore {
    const info = ws.db
      .prepare(
        `INSERT INTO run (kind, status, started_at, tool_version, ruleset_version, scenario, options, pid, source_run_id)
         VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        opts.kind,
        new Date().toISOString(),
        opts.toolVersion,
        opts.rulesetVersion,
        opts.scenario ?? null,
        JSON.stringify(opts.options ?? {}),
        process.pid,
        opts.sourceRunId ?? null,
      );
    const runId = Number(info.lastInsertRowid);
    ws.audit({
      action: 'run.started',
      subject: `run ${runId}`,
      details: { runId, kind: opts.kind, scenario: opts.scenario ?? null },
    });
    return new RunStore(ws, runId);
  }

  upsertTarget(t: TargetSpec): number {
    const existing = this.db
      .prepare('SELECT id FROM target WHERE provider = ? AND cloud = ? AND scope_id = ?')
      .get(t.provider, t.cloud, t.scopeId) as { id: number } | undefined;
    if (existing) {
      this.db
        .prepare('UPDATE target SET label = ?, regions = ?, auth = ? WHERE id = ?')
        .run(t.label, JSON.stringify(t.regions), JSON.stringify(t.auth), existing.id);
      return existing.id;
    }
    const info = this.db
      .prepare(
        'INSERT INTO target (provider, label, cloud, scope_id, regions, auth, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(
        t.provider,
        t.label,
        t.cloud,
        t.scopeId,
        JSON.stringify(t.regions),
        JSON.stringify(t.auth),
        new Date().toISOString(),
      );
    this.ws.audit({
      action: 'target.added',
      subject: `${t.provider} ${t.scopeId}`,
      details: { label: t.label, cloud: t.cloud },
    });
    return Number(info.lastInsertRowid);
  }

  recordEvidence(
    target: { id: number; provider: Provider; scopeId: string; identity: string },
    rec: EvidenceRecord,
  ): number {
    const body = JSON.stringify(rec.response ?? null);
    const sha = createHash('sha256').update(body).digest('hex');
    const raw = Buffer.from(body, 'utf8');
    const gz = raw.length > GZIP_THRESHOLD;
    this.insertBlob.run(sha, gz ? 'gzip' : 'identity', raw.length, gz ? gzipSync(raw) : raw);
    const info = this.insertEvidence.run({
      runId: this.runId,
      targetId: target.id,
      provider: target.provider,
      scopeId: target.scopeId,
      service: rec.service,
      operation: rec.operation,
      region: rec.region,
      request: JSON.stringify(rec.request ?? {}),
      outcome: rec.outcome,
      errorCode: rec.errorCode ?? null,
      errorMessage: rec.errorMessage ?? null,
      sha,
      at: new Date().toISOString(),
      identity: target.identity,
    });
    return Number(info.lastInsertRowid);
  }

  recordGap(target: { provider: Provider; scopeId: string }, gap: CoverageGapRecord): void {
    this.insertGap.run({
      runId: this.runId,
      provider: target.provider,
      scopeId: target.scopeId,
      service: gap.service,
      operation: gap.operation,
      region: gap.region,
      reason: gap.reason,
      message: gap.message,
      evidenceId: gap.evidenceId ?? null,
    });
  }

  /** Stores resources and returns their row ids by `${type}|${nativeId}`. */
  saveResources(
    targetIdByScope: Map<string, number>,
    resources: readonly NormalizedResource[],
  ): Map<string, number> {
    const insert = this.db.prepare(
      `INSERT INTO resource (run_id, target_id, provider, type, native_id, name, scope_id, region, tags, properties, phi, phi_reason, evidence_ids)
       VALUES (@runId, @targetId, @provider, @type, @nativeId, @name, @scopeId, @region, @tags, @properties, @phi, @phiReason, @evidenceIds)
       ON CONFLICT(run_id, type, native_id) DO NOTHING`,
    );
    const ids = new Map<string, number>();
    this.ws.transaction(() => {
      for (const r of resources) {
        const info = insert.run({
          runId: this.runId,
          targetId: targetIdByScope.get(`${r.provider}:${r.scopeId}`) ?? null,
          provider: r.provider,
          type: r.type,
          nativeId: r.nativeId,
          name: r.name,
          scopeId: r.scopeId,
          region: r.region,
          tags: JSON.stringify(r.tags),
          properties: JSON.stringify(r.properties),
          phi: r.phi ? 1 : 0,
          phiReason: r.phiReason,
          evidenceIds: JSON.stringify(r.evidenceIds),
        });
        if (info.changes > 0) ids.set(`${r.type}|${r.nativeId}`, Number(info.lastInsertRowid));
      }
    });
    return ids;
  }

  saveFindings(findings: readonly FindingToSave[]): void {
    const insert = this.db.prepare(
      `INSERT INTO finding (run_id, key, rule_id, resource_id, native_id, status, severity, detail, citations, evidence_ids, change)
       VALUES (@runId, @key, @ruleId, @resourceId, @nativeId, @status, @severity, @detail, @citations, @evidenceIds, @change)`,
    );
    this.ws.transaction(() => {
      for (const f of findings) {
        insert.run({
          runId: this.runId,
          key: f.key,
          ruleId: f.ruleId,
          resourceId: f.resourceRowId,
          nativeId: f.nativeId,
          status: f.status,
          severity: f.severity,
          detail: f.detail,
          citations: JSON.stringify(f.citations),
          evidenceIds: JSON.stringify(f.evidenceIds),
          change: f.change,
        });
      }
    });
  }

  finish(
    status: Exclude<RunStatus, 'running'>,
    stats: Record<string, unknown>,
    identities: string[],
    error?: string,
  ): void {
    this.ws.transaction(() => {
      this.db
        .prepare(
          'UPDATE run SET status = ?, finished_at = ?, stats = ?, identities = ?, error = ? WHERE id = ?',
        )
        .run(
          status,
          new Date().toISOString(),
          JSON.stringify(stats),
          JSON.stringify(identities),
          error ?? null,
          this.runId,
        );
      this.ws.audit({
        action: `run.${status}`,
        subject: `run ${this.runId}`,
        details: { runId: this.runId, ...stats, ...(error ? { error } : {}) },
      });
    });
  }
}
