import { describe, expect, it } from 'vitest';
import { controlMatrix } from '../../../src/api/handlers/controls';
import { listFindings } from '../../../src/assess/queries';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario } from '../../../src/cloud/sim';
import { createWorkspace, SETTINGS } from '../../support/engagement';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-controls-');

describe('controls.matrix', () => {
  it('lists all 68 Security Rule rows, with no findings before any run', () => {
    const ws = createWorkspace(tmp());
    const matrix = controlMatrix(ws);
    expect(matrix.runId).toBeNull();
    expect(matrix.rows).toHaveLength(68);
    expect(matrix.rows.every((r) => r.failing === 0 && r.passing === 0)).toBe(true);
    ws.close();
  });

  it('counts the newest run’s findings on the rows they cite, and attestations by status', async () => {
    const ws = createWorkspace(tmp(), 'demo.phiaudit', {
      ...SETTINGS,
      approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
    });
    const simulator = createSimulator(demoScenario());
    await runAssessment(ws, { targets: simulator.targets(), simulator, scenarioName: 'demo' });
    const insert = ws.db.prepare(
      "INSERT INTO attestation (citation, status, statement, attested_by, attested_at, attachment_ids) VALUES (?, ?, 'Policy reviewed', 'Dana Reyes', '2025-06-01T00:00:00Z', '[]')",
    );
    insert.run('164.308(a)(5)(i)', 'implemented');
    insert.run('164.308(a)(5)(i)', 'partially_implemented');
    insert.run('164.310(a)(1)', 'not_applicable');

    const matrix = controlMatrix(ws);
    const failing = listFindings(ws, { status: 'fail', limit: 1000, offset: 0 });
    expect(matrix.runId).toBe(failing.runId);
    const encryption = matrix.rows.find((r) => r.citation === '164.312(a)(2)(iv)')!;
    expect(encryption.failing).toBe(
      failing.items.filter((f) => f.citations.includes('164.312(a)(2)(iv)')).length,
    );
    expect(encryption.failing).toBeGreaterThan(0);
    expect(encryption.passing).toBeGreaterThan(0);
    // Totals agree with the findings: each citation of each failing finding lands on one row.
    expect(matrix.rows.reduce((n, r) => n + r.failing, 0)).toBe(
      failing.items.reduce((n, f) => n + f.citations.length, 0),
    );

    expect(matrix.rows.find((r) => r.citation === '164.308(a)(5)(i)')!.attestations).toEqual({
      implemented: 1,
      partially_implemented: 1,
      not_implemented: 0,
      not_applicable: 0,
    });
    expect(matrix.rows.find((r) => r.citation === '164.310(a)(1)')!.attestations.not_applicable).toBe(1);
    ws.close();
  });
});
