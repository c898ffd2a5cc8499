/** The API and the report read findings and the control matrix through one read model each. */
import { describe, expect, it } from 'vitest';
import { callOperation } from '../../../src/api/dispatch';
import { DeskSession } from '../../../src/api/session';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario, type Scenario } from '../../../src/cloud/sim';
import { loadReportData } from '../../../src/report/data';
import type { Workspace } from '../../../src/workspace/workspace';
import { createWorkspace, SETTINGS } from '../../support/engagement';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-read-models-');

async function runDemo(ws: Workspace, scenario: Scenario) {
  const simulator = createSimulator(scenario);
  return runAssessment(ws, { targets: simulator.targets(), simulator, scenarioName: scenario.name });
}

/** A demo run, then one where a failing bucket is gone: its failure is carried with no resource. */
async function workspaceWithAResourcelessFinding(): Promise<{ session: DeskSession; ws: Workspace }> {
  const dir = tmp();
  const ws = createWorkspace(dir, 'demo.phiaudit', {
    ...SETTINGS,
    approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
  });
  const scenario = demoScenario();
  await runDemo(ws, scenario);
  const next = structuredClone(scenario);
  const prod = next.aws!.accounts[0]!;
  prod.buckets = prod.buckets.filter((b) => b.name !== 'nwv-prod-support-tickets');
  await runDemo(ws, next);
  ws.db
    .prepare(
      "INSERT INTO attestation (citation, status, statement, attested_by, attested_at, attachment_ids) VALUES ('164.308(a)(5)(i)', 'partially_implemented', 'Training in progress', 'Dana Reyes', '2025-06-01T00:00:00Z', '[]')",
    )
    .run();
  const session = new DeskSession({ frontDoor: 'cli', workspaceDir: dir });
  session.setWorkspace(ws);
  return { session, ws };
}

describe('findings read model', () => {
  it('gives the API and the report the same findings, with null for what a resource-less finding lacks', async () => {
    const { session, ws } = await workspaceWithAResourcelessFinding();
    // The demo has more findings than one page (limit ≤ 1000): read them all.
    const first = await callOperation(session, 'findings.list', { limit: 1000 });
    const api = { ...first, items: [...first.items] };
    while (api.items.length < first.total) {
      const next = await callOperation(session, 'findings.list', { limit: 1000, offset: api.items.length });
      api.items.push(...next.items);
    }
    const report = loadReportData(ws);
    expect(report.findingsRunId).toBe(api.runId);
    // Same findings, field for field (the report orders them by rule, the screens by severity).
    const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
    expect([...report.findings].sort(byId)).toEqual([...api.items].sort(byId));

    const gone = api.items.find(
      (f) => f.nativeId.includes('nwv-prod-support-tickets') && f.change === 'resolved',
    );
    expect(gone).toMatchObject({
      status: 'not_applicable',
      resourceName: gone?.nativeId,
      resourceType: null,
      provider: null,
      scopeId: null,
      region: null,
      phi: false,
    });
    expect(report.findings.find((f) => f.id === gone?.id)).toMatchObject({ provider: null, region: null });
    await session.dispose();
  });
});

describe('control matrix read model', () => {
  it('gives the Controls screen and the report the same counts and statuses per row', async () => {
    const { session, ws } = await workspaceWithAResourcelessFinding();
    const api = await callOperation(session, 'controls.matrix', {});
    const report = loadReportData(ws);
    expect(api.rows.map((r) => r.citation)).toEqual(report.controls.map((c) => c.row.citation));
    expect(api.rows.map((r) => [r.failing, r.passing, r.state, r.label, r.tone, r.attestations])).toEqual(
      report.controls.map((c) => [c.failing, c.passing, c.state, c.label, c.tone, c.attestations]),
    );
    const training = api.rows.find((r) => r.citation === '164.308(a)(5)(i)')!;
    expect(training).toMatchObject({ state: 'attested_gap', label: 'Partially implemented (attested)' });
    expect(api.rows.some((r) => r.failing > 0)).toBe(true);
    await session.dispose();
  });
});
