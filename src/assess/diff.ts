import type Database from 'better-sqlite3';

/**
 * The run findings are compared with ("the previous run"): the newest completed or partial run
 * before `runId` that has findings. A failed run assessed nothing, so it is never the baseline.
 */
export function baselineRunId(db: Database.Database, runId: number): number | null {
  const row = db
    .prepare(
      `SELECT r.id FROM run r WHERE r.id < ? AND r.status IN ('completed', 'partial')
         AND EXISTS (SELECT 1 FROM finding f WHERE f.run_id = r.id) ORDER BY r.id DESC LIMIT 1`,
    )
    .get(runId) as { id: number } | undefined;
  return row?.id ?? null;
}

export interface BaselineFinding {
  key: string;
  ruleId: string;
  nativeId: string;
  status: 'pass' | 'fail' | 'not_applicable';
  severity: 'critical' | 'high' | 'medium' | 'low' | 'info';
  citations: string[];
  provider: string | null;
  scopeId: string | null;
}

export function loadBaseline(db: Database.Database, baselineId: number | null): Map<string, BaselineFinding> {
  const map = new Map<string, BaselineFinding>();
  if (baselineId === null) return map;
  const rows = db
    .prepare(
      `SELECT f.key, f.rule_id, f.native_id, f.status, f.severity, f.citations, r.provider, r.scope_id
         FROM finding f LEFT JOIN resource r ON r.id = f.resource_id WHERE f.run_id = ?`,
    )
    .all(baselineId) as {
    key: string;
    rule_id: string;
    native_id: string;
    status: BaselineFinding['status'];
    severity: BaselineFinding['severity'];
    citations: string;
    provider: string | null;
    scope_id: string | null;
  }[];
  for (const r of rows) {
    map.set(r.key, {
      key: r.key,
      ruleId: r.rule_id,
      nativeId: r.native_id,
      status: r.status,
      severity: r.severity,
      citations: JSON.parse(r.citations) as string[],
      provider: r.provider,
      scopeId: r.scope_id,
    });
  }
  return map;
}

/**
 * new: failing now, not failing in the baseline. resolved: failing in the baseline, not now.
 * unchanged: everything else. Stable keys (rule id + resource id) make this a map lookup.
 */
export function changeOf(
  status: BaselineFinding['status'],
  previous: BaselineFinding | undefined,
): 'new' | 'unchanged' | 'resolved' {
  const wasFailing = previous?.status === 'fail';
  if (status === 'fail') return wasFailing ? 'unchanged' : 'new';
  return wasFailing ? 'resolved' : 'unchanged';
}
