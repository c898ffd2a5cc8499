import type { Engagement } from '../workspace/workspace';
import { evaluateResources } from '../rules/evaluate';
import { classifyPhi } from './classify';
import { baselineRunId, changeOf, loadBaseline } from './diff';
import type { FindingToSave, RunStore } from './store';
import type { NormalizedResource, Severity } from '../kit/model';

export interface JudgementStats {
  resources: number;
  phiResources: number;
  findings: { fail: number; pass: number; notApplicable: number };
  failBySeverity: Record<Severity, number>;
  newFailures: number;
  newFailuresBySeverity: Record<Severity, number>;
  resolved: number;
  ruleErrors: number;
  baselineRunId: number | null;
}

const emptySeverities = (): Record<Severity, number> => ({
  critical: 0,
  high: 0,
  medium: 0,
  low: 0,
  info: 0,
});

/**
 * Normalize → evaluate → diff → persist, for resources already collected (a fresh collection, or
 * the stored resources of an earlier run when re-evaluating offline). No network.
 */
export function judgeResources(
  store: RunStore,
  engagement: Engagement,
  collected: readonly NormalizedResource[],
  targetIdByScope: Map<string, number>,
  /** provider:scope of targets with coverage gaps in this run: a missing resource there is not "resolved" */
  scopesWithGaps: ReadonlySet<string>,
): JudgementStats {
  const resources = collected.map((r) => {
    const { phi, reason } = classifyPhi(r, engagement.phiTagKeys, engagement.phiPathPatterns);
    return { ...r, phi, phiReason: reason };
  });
  const rowIds = store.saveResources(targetIdByScope, resources);
  const byNativeId = new Map(resources.map((r) => [`${r.type}|${r.nativeId}`, r]));

  const { findings: evaluated, errors } = evaluateResources(resources, {
    approvedRegions: engagement.approvedRegions,
    phiTagKeys: engagement.phiTagKeys,
    phiUrlPaths: engagement.phiUrlPaths,
    resources,
  });

  const db = store.ws.db;
  const baselineId = baselineRunId(db, store.runId);
  const baseline = loadBaseline(db, baselineId);
  const stats: JudgementStats = {
    resources: resources.length,
    phiResources: resources.filter((r) => r.phi).length,
    findings: { fail: 0, pass: 0, notApplicable: 0 },
    failBySeverity: emptySeverities(),
    newFailures: 0,
    newFailuresBySeverity: emptySeverities(),
    resolved: 0,
    ruleErrors: errors.length,
    baselineRunId: baselineId,
  };

  const toSave: FindingToSave[] = [];
  const seen = new Set<string>();
  for (const f of evaluated) {
    seen.add(f.key);
    const resource = byNativeId.get(`${f.resourceType}|${f.nativeId}`);
    const change = changeOf(f.status, baseline.get(f.key));
    toSave.push({
      key: f.key,
      ruleId: f.ruleId,
      nativeId: f.nativeId,
      status: f.status,
      severity: f.severity,
      detail: f.detail,
      citations: f.citations,
      evidenceIds: resource?.evidenceIds ?? [],
      resourceRowId: rowIds.get(`${f.resourceType}|${f.nativeId}`) ?? null,
      change,
    });
  }
  // A failure of the baseline whose resource was not seen now: deleted, or not listable this time.
  for (const prev of baseline.values()) {
    if (seen.has(prev.key) || prev.status !== 'fail') continue;
    const gap = prev.provider !== null && scopesWithGaps.has(`${prev.provider}:${prev.scopeId}`);
    toSave.push({
      key: prev.key,
      ruleId: prev.ruleId,
      nativeId: prev.nativeId,
      status: 'not_applicable',
      severity: prev.severity,
      detail: gap
        ? `Not assessed in this run: ${prev.nativeId} could not be listed (see coverage gaps). It failed in run ${baselineId}.`
        : `No longer present: ${prev.nativeId} was not found in this run (deleted or moved). It failed in run ${baselineId}.`,
      citations: prev.citations,
      evidenceIds: [],
      resourceRowId: null,
      change: gap ? 'unchanged' : 'resolved',
    });
  }

  for (const f of toSave) {
    if (f.status === 'fail') {
      stats.findings.fail++;
      stats.failBySeverity[f.severity]++;
      if (f.change === 'new') {
        stats.newFailures++;
        stats.newFailuresBySeverity[f.severity]++;
      }
    } else if (f.status === 'pass') stats.findings.pass++;
    else stats.findings.notApplicable++;
    if (f.change === 'resolved') stats.resolved++;
  }
  store.saveFindings(toSave);
  for (const e of errors) console.error(`[rules] ${e.ruleId} on ${e.nativeId}: ${e.message}`);
  return stats;
}
