/**
 * Everything the report says, read from the workspace in one place. The report covers the newest
 * completed run with findings and the collection run behind it (an evaluate run judges another
 * run's evidence). Evidence bodies are not read here: package.ts streams them.
 */
import { collectionRunOf, resolveFindingsRun } from '../assess/queries';
import { tallyControls, type ControlRow } from '../assess/read-models/controls';
import { readFindings, type FindingRow } from '../assess/read-models/findings';
import { readScope, type RunScope } from '../assess/read-models/scope';
import { RULESET_VERSION } from '../rules/registry';
import { verifyAuditLog, type AuditVerification } from '../workspace/audit-log';
import type { Engagement, Workspace } from '../workspace/workspace';
import { evidencePath } from './paths';

export interface RunInfo {
  id: number;
  kind: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  toolVersion: string;
  rulesetVersion: string;
  scenario: string | null;
  identities: string[];
}

export interface TargetInfo {
  id: number;
  provider: string;
  label: string;
  cloud: string;
  scopeId: string;
  regions: string[];
  /** Non-secret selectors only (profile name, tenant id, method). */
  auth: Record<string, string>;
  /** Caller identities seen in the evidence of the collection run. */
  identities: string[];
}

/**
 * A finding as the report reads it: the same read model as the API's findings.list, with its
 * null convention (src/assess/read-models/findings.ts).
 */
export type FindingInfo = FindingRow;

export interface EvidenceInfo {
  id: number;
  service: string;
  operation: string;
  region: string;
  scopeId: string;
  outcome: string;
  collectedAt: string;
  sha256: string;
  path: string;
}

export interface GapInfo {
  provider: string;
  scopeId: string;
  service: string;
  operation: string;
  region: string;
  reason: string;
  message: string;
}

export interface TriageInfo {
  findingKey: string;
  status: 'open' | 'in_progress' | 'remediated' | 'risk_accepted' | 'false_positive';
  owner: string;
  dueDate: string | null;
  likelihood: 'low' | 'medium' | 'high' | null;
  impact: 'low' | 'medium' | 'high' | null;
  justification: string;
  updatedAt: string;
}

export interface AttestationInfo {
  id: number;
  citation: string;
  status: 'implemented' | 'partially_implemented' | 'not_implemented' | 'not_applicable';
  statement: string;
  attestedBy: string;
  attestedAt: string;
  attachmentIds: number[];
}

export interface AttachmentInfo {
  id: number;
  name: string;
  mediaType: string;
  sha256: string;
  size: number;
  description: string;
  addedAt: string;
}

export interface FlowInfo {
  id: number;
  name: string;
  description: string;
  nodes: { id: number; kind: string; label: string; resourceNativeId: string | null; phi: boolean }[];
  edges: { id: number; source: number; target: number; label: string; dataClasses: string[] }[];
}

export interface ReportData {
  engagement: Engagement;
  findingsRunId: number | null;
  collectionRunId: number | null;
  runs: RunInfo[];
  targets: TargetInfo[];
  findings: FindingInfo[];
  /** The control matrix rows, counted by the read model the Controls screen uses. */
  controls: ControlRow[];
  gaps: GapInfo[];
  /** What the run assessed and what it did not, per target (the read model the CLI and UI use). */
  scope: RunScope;
  triage: Map<string, TriageInfo>;
  attestations: AttestationInfo[];
  attachments: AttachmentInfo[];
  flows: FlowInfo[];
  /** Metadata of every evidence row in the package, by id. */
  evidence: Map<number, EvidenceInfo>;
  rulesetVersion: string;
  auditLog: AuditVerification;
  /**
   * Outcomes a reader must see before any finding: the reported run is partial (what it did not
   * assess), or a newer run failed and assessed nothing. Empty when the reported run completed.
   */
  outcomes: RunOutcomeLine[];
  /** The reported run had no earlier run to compare with: nothing in it is "new since the previous run". */
  firstRun: boolean;
}

export interface RunOutcomeLine {
  status: 'partial' | 'failed';
  runId: number;
  /** "Assessment partial: ..." / "Assessment failed: no target could be assessed (...)" */
  statement: string;
}

