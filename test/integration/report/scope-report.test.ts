/**
 * The report states what was assessed and what was not: per cloud scope, the services and types
 * assessed, a scope that could not be signed in to, regions outside the scope, and an unknown
 * inventory said as unknown. Read with pdftotext from an exported package, as a reviewer would.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAssessment } from '../../../src/assess/run-assessment';
import { createSimulator, demoScenario, type Scenario } from '../../../src/cloud/sim';
import { buildReport } from '../../../src/report/build-report';
import { loadReportData } from '../../../src/report/data';
import { registry } from '../../../src/services';
import { plainText } from '../../../src/report/model';
import { exportPackage } from '../../../src/report/package';
import { createSelfSignedEngagementCertificate, loadSigner } from '../../../src/report/sign';
import type { Workspace } from '../../../src/workspace/workspace';
import { createWorkspace, SETTINGS } from '../../support/engagement';
import { useTempDir } from '../../support/temp';
import { run } from './helpers';

const tmp = useTempDir('phi-scope-report-');
/** The assessing collectors: the inventory services' own tests cover inventoried-only resources. */
const ASSESSING = ['aws.s3', 'aws.kms', 'azure.storage', 'azure.keyvault'];
const SERVICES = 'Amazon S3, AWS Key Management Service, Azure Storage and Azure Key Vault';

async function assessed(
  mutate: (s: Scenario) => void,
  /** null: every collector, the inventory services included */
  collectorIds: string[] | null = ASSESSING,
): Promise<Workspace> {
  const ws = createWorkspace(tmp(), 'scope.phiaudit', {
    ...SETTINGS,
    approvedRegions: ['us-east-1', 'us-west-2', 'eastus', 'westus2'],
  });
  const scenario = structuredClone(demoScenario());
  mutate(scenario);
  const simulator = createSimulator(scenario);
  await runAssessment(ws, {
    targets: simulator.targets(),
    simulator,
    scenarioName: scenario.name,
    ...(collectorIds ? { collectorIds } : {}),
  });
  return ws;
}

/** pdftotext's reading order, with line breaks and runs of spaces folded to one space. */
function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

describe('the report on scope', () => {
  it('says per cloud scope what was assessed and what was not, in the signed PDF', async () => {
    const ws = await assessed((s) => {
      s.faults = [
        ...(s.faults ?? []),
        { provider: 'aws', service: 'sts', account: '345678901234', kind: 'access_denied' },
      ];
    });
    const result = await exportPackage(ws, { outDir: join(tmp(), 'out'), signer: { selfSigned: true } });
    ws.close();
    const text = flat(run('pdftotext', ['-layout', join(result.folder, 'report.pdf'), '-']).stdout);
    // Executive summary: the services assessed, the scope not signed in, the unknown inventory.
    expect(text).toContain(`Automated checks covered ${SERVICES} only; no other cloud service was assessed.`);
    expect(text).toContain(
      '1 cloud scope could not be signed in to and was not assessed at all (Northwind Vitals shared services).',
    );
    expect(text).toContain(
      'The inventory was not collected, so resources outside the assessed services are unknown.',
    );
    expect(text).toContain(
      'Not assessed 1 cloud scope not signed in; other services unknown (the inventory was not collected)',
    );
    // Scope and methodology, per cloud scope.
    expect(text).toContain('What was assessed, and what was not');
    expect(text).toMatch(
      /AWS Northwind Vitals prod \(210987654321\) Signed in as arn:aws:sts::210987654321:/,
    );
    const rules = (type: string) => registry.rulesForType(type).length;
    expect(text).toMatch(
      new RegExp(
        `Assessed Amazon S3: \\d+ S3 buckets \\(${rules('aws.s3.bucket')} rules\\); AWS Key Management Service: \\d+ KMS keys \\(${rules('aws.kms.key')} rules\\)`,
      ),
    );
    expect(text).toMatch(
      /AWS Northwind Vitals shared services \(345678901234\) NOT signed in AWS sign-in for "Northwind Vitals shared services"/,
    );
    expect(text).toContain(
      'Assessed nothing: no call could be made in this cloud scope Not assessed everything: not signed in',
    );
    expect(text).toMatch(/Seen outside them centralus \(1 Storage account replica\)/);
    expect(text).toContain('Cloud scopes not assessed');
    // The control matrix says whose checks a passing row stands for.
    expect(text).toContain(
      `Scope of the automated checks: a row's automated status covers ${SERVICES} only.`,
    );
    expect(text).not.toContain('every planned read call was answered');
  });

  it('with the inventory services, lists what was inventoried but not assessed', async () => {
    const ws = await assessed(() => undefined, null);
    const { p12, passphrase } = createSelfSignedEngagementCertificate({
      commonName: 'Dana Reyes',
      organization: 'Audit firm',
    });
    const data = loadReportData(ws);
    const text = flat(
      plainText(
        buildReport(data, {
          signer: loadSigner(p12, passphrase).info,
          createdAt: '2026-12-01T09:00:00.000Z',
          contentDigest: 'ab'.repeat(32),
        }),
      ),
    );
    ws.close();
    const { inventoriedOnly, inventoriedOnlyServices } = data.scope.totals;
    expect(inventoriedOnly).toBeGreaterThan(0);
    const assessedTitles = registry.services
      .filter((service) => !service.resources.every((type) => type.inventory))
      .map((service) => service.title);
    expect(text).toContain(
      `Automated checks covered ${assessedTitles.slice(0, -1).join(', ')} and ${assessedTitles.at(-1)!} only; no other cloud service was assessed.`,
    );
    expect(text).toContain(
      `The inventory listed ${inventoriedOnly} resources in ${inventoriedOnlyServices} services whose configuration was not assessed (inventoried only).`,
    );
    expect(text).toContain('Inventoried but not assessed: these resources were listed by the inventory');
    // Services no collector reads, as the inventory saw them.
    expect(text).toMatch(/apprunner:service \d+/);
    expect(text).not.toContain('the inventory was not collected');
  });

  it('with no coverage gaps says only that the calls planned for the assessed services were answered', async () => {
    const ws = await assessed((s) => {
      s.faults = [];
    });
    const { p12, passphrase } = createSelfSignedEngagementCertificate({
      commonName: 'Dana Reyes',
      organization: 'Audit firm',
    });
    const text = flat(
      plainText(
        buildReport(loadReportData(ws), {
          signer: loadSigner(p12, passphrase).info,
          createdAt: '2026-12-01T09:00:00.000Z',
          contentDigest: 'ab'.repeat(32),
        }),
      ),
    );
    ws.close();
    expect(text).toContain(
      `No coverage gaps were recorded: every read call planned for the assessed services (${SERVICES}) was answered. Services outside them were not called`,
    );
    expect(text).toContain('Coverage gaps none recorded for the assessed services');
    // Every "none" says what it covers: the assessed services, or the services of that cloud scope.
    expect(text).not.toMatch(
      /Coverage gaps none(?! recorded for the assessed services|: every call planned for the services above)/,
    );
    expect(text).toContain('Coverage gaps none: every call planned for the services above was answered');
  });
});
