import { describe, expect, it } from 'vitest';
import { callOperation, dispatch } from '../../../src/api/dispatch';
import { DeskSession } from '../../../src/api/session';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario } from '../../../src/cloud/sim';
import { verifyAuditLog } from '../../../src/workspace/audit-log';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-triage-');

async function sessionWithDemoRun(): Promise<DeskSession> {
  const session = new DeskSession({ frontDoor: 'cli', workspaceDir: tmp() });
  await callOperation(session, 'workspace.create', {
    file: 'triage',
    client: 'Northwind Vitals',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
  });
  const simulator = createSimulator(demoScenario());
  await runAssessment(session.requireWorkspace(), { targets: simulator.targets(), simulator });
  return session;
}

async function firstFailingKey(session: DeskSession): Promise<string> {
  const list = await callOperation(session, 'findings.list', { status: 'fail', limit: 1 });
  return list.items[0]!.key;
}

describe('finding.triage (the risk management plan, 164.308(a)(1)(ii)(B))', () => {
  it('refuses an accepted risk without a justification, naming the field, and saves nothing', async () => {
    const session = await sessionWithDemoRun();
    const key = await firstFailingKey(session);
    const r = await dispatch(session, 'finding.triage', {
      findingKey: key,
      status: 'risk_accepted',
      owner: 'CISO',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'justification' } });
    expect(await callOperation(session, 'finding.triageHistory', { findingKey: key })).toEqual([]);
    await session.dispose();
  });

  it('records the decision, its history and an audit entry, and the findings list shows it', async () => {
    const session = await sessionWithDemoRun();
    const key = await firstFailingKey(session);
    await callOperation(session, 'finding.triage', {
      findingKey: key,
      status: 'in_progress',
      owner: 'Platform team',
      dueDate: '2026-12-15',
    });
    const saved = await callOperation(session, 'finding.triage', {
      findingKey: key,
      status: 'risk_accepted',
      owner: 'CISO',
      likelihood: 'low',
      impact: 'high',
      justification: 'Bucket is decommissioned on 2026-12-31; compensating control: SCP denies new writes.',
    });
    expect(saved).toMatchObject({ status: 'risk_accepted', owner: 'CISO', dueDate: null, likelihood: 'low' });
    const history = await callOperation(session, 'finding.triageHistory', { findingKey: key });
    expect(history.map((h) => h.status)).toEqual(['risk_accepted', 'in_progress']);
    const listed = await callOperation(session, 'findings.list', { status: 'fail', limit: 1000 });
    expect(listed.items.find((f) => f.key === key)).toMatchObject({
      triageStatus: 'risk_accepted',
      triageOwner: 'CISO',
    });
    const log = await callOperation(session, 'auditLog.list', { limit: 5 });
    expect(log.entries.filter((e) => e.action === 'triage.updated')).toHaveLength(2);
    expect(verifyAuditLog(session.requireWorkspace().db).ok).toBe(true);
    await session.dispose();
  });

  it('carries a decision to the next run: it belongs to the finding key, not to a run', async () => {
    const session = await sessionWithDemoRun();
    const key = await firstFailingKey(session);
    await callOperation(session, 'finding.triage', {
      findingKey: key,
      status: 'in_progress',
      owner: 'Platform team',
    });
    const simulator = createSimulator(demoScenario());
    const second = await runAssessment(session.requireWorkspace(), {
      targets: simulator.targets(),
      simulator,
    });
    const listed = await callOperation(session, 'findings.list', {
      runId: second.runId,
      status: 'fail',
      limit: 1000,
    });
    expect(listed.items.find((f) => f.key === key)?.triageStatus).toBe('in_progress');
    await session.dispose();
  });

  it('refuses a key that is not a finding of this workspace', async () => {
    const session = await sessionWithDemoRun();
    const r = await dispatch(session, 'finding.triage', {
      findingKey: 'no.such.rule|arn:aws:s3:::nothing',
      status: 'open',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await session.dispose();
  });
});
