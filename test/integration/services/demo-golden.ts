// The S3 and storage part of the demo, as a golden record: findings (key, status, severity, detail)
// and evidence (service, operation, region, request, body hash). The service-module move must leave
// it byte-identical (issue "Service modules", step 1).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario } from '../../../src/cloud/sim';
import { Workspace } from '../../../src/workspace/workspace';

export interface DemoGolden {
  findings: string[];
  evidence: string[];
  resources: string[];
}

export async function demoGolden(services: readonly string[] = ['s3', 'storage']): Promise<DemoGolden> {
  const dir = mkdtempSync(join(tmpdir(), 'phi-golden-'));
  try {
    const ws = Workspace.create(
      join(dir, 'golden.phiaudit'),
      {
        client: 'Golden',
        title: 'Golden',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
        phiTagKeys: ['phi', 'data-classification'],
        phiPathPatterns: [],
        phiUrlPaths: ['/account*', '/orders*', '/checkout*', '/api/*'],
        consultant: 'Golden',
      },
      'golden',
    );
    const simulator = createSimulator(demoScenario());
    const run = await runAssessment(ws, { targets: simulator.targets(), simulator, scenarioName: 'demo' });
    const resourceTypes = services.flatMap((s) =>
      s === 's3' ? ['aws.s3.bucket'] : s === 'storage' ? ['azure.storage.account'] : [`%.${s}.%`],
    );
    const findings = ws.db
      .prepare(
        `SELECT f.key, f.status, f.severity, f.detail, f.citations FROM finding f JOIN resource r ON r.id = f.resource_id
         WHERE f.run_id = ? AND r.type IN (${resourceTypes.map(() => '?').join(',')}) ORDER BY f.key`,
      )
      .all(run.runId, ...resourceTypes)
      .map((row) => JSON.stringify(row));
    const evidence = ws.db
      .prepare(
        `SELECT service, operation, region, request, outcome, error_code, body_sha256 FROM evidence
         WHERE run_id = ? AND service IN (${services.map(() => '?').join(',')})
         ORDER BY service, operation, region, request, body_sha256`,
      )
      .all(run.runId, ...services)
      .map((row) => JSON.stringify(row));
    const resources = ws.db
      .prepare(
        `SELECT type, native_id, name, scope_id, region, tags, properties, phi, phi_reason FROM resource
         WHERE run_id = ? AND type IN (${resourceTypes.map(() => '?').join(',')}) ORDER BY type, native_id`,
      )
      .all(run.runId, ...resourceTypes)
      .map((row) => JSON.stringify(row));
    ws.close();
    return { findings, evidence, resources };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