/** The reported run's outcome, and a failed run newer than it (src/assess/outcome.ts says why). */
function loadOutcomes(
  ws: Workspace,
  findingsRunId: number | null,
): { outcomes: RunOutcomeLine[]; firstRun: boolean } {
  const outcomes: RunOutcomeLine[] = [];
  let firstRun = true;
  if (findingsRunId !== null) {
    const run = ws.db.prepare('SELECT status, error, stats FROM run WHERE id = ?').get(findingsRunId) as {
      status: string;
      error: string | null;
      stats: string;
    };
    if (run.status === 'partial')
      outcomes.push({
        status: 'partial',
        runId: findingsRunId,
        statement: run.error ?? 'Assessment partial',
      });
    firstRun = (json<{ baselineRunId?: number | null }>(run.stats, {}).baselineRunId ?? null) === null;
  }
  const failed = ws.db
    .prepare("SELECT id, error FROM run WHERE status = 'failed' AND id > ? ORDER BY id DESC LIMIT 1")
    .get(findingsRunId ?? 0) as { id: number; error: string | null } | undefined;
  if (failed)
    outcomes.push({
      status: 'failed',
      runId: failed.id,
      statement: failed.error ?? 'Assessment failed: no target could be assessed',
    });
  return { outcomes, firstRun };
}

const json = <T>(text: string | null | undefined, fallback: T): T => {
  if (!text) return fallback;
  return JSON.parse(text) as T;
};

/** The runs whose evidence and findings the package holds. */
export function reportRunIds(ws: Workspace): {
  findingsRunId: number | null;
  collectionRunId: number | null;
} {
  const findingsRunId = resolveFindingsRun(ws);
  return {
    findingsRunId,
    collectionRunId: findingsRunId === null ? null : collectionRunOf(ws, findingsRunId),
  };
}

function loadRuns(ws: Workspace, ids: number[]): RunInfo[] {
  const stmt = ws.db.prepare(
    'SELECT id, kind, status, started_at, finished_at, tool_version, ruleset_version, scenario, identities FROM run WHERE id = ?',
  );
  return ids.flatMap((id) => {
    const r = stmt.get(id) as Record<string, string | number | null> | undefined;
    if (!r) return [];
    return [
      {
        id: Number(r.id),
        kind: String(r.kind),
        status: String(r.status),
        startedAt: String(r.started_at),
        finishedAt: (r.finished_at as string | null) ?? null,
        toolVersion: String(r.tool_version),
        rulesetVersion: String(r.ruleset_version),
        scenario: (r.scenario as string | null) ?? null,
        identities: json<string[]>(r.identities as string, []),
      },
    ];
  });
}

function loadTargets(ws: Workspace, collectionRunId: number | null): TargetInfo[] {
  const ids = new Map<number, Set<string>>();
  if (collectionRunId !== null) {
    const rows = ws.db
      .prepare(
        "SELECT DISTINCT target_id, caller_identity FROM evidence WHERE run_id = ? AND caller_identity != ''",
      )
      .all(collectionRunId) as { target_id: number | null; caller_identity: string }[];
    for (const r of rows)
      if (r.target_id !== null)
        (ids.get(r.target_id) ?? ids.set(r.target_id, new Set()).get(r.target_id)!).add(r.caller_identity);
  }
  const rows = ws.db
    .prepare(
      'SELECT id, provider, label, cloud, scope_id, regions, auth FROM target ORDER BY provider, label',
    )
    .all() as {
    id: number;
    provider: string;
    label: string;
    cloud: string;
    scope_id: string;
    regions: string;
    auth: string;
  }[];
  return rows.map((t) => ({
    id: t.id,
    provider: t.provider,
    label: t.label,
    cloud: t.cloud,
    scopeId: t.scope_id,
    regions: json<string[]>(t.regions, []),
    auth: json<Record<string, string>>(t.auth, {}),
    identities: [...(ids.get(t.id) ?? [])],
  }));
}

function loadEvidence(
  ws: Workspace,
  collectionRunId: number | null,
  referenced: Set<number>,
): Map<number, EvidenceInfo> {
  const map = new Map<number, EvidenceInfo>();
  const add = (r: {
    id: number;
    service: string;
    operation: string;
    region: string;
    scope_id: string;
    outcome: string;
    collected_at: string;
    body_sha256: string;
  }) =>
    map.set(r.id, {
      id: r.id,
      service: r.service,
      operation: r.operation,
      region: r.region,
      scopeId: r.scope_id,
      outcome: r.outcome,
      collectedAt: r.collected_at,
      sha256: r.body_sha256,
      path: evidencePath(r.id, r.service, r.operation),
    });
  const cols = 'id, service, operation, region, scope_id, outcome, collected_at, body_sha256';
  if (collectionRunId !== null) {
    for (const r of ws.db
      .prepare(`SELECT ${cols} FROM evidence WHERE run_id = ? ORDER BY id`)
      .iterate(collectionRunId))
      add(r as Parameters<typeof add>[0]);
  }
  // Findings may cite evidence of another run (an import); the package holds it too.
  const one = ws.db.prepare(`SELECT ${cols} FROM evidence WHERE id = ?`);
  for (const id of referenced) {
    if (map.has(id)) continue;
    const r = one.get(id) as Parameters<typeof add>[0] | undefined;
    if (r) add(r);
  }
  return map;
}

