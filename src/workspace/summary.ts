import type { RunStatus } from '../assess/store';
import type { Workspace } from './workspace';

function count(ws: Workspace, sql: string): number {
  return (ws.db.prepare(sql).get() as { n: number }).n;
}

/** What the Engagement screen and `phi-audit info` show about a workspace. */
export function summarizeWorkspace(ws: Workspace) {
  const lastRun = ws.db
    .prepare('SELECT id, kind, status, started_at, finished_at FROM run ORDER BY id DESC LIMIT 1')
    .get() as
    | { id: number; kind: string; status: RunStatus; started_at: string; finished_at: string | null }
    | undefined;
  const latestCollected = ws.db
    .prepare(
      "SELECT id, coalesce(source_run_id, id) AS collection_id FROM run WHERE status IN ('completed', 'partial') ORDER BY id DESC LIMIT 1",
    )
    .get() as { id: number; collection_id: number } | undefined;
  const runId = latestCollected?.id ?? -1;
  // An evaluate run judges another run's collection: resources and gaps are that run's.
  const collectionRunId = latestCollected?.collection_id ?? -1;
  return {
    path: ws.path,
    fileName: ws.fileName,
    sizeBytes: ws.sizeBytes,
    schemaVersion: ws.schemaVersion,
    engagement: ws.engagement,
    counts: {
      targets: count(ws, 'SELECT count(*) AS n FROM target'),
      runs: count(ws, 'SELECT count(*) AS n FROM run'),
      evidence: count(ws, 'SELECT count(*) AS n FROM evidence'),
      resources: (
        ws.db.prepare('SELECT count(*) AS n FROM resource WHERE run_id = ?').get(runId) as { n: number }
      ).n,
      failingFindings: (
        ws.db
          .prepare("SELECT count(*) AS n FROM finding WHERE run_id = ? AND status = 'fail'")
          .get(runId) as { n: number }
      ).n,
      coverageGaps: (
        ws.db.prepare('SELECT count(*) AS n FROM coverage_gap WHERE run_id = ?').get(collectionRunId) as {
          n: number;
        }
      ).n,
      attestations: count(ws, 'SELECT count(*) AS n FROM attestation'),
      phiFlows: count(ws, 'SELECT count(*) AS n FROM phi_flow'),
      exports: count(ws, 'SELECT count(*) AS n FROM export'),
      auditLogEntries: count(ws, 'SELECT count(*) AS n FROM audit_log'),
    },
    lastRun: lastRun
      ? {
          id: lastRun.id,
          kind: lastRun.kind,
          status: lastRun.status,
          startedAt: lastRun.started_at,
          finishedAt: lastRun.finished_at,
        }
      : null,
  };
}
