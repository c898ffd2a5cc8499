import { DeskError } from '../errors';
import { RULESET_VERSION } from '../rules/registry';
import { TOOL_VERSION } from '../version';
import type { Workspace } from '../workspace/workspace';
import { judgeResources, type JudgementStats } from './judge';
import { RunStore } from './store';
import type { NormalizedResource, Provider } from '../kit/model';

interface ResourceRow {
  target_id: number | null;
  provider: Provider;
  type: string;
  native_id: string;
  name: string;
  scope_id: string;
  region: string;
  tags: string;
  properties: string;
  evidence_ids: string;
}

/** The newest completed or partial run that holds resources: what `evaluate` judges again. */
export function latestResourceRun(ws: Workspace): number | null {
  const row = ws.db
    .prepare(
      `SELECT r.id FROM run r WHERE r.status IN ('completed', 'partial') AND EXISTS (SELECT 1 FROM resource x WHERE x.run_id = r.id)
       ORDER BY r.id DESC LIMIT 1`,
    )
    .get() as { id: number } | undefined;
  return row?.id ?? null;
}

export function loadResources(
  ws: Workspace,
  runId: number,
): { resources: NormalizedResource[]; targetIdByScope: Map<string, number> } {
  const rows = ws.db
    .prepare(
      'SELECT target_id, provider, type, native_id, name, scope_id, region, tags, properties, evidence_ids FROM resource WHERE run_id = ? ORDER BY id',
    )
    .all(runId) as ResourceRow[];
  const targetIdByScope = new Map<string, number>();
  const resources = rows.map((r) => {
    if (r.target_id !== null) targetIdByScope.set(`${r.provider}:${r.scope_id}`, r.target_id);
    return {
      provider: r.provider,
      type: r.type,
      nativeId: r.native_id,
      name: r.name,
      scopeId: r.scope_id,
      region: r.region,
      tags: JSON.parse(r.tags) as Record<string, string>,
      properties: JSON.parse(r.properties) as Record<string, unknown>,
      phi: false,
      phiReason: null,
      evidenceIds: JSON.parse(r.evidence_ids) as number[],
    };
  });
  return { resources, targetIdByScope };
}

/**
 * Recomputes findings from stored resources with no network: after a rule update, a change of
 * approved regions or PHI tag keys, or on a workspace someone else collected. Creates a run of
 * kind 'evaluate' pointing at the run whose resources it judged.
 */
export function reevaluate(ws: Workspace): { runId: number; sourceRunId: number; stats: JudgementStats } {
  const sourceRunId = latestResourceRun(ws);
  if (sourceRunId === null) {
    throw new DeskError(
      'NOT_FOUND',
      'This workspace has no completed assessment to evaluate. Run an assessment first (phi-audit assess or phi-audit demo).',
    );
  }
  const { resources, targetIdByScope } = loadResources(ws, sourceRunId);
  const scopesWithGaps = new Set(
    (
      ws.db
        .prepare('SELECT DISTINCT provider, scope_id FROM coverage_gap WHERE run_id = ?')
        .all(sourceRunId) as { provider: string; scope_id: string }[]
    ).map((g) => `${g.provider}:${g.scope_id}`),
  );
  const store = RunStore.begin(ws, {
    kind: 'evaluate',
    toolVersion: TOOL_VERSION,
    rulesetVersion: RULESET_VERSION,
    sourceRunId,
  });
  // Judging a partial collection again does not assess what it missed: the outcome carries over.
  const source = ws.db.prepare('SELECT status, error, stats FROM run WHERE id = ?').get(sourceRunId) as {
    status: string;
    error: string | null;
    stats: string;
  };
  const partial = source.status === 'partial';
  const unassessed = partial ? (JSON.parse(source.stats) as { unassessed?: unknown }).unassessed : undefined;
  try {
    const stats = judgeResources(store, ws.engagement, resources, targetIdByScope, scopesWithGaps);
    store.finish(
      partial ? 'partial' : 'completed',
      { ...stats, sourceRunId, ...(unassessed ? { unassessed } : {}) },
      [],
      partial ? (source.error ?? undefined) : undefined,
    );
    return { runId: store.runId, sourceRunId, stats };
  } catch (err) {
    store.finish('failed', { sourceRunId }, [], err instanceof Error ? err.message : String(err));
    throw err;
  }
}
