import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/report/build-report';
import { loadReportData } from '../../../src/report/data';
import { plainText, type Block, type ReportDocument } from '../../../src/report/model';
import { createSelfSignedEngagementCertificate, loadSigner } from '../../../src/report/sign';
import { Workspace } from '../../../src/workspace/workspace';
import { createReportWorkspace, REPORT_SETTINGS } from '../../fixtures/report-workspace';
import { useTempDir } from '../../support/temp';

const tempDir = useTempDir('phi-report-model-');
const { p12, passphrase } = createSelfSignedEngagementCertificate({
  commonName: 'Dana Reyes',
  organization: 'Audit firm',
});
const signer = loadSigner(p12, passphrase).info;
let open: Workspace | undefined;
afterEach(() => open?.close());

function build(
  ws: Workspace,
  limits: { detailLimit?: number; evidenceListLimit?: number } = {},
): ReportDocument {
  return buildReport(loadReportData(ws), {
    signer,
    createdAt: '2025-12-01T09:00:00.000Z',
    contentDigest: 'ab'.repeat(32),
    ...limits,
  });
}

function section(doc: ReportDocument, id: string) {
  const s = doc.sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
}

function tables(blocks: Block[]) {
  return blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table');
}

describe('buildReport on a realistic engagement', () => {
  it('has every section OCR asks for, in order', () => {
    open = Workspace.open(createReportWorkspace(tempDir()).path);
    const doc = build(open);
    expect(doc.sections.map((s) => s.title)).toEqual([
      'Executive summary',
      'Scope and methodology',
      'Security Rule control matrix',
      'Risk analysis — 164.308(a)(1)(ii)(A)',
      'Risk management plan — 164.308(a)(1)(ii)(B)',
      'Findings',
      'PHI flows',
      'Attestations and attachments',
      'Breach-notification readiness',
      'Evidence index',
      'Signature',
    ]);
    expect(doc.cover.preparedFor).toContain('HHS OCR');
    expect(doc.cover.fields).toEqual(
      expect.arrayContaining([
        { key: 'Client', value: REPORT_SETTINGS.client },
        { key: 'Ruleset', value: '2026.11.0' },
      ]),
    );
  });

  it('lists all 68 Security Rule rows with statuses from findings and attestations', () => {
    open = Workspace.open(createReportWorkspace(tempDir()).path);
    const rows = tables(section(build(open), 'control-matrix').blocks).flatMap((t) => t.rows);
    expect(rows).toHaveLength(68);
    const byCitation = new Map(rows.map((r) => [r[0]!.text, r]));
    expect(byCitation.get('164.312(a)(1)')![3]!.text).toBe('Gaps found (automated)');
    expect(byCitation.get('164.308(a)(5)(i)')![3]!.text).toBe('Implemented (attested)');
    expect(byCitation.get('164.308(a)(6)(ii)')![3]!.text).toBe('Partially implemented (attested)');
    expect(byCitation.get('164.310(b)')![3]!.text).toBe('No evidence');
  });

  it('rates every failing finding and states the method', () => {
    open = Workspace.open(createReportWorkspace(tempDir()).path);
    const risk = section(build(open), 'risk-analysis');
    expect(plainText({ ...build(open), sections: [risk] })).toContain('NIST SP 800-30');
    const rated = tables(risk.blocks).at(-1)!;
    expect(rated.rows).toHaveLength(8);
    // The consultant's likelihood override (high) on the TLS finding shows with a star.
    const tls = rated.rows.find(
      (r) => r[0]!.text.startsWith('S3 bucket policies deny') && r[1]!.text.includes('patient-records-prod'),
    )!;
    expect(tls[3]!.text).toBe('High*');
  });

  it('puts triage into the plan: accepted risk with justification, untriaged as not yet triaged', () => {
    open = Workspace.open(createReportWorkspace(tempDir()).path);
    const text = plainText({ ...build(open), sections: [section(build(open), 'risk-management-plan')] });
    expect(text).toContain('Risk accepted');
    expect(text).toContain('Accepted by the CISO on 2025-11-21');
    expect(text).toContain('Platform team');
    expect(text).toContain('2026-01-15');
    expect(text.match(/not yet triaged/g)!.length).toBeGreaterThanOrEqual(6);
  });

  it('names each finding’s evidence file and SHA-256, and states the coverage gap', () => {
    const fx = createReportWorkspace(tempDir());
    open = Workspace.open(fx.path);
    const data = loadReportData(open);
    const text = plainText(build(open));
    const ev = data.evidence.get(fx.sampleFinding.evidenceIds[0]!)!;
    expect(text).toContain(ev.path);
    expect(text).toContain(ev.sha256);
    expect(text).toContain('AccessDenied on legacy-exports');
  });

  it('switches to compact tables and a summarised evidence index at scale', () => {
    open = Workspace.open(createReportWorkspace(tempDir()).path);
    const doc = build(open, { detailLimit: 3, evidenceListLimit: 5 });
    const text = plainText(doc);
    expect(text).toContain('evidence/index.csv lists every item');
    expect(tables(section(doc, 'findings').blocks)[0]!.compact).toBe(true);
  });
});

describe('buildReport on an empty engagement', () => {
  it('says plainly what is absent', () => {
    open = Workspace.create(join(tempDir(), 'empty.phiaudit'), REPORT_SETTINGS, 'tester');
    const text = plainText(build(open));
    expect(text).toContain('No attestations have been recorded for this engagement.');
    expect(text).toContain('164.308(a)(5) training');
    expect(text).toContain('No PHI-flow diagrams have been recorded');
    expect(text).toContain('No assessment run with findings exists');
    expect(text).toContain('No evidence has been collected');
  });
});
