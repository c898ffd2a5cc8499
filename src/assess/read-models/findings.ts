/**
 * The one read model of findings: the Findings screen and the CLI (findings.list, finding.detail)
 * and the report (src/report/data.ts) read findings through here, so they agree on every field.
 *
 * Null convention: a field is null when the fact is unknown, never '' or a made-up default. A
 * finding whose resource is not in its run (a failure of the baseline that was not seen again: it
 * is recorded as not applicable, with no resource row) has null resourceType, provider, scopeId and
 * region; its resourceName falls back to the native id, which every finding has. Triage fields are
 * null until the finding is triaged. Whoever prints a finding decides how a null reads.
 */
import { getRule } from '../../rules/registry';
import type { Workspace } from '../../workspace/workspace';
import type { Severity } from '../../kit/model';

export type FindingStatus = 'pass' | 'fail' | 'not_applicable';
export type FindingChange = 'new' | 'unchanged' | 'resolved';

export interface FindingRow {
  id: number;
  key: string;
  ruleId: string;
  ruleTitle: string;
  nativeId: string;
  resourceName: string;
  resourceType: string | null;
  provider: string | null;
  scopeId: string | null;
  region: string | null;
  phi: boolean;
  status: FindingStatus;
  severity: Severity;
  detail: string;
  citations: string[];
  evidenceIds: number[];
  change: FindingChange;
  triageStatus: string | null;
  triageOwner: string | null;
}

export interface FindingQuery {
  /** one finding by row id (the detail view) */
  id?: number;
  status?: FindingStatus;
  severity?: Severity[];
  change?: FindingChange;
  phiOnly?: boolean;
  query?: string;
  /**
   * 'severity' (screens and CLI: the worst first) or 'rule' (the report: by rule, then resource,
   * its own grouping comes after). Both end in rule id and native id, so the order is stable.
   */
  order?: 'severity' | 'rule';
  /** A page; all matching findings when absent. */
  page?: { limit: number; offset: number };
}

const SEVERITY_ORDER =
  "CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 WHEN 'low' THEN 3 ELSE 4 END";

interface Row {
  id: number;
  key: string;
  rule_id: string;
  native_id: string;
  status: FindingStatus;
  severity: Severity;
  detail: string;
  citations: string;
  evidence_ids: string;
  change: FindingChange;
  type: string | null;
  name: string | null;
  provider: string | null;
  scope_id: string | null;
  region: string | null;
  phi: number | null;
  triage_status: string | null;
  triage_owner: string | null;
}

function toFinding(r: Row): FindingRow {
  return {
    id: r.id,
    key: r.key,
    ruleId: r.rule_id,
    ruleTitle: getRule(r.rule_id)?.title ?? r.rule_id,
    nativeId: r.native_id,
    resourceName: r.name ?? r.native_id,
    resourceType: r.type,
    provider: r.provider,
    scopeId: r.scope_id,
    region: r.region,
    phi: r.phi === 1,
    status: r.status,
    severity: r.severity,
    detail: r.detail,
    citations: JSON.parse(r.citations) as string[],
    evidenceIds: JSON.parse(r.evidence_ids) as number[],
    change: r.change,
    triageStatus: r.triage_status,
    triageOwner: r.triage_owner,
  };
}

/** The findings of one run that match the query, and how many match in all (before paging). */
export function readFindings(
  ws: Workspace,
  runId: number,
  query: FindingQuery = {},
): { total: number; items: FindingRow[] } {
  const where = ['f.run_id = @runId'];
  const params: Record<string, unknown> = { runId };
  if (query.id !== undefined) {
    where.push('f.id = @id');
    params.id = query.id;
  }
  if (query.status) {
    where.push('f.status = @status');
    params.status = query.status;
  }
  if (query.change) {
    where.push('f.change = @change');
    params.change = query.change;
  }
  if (query.severity && query.severity.length > 0) {
    where.push(`f.severity IN (${query.severity.map((_, i) => `@sev${i}`).join(', ')})`);
    query.severity.forEach((s, i) => (params[`sev${i}`] = s));
  }
  if (query.phiOnly) where.push('r.phi = 1');
  if (query.query) {
    where.push(
      "(f.native_id LIKE @q ESCAPE '\\' OR f.rule_id LIKE @q ESCAPE '\\' OR f.detail LIKE @q ESCAPE '\\')",
    );
    params.q = `%${query.query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  }
  const from = `FROM finding f LEFT JOIN resource r ON r.id = f.resource_id LEFT JOIN triage t ON t.finding_key = f.key WHERE ${where.join(' AND ')}`;
  const orderBy =
    query.order === 'rule' ? 'f.rule_id, f.native_id' : `${SEVERITY_ORDER}, f.status, f.rule_id, f.native_id`;
  let page = '';
  if (query.page) {
    page = 'LIMIT @limit OFFSET @offset';
    params.limit = query.page.limit;
    params.offset = query.page.offset;
  }
  const rows = ws.db
    .prepare(
      `SELECT f.id, f.key, f.rule_id, f.native_id, f.status, f.severity, f.detail, f.citations, f.evidence_ids, f.change,
              r.type, r.name, r.provider, r.scope_id, r.region, r.phi, t.status AS triage_status, t.owner AS triage_owner
       ${from} ORDER BY ${orderBy} ${page}`,
    )
    .all(params) as Row[];
  const total = query.page
    ? (ws.db.prepare(`SELECT count(*) AS n ${from}`).get(params) as { n: number }).n
    : rows.length;
  return { total, items: rows.map(toFinding) };
}
