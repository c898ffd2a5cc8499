/**
 * A package names the outcome of the run it reports: a partial run says what it did not assess, a
 * newer failed run is named, and a first run is not described as "new since the previous run".
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario, type ScenarioFault } from '../../../src/cloud/sim';
import { buildReport } from '../../../src/report/build-report';
import { loadReportData } from '../../../src/report/data';
import { plainText } from '../../../src/report/model';
import { exportPackage } from '../../../src/report/package';
import { createSelfSignedEngagementCertificate, loadSigner } from '../../../src/report/sign';
import type { Workspace } from '../../../src/workspace/workspace';
import { createWorkspace } from '../../support/engagement';
import { useTempDir } from '../../support/temp';
import { run } from './helpers';

const tmp = useTempDir('phi-outcome-report-');
const KMS_LIST_DENIED: ScenarioFault = {
  provider: 'aws',
  service: 'kms',
  operation: 'ListKeys',
  kind: 'access_denied',
};

async function assess(ws: Workspace, faults: ScenarioFault[]): Promise<void> {
  const scenario = structuredClone(demoScenario());
  scenario.faults = [...(scenario.faults ?? []), ...faults];
  const simulator = createSimulator(scenario);
  await runAssessment(ws, { targets: simulator.targets(), simulator, scenarioName: scenario.name });
}

function reportText(ws: Workspace): string {
  const { p12, passphrase } = createSelfSignedEngagementCertificate({
    commonName: 'Dana Reyes',
    organization: 'Audit firm',
  });
  const doc = buildReport(loadReportData(ws), {
    signer: loadSigner(p12, passphrase).info,
    createdAt: '2026-12-01T09:00:00.000Z',
    contentDigest: 'ab'.repeat(32),
  });
  return plainText(doc).replace(/\s+/g, ' ');
}

describe('the report names the run outcome', () => {
  it('a package exported from a partial run says so in the signed PDF, before the findings', async () => {
    const ws = createWorkspace(tmp(), 'partial.phiaudit');
    await assess(ws, [KMS_LIST_DENIED]);
    const result = await exportPackage(ws, { outDir: join(tmp(), 'out'), signer: { selfSigned: true } });
    ws.close();
    const text = run('pdftotext', ['-layout', join(result.folder, 'report.pdf'), '-']).stdout.replace(
      /\s+/g,
      ' ',
    );
    expect(text).toContain('Run #1 is partial');
    expect(text).toContain(
      'Assessment partial: kms not assessed in eu-west-1, us-east-1, us-west-2 of Northwind Vitals prod (210987654321) (AccessDeniedException)',
    );
    expect(text.indexOf('Run #1 is partial')).toBeLessThan(text.indexOf('Findings by severity'));
    expect(text).toContain('remain open (first run: no previous run to compare with).');
    expect(text).not.toMatch(/new since the previous run\)/);
  });

  it('a completed run has no outcome line; a second run counts what is new since the previous run', async () => {
    const ws = createWorkspace(tmp(), 'completed.phiaudit');
    await assess(ws, []);
    const first = reportText(ws);
    expect(first).not.toMatch(/Assessment (partial|failed)/);
    expect(first).toContain('first run: no previous run to compare with');
    await assess(ws, []);
    const second = reportText(ws);
    expect(second).not.toContain('first run');
    ws.close();
  });

  it('a failed run newer than the reported one is named, with why', async () => {
    const ws = createWorkspace(tmp(), 'failed.phiaudit');
    await assess(ws, []);
    await assess(ws, [
      { provider: 'aws', service: 'sts', kind: 'access_denied' },
      { provider: 'azure', service: 'resources', kind: 'access_denied' },
    ]);
    const text = reportText(ws);
    ws.close();
    expect(text).toContain(
      'Run #2: Assessment failed: no target could be assessed (none of the 3 targets could be signed in to (Northwind Vitals prod (210987654321): access denied;',
    );
    expect(text).toContain('This report covers the earlier run #1.');
  });
});