export function loadReportData(ws: Workspace): ReportData {
  const { findingsRunId, collectionRunId } = reportRunIds(ws);
  const runIds = [...new Set([collectionRunId, findingsRunId].filter((id): id is number => id !== null))];
  const findings = findingsRunId === null ? [] : readFindings(ws, findingsRunId, { order: 'rule' }).items;
  const referenced = new Set(findings.flatMap((f) => f.evidenceIds));
  const triageRows = ws.db
    .prepare(
      'SELECT finding_key, status, owner, due_date, likelihood, impact, justification, updated_at FROM triage',
    )
    .all() as Record<string, string | null>[];
  const triage = new Map<string, TriageInfo>(
    triageRows.map((t) => [
      String(t.finding_key),
      {
        findingKey: String(t.finding_key),
        status: t.status as TriageInfo['status'],
        owner: t.owner ?? '',
        dueDate: t.due_date ?? null,
        likelihood: (t.likelihood as TriageInfo['likelihood']) ?? null,
        impact: (t.impact as TriageInfo['impact']) ?? null,
        justification: t.justification ?? '',
        updatedAt: String(t.updated_at),
      },
    ]),
  );
  const attestations = (
    ws.db
      .prepare(
        'SELECT id, citation, status, statement, attested_by, attested_at, attachment_ids FROM attestation ORDER BY citation, id',
      )
      .all() as Record<string, string | number>[]
  ).map((a) => ({
    id: Number(a.id),
    citation: String(a.citation),
    status: a.status as AttestationInfo['status'],
    statement: String(a.statement),
    attestedBy: String(a.attested_by),
    attestedAt: String(a.attested_at),
    attachmentIds: json<number[]>(String(a.attachment_ids), []),
  }));
  const attachments = ws.db
    .prepare(
      'SELECT id, name, media_type AS mediaType, sha256, size, description, added_at AS addedAt FROM attachment ORDER BY id',
    )
    .all() as AttachmentInfo[];
  const flows = (
    ws.db.prepare('SELECT id, name, description FROM phi_flow ORDER BY id').all() as {
      id: number;
      name: string;
      description: string;
    }[]
  ).map((f) => ({
    ...f,
    nodes: (
      ws.db
        .prepare(
          'SELECT id, kind, label, resource_native_id, props FROM phi_node WHERE flow_id = ? ORDER BY id',
        )
        .all(f.id) as {
        id: number;
        kind: string;
        label: string;
        resource_native_id: string | null;
        props: string;
      }[]
    ).map((n) => ({
      id: n.id,
      kind: n.kind,
      label: n.label,
      resourceNativeId: n.resource_native_id,
      phi: json<{ phi?: boolean }>(n.props, {}).phi === true,
    })),
    edges: (
      ws.db
        .prepare(
          'SELECT id, source_id, target_id, label, data_classes FROM phi_edge WHERE flow_id = ? ORDER BY id',
        )
        .all(f.id) as {
        id: number;
        source_id: number;
        target_id: number;
        label: string;
        data_classes: string;
      }[]
    ).map((e) => ({
      id: e.id,
      source: e.source_id,
      target: e.target_id,
      label: e.label,
      dataClasses: json<string[]>(e.data_classes, []),
    })),
  }));
  const gaps =
    collectionRunId === null
      ? []
      : (ws.db
          .prepare(
            'SELECT provider, scope_id AS scopeId, service, operation, region, reason, message FROM coverage_gap WHERE run_id = ? ORDER BY provider, scope_id, service, region',
          )
          .all(collectionRunId) as GapInfo[]);
  const runs = loadRuns(ws, runIds);
  return {
    engagement: ws.engagement,
    findingsRunId,
    collectionRunId,
    runs,
    targets: loadTargets(ws, collectionRunId),
    findings,
    controls: tallyControls(findings, attestations),
    gaps,
    scope: findingsRunId === null ? readScope(ws) : readScope(ws, findingsRunId),
    triage,
    attestations,
    attachments,
    flows,
    evidence: loadEvidence(ws, collectionRunId, referenced),
    rulesetVersion: runs.find((r) => r.id === findingsRunId)?.rulesetVersion ?? RULESET_VERSION,
    auditLog: verifyAuditLog(ws.db),
    ...loadOutcomes(ws, findingsRunId),
  };
}
