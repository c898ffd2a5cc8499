import { gunzipSync } from 'node:zlib';
import { DeskError } from '../errors';
import type { Workspace } from '../workspace/workspace';
import { readFindings, type FindingQuery, type FindingRow } from './read-models/findings';
import type { RunStatus } from './store';

/** Read side of assessments: what the Assessments and Findings screens and the CLI list. */

export function listTargets(ws: Workspace) {
  const rows = ws.db
    .prepare('SELECT id, provider, label, cloud, scope_id, regions, auth, created_at FROM target ORDER BY id')
    .all() as {
    id: number;
    provider: 'aws' | 'azure';
    label: string;
    cloud: string;
    scope_id: string;
    regions: string;
    auth: string;
    created_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    label: r.label,
    cloud: r.cloud,
    scopeId: r.scope_id,
    regions: JSON.parse(r.regions) as string[],
    auth: JSON.parse(r.auth) as Record<string, string>,
    createdAt: r.created_at,
  }));
}

export function listRuns(ws: Workspace) {
  const rows = ws.db
    .prepare(
      `SELECT id, kind, status, started_at, finished_at, tool_version, ruleset_version, scenario, identities, stats, error, source_run_id,
              (SELECT count(*) FROM finding f WHERE f.run_id = run.id AND f.status = 'fail') AS failing
         FROM run ORDER BY id DESC`,
    )
    .all() as {
    id: number;
    kind: string;
    status: RunStatus;
    started_at: string;
    finished_at: string | null;
    tool_version: string;
    ruleset_version: string;
    scenario: string | null;
    identities: string;
    stats: string;
    error: string | null;
    source_run_id: number | null;
    failing: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    toolVersion: r.tool_version,
    rulesetVersion: r.ruleset_version,
    scenario: r.scenario,
    identities: JSON.parse(r.identities) as string[],
    stats: JSON.parse(r.stats) as Record<string, unknown>,
    error: r.error,
    sourceRunId: r.source_run_id,
    failing: r.failing,
  }));
}

/**
 * The newest completed or partial run with findings, or the one asked for. A partial run's
 * findings stand for what it did assess; its report and summaries say what it did not.
 */
export function resolveFindingsRun(ws: Workspace, runId?: number): number | null {
  if (runId !== undefined) {
    const ok = ws.db.prepare('SELECT id FROM run WHERE id = ?').get(runId);
    if (!ok) throw new DeskError('NOT_FOUND', `No run ${runId} in this workspace.`);
    return runId;
  }
  const row = ws.db
    .prepare(
      "SELECT r.id FROM run r WHERE r.status IN ('completed', 'partial') AND EXISTS (SELECT 1 FROM finding f WHERE f.run_id = r.id) ORDER BY r.id DESC LIMIT 1",
    )
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

/** An evaluate run judged another run's collection: its gaps and evidence are that run's. */
export function collectionRunOf(ws: Workspace, runId: number): number {
  const row = ws.db.prepare('SELECT source_run_id FROM run WHERE id = ?').get(runId) as
    { source_run_id: number | null } | undefined;
  return row?.source_run_id ?? runId;
}

export interface FindingFilter extends Omit<FindingQuery, 'order' | 'page'> {
  runId?: number;
  limit: number;
  offset: number;
}

/** findings.list: a page of a run's findings (default: the newest run with findings), worst first. */
export function listFindings(
  ws: Workspace,
  filter: FindingFilter,
): { runId: number | null; total: number; items: FindingRow[] } {
  const { runId: asked, limit, offset, ...query } = filter;
  const runId = resolveFindingsRun(ws, asked);
  if (runId === null) return { runId: null, total: 0, items: [] };
  return { runId, ...readFindings(ws, runId, { ...query, order: 'severity', page: { limit, offset } }) };
}

export function listGaps(ws: Workspace, runId?: number) {
  const findingsRun = resolveFindingsRun(ws, runId);
  const latest = ws.db
    .prepare("SELECT id FROM run WHERE status != 'running' ORDER BY id DESC LIMIT 1")
    .get() as { id: number } | undefined;
  const base = findingsRun ?? latest?.id;
  if (base === undefined) return { runId: null, items: [] };
  const collectionRun = collectionRunOf(ws, base);
  const rows = ws.db
    .prepare(
      'SELECT id, provider, scope_id, service, operation, region, reason, message, evidence_id FROM coverage_gap WHERE run_id = ? ORDER BY provider, scope_id, service, region',
    )
    .all(collectionRun) as {
    id: number;
    provider: string;
    scope_id: string;
    service: string;
    operation: string;
    region: string;
    reason: string;
    message: string;
    evidence_id: number | null;
  }[];
  return {
    runId: collectionRun,
    items: rows.map((r) => ({
      id: r.id,
      provider: r.provider,
      scopeId: r.scope_id,
      service: r.service,
      operation: r.operation,
      region: r.region,
      reason: r.reason,
      message: r.message,
      evidenceId: r.evidence_id,
    })),
  };
}

export function getEvidence(ws: Workspace, id: number) {
  const row = ws.db
    .prepare(
      `SELECT e.id, e.run_id, e.provider, e.scope_id, e.service, e.operation, e.region, e.request, e.outcome, e.error_code, e.error_message,
              e.body_sha256, e.collected_at, e.caller_identity, b.encoding, b.data
         FROM evidence e JOIN evidence_blob b ON b.sha256 = e.body_sha256 WHERE e.id = ?`,
    )
    .get(id) as
    | {
        id: number;
        run_id: number;
        provider: string;
        scope_id: string;
        service: string;
        operation: string;
        region: string;
        request: string;
        outcome: string;
        error_code: string | null;
        error_message: string | null;
        body_sha256: string;
        collected_at: string;
        caller_identity: string;
        encoding: 'identity' | 'gzip';
        data: Buffer;
      }
    | undefined;
  if (!row) throw new DeskError('NOT_FOUND', `No evidence ${id} in this workspace.`);
  const body = (row.encoding === 'gzip' ? gunzipSync(row.data) : row.data).toString('utf8');
  return {
    id: row.id,
    runId: row.run_id,
    provider: row.provider,
    scopeId: row.scope_id,
    service: row.service,
    operation: row.operation,
    region: row.region,
    request: JSON.parse(row.request) as unknown,
    outcome: row.outcome,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    sha256: row.body_sha256,
    collectedAt: row.collected_at,
    callerIdentity: row.caller_identity,
    body,
  };
}
