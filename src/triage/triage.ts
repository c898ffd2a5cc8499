import { DeskError } from '../errors';
import type { Workspace } from '../workspace/workspace';

export type TriageStatus = 'open' | 'in_progress' | 'remediated' | 'risk_accepted' | 'false_positive';
export type Level = 'low' | 'medium' | 'high';

export interface TriageDecision {
  findingKey: string;
  status: TriageStatus;
  owner: string;
  dueDate: string | null;
  likelihood: Level | null;
  impact: Level | null;
  justification: string;
}

interface TriageRow {
  finding_key: string;
  status: TriageStatus;
  owner: string;
  due_date: string | null;
  likelihood: Level | null;
  impact: Level | null;
  justification: string;
  updated_at: string;
}

function toTriage(r: TriageRow) {
  return {
    findingKey: r.finding_key,
    status: r.status,
    owner: r.owner,
    dueDate: r.due_date,
    likelihood: r.likelihood,
    impact: r.impact,
    justification: r.justification,
    updatedAt: r.updated_at,
  };
}

export function getTriage(ws: Workspace, findingKey: string) {
  const row = ws.db
    .prepare(
      'SELECT finding_key, status, owner, due_date, likelihood, impact, justification, updated_at FROM triage WHERE finding_key = ?',
    )
    .get(findingKey) as TriageRow | undefined;
  return row ? toTriage(row) : null;
}

/**
 * Records a decision: the current state in `triage`, every decision in `triage_history`, and the
 * change in the audit log — one transaction, so none of the three can exist without the others.
 */
export function recordTriage(ws: Workspace, decision: TriageDecision) {
  const known = ws.db.prepare('SELECT 1 FROM finding WHERE key = ? LIMIT 1').get(decision.findingKey);
  if (!known)
    throw new DeskError('NOT_FOUND', `No finding with key ${decision.findingKey} in this workspace.`);
  const before = getTriage(ws, decision.findingKey);
  const now = new Date().toISOString();
  ws.transaction(() => {
    const row = {
      key: decision.findingKey,
      status: decision.status,
      owner: decision.owner,
      due: decision.dueDate,
      likelihood: decision.likelihood,
      impact: decision.impact,
      justification: decision.justification,
      now,
      actor: ws.actor,
    };
    ws.db
      .prepare(
        `INSERT INTO triage (finding_key, status, owner, due_date, likelihood, impact, justification, updated_at)
         VALUES (@key, @status, @owner, @due, @likelihood, @impact, @justification, @now)
         ON CONFLICT(finding_key) DO UPDATE SET status = excluded.status, owner = excluded.owner, due_date = excluded.due_date,
           likelihood = excluded.likelihood, impact = excluded.impact, justification = excluded.justification, updated_at = excluded.updated_at`,
      )
      .run(row);
    ws.db
      .prepare(
        `INSERT INTO triage_history (finding_key, status, owner, due_date, likelihood, impact, justification, changed_at, actor)
         VALUES (@key, @status, @owner, @due, @likelihood, @impact, @justification, @now, @actor)`,
      )
      .run(row);
    ws.audit({
      action: 'triage.updated',
      subject: decision.findingKey,
      details: {
        from: before ? { status: before.status, owner: before.owner, dueDate: before.dueDate } : null,
        to: { ...decision },
      },
    });
  });
  return getTriage(ws, decision.findingKey)!;
}

export function triageHistory(ws: Workspace, findingKey: string) {
  const rows = ws.db
    .prepare(
      `SELECT finding_key, status, owner, due_date, likelihood, impact, justification, changed_at, actor
         FROM triage_history WHERE finding_key = ? ORDER BY id DESC`,
    )
    .all(findingKey) as (Omit<TriageRow, 'updated_at'> & { changed_at: string; actor: string })[];
  return rows.map((r) => ({
    findingKey: r.finding_key,
    status: r.status,
    owner: r.owner,
    dueDate: r.due_date,
    likelihood: r.likelihood,
    impact: r.impact,
    justification: r.justification,
    changedAt: r.changed_at,
    actor: r.actor,
  }));
}
