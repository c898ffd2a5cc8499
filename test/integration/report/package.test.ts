/**
 * The signed audit package, checked the way a reviewer at OCR would: with pdfsig, openssl cms,
 * pdftotext and an unzip, and with our own verify, which must agree with them.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportPackage, type ExportResult } from '../../../src/report/package';
import { verifyPackage } from '../../../src/report/verify';
import { verifyAuditLog } from '../../../src/workspace/audit-log';
import { Workspace } from '../../../src/workspace/workspace';
import { createReportWorkspace, type ReportFixture } from '../../fixtures/report-workspace';
import { flipByte, hasCommand, makeOpensslP12, readZip, run } from './helpers';

const SECTION_TITLES = [
  'Executive summary',
  'Scope and methodology',
  'Security Rule control matrix',
  'Risk analysis',
  'Risk management plan',
  'Findings',
  'Coverage gaps',
  'Evidence index',
];

let root: string;
let fixture: ReportFixture;
let result: ExportResult;
let consultant: ExportResult;
let p12Path: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'phi-report-pkg-'));
  fixture = createReportWorkspace(root);
  p12Path = makeOpensslP12(root, 'correct horse battery');
  const ws = Workspace.open(fixture.path);
  try {
    result = await exportPackage(ws, { outDir: join(root, 'out'), signer: { selfSigned: true } });
    consultant = await exportPackage(ws, {
      outDir: join(root, 'out-consultant'),
      signer: { p12Path, passphrase: 'correct horse battery' },
    });
  } finally {
    ws.close();
  }
}, 120_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A private copy of the package folder to tamper with. */
function copyOfPackage(): string {
  const dir = mkdtempSync(join(root, 'copy-'));
  const target = join(dir, 'pkg');
  cpSync(result.folder, target, { recursive: true });
  return target;
}

describe('the exported package', () => {
  it('is a folder and a zip named <client>-<date>-audit-package', () => {
    expect(result.folder).toMatch(/zoe-health-shop-muller-co-\d{4}-\d{2}-\d{2}-audit-package$/);
    expect(existsSync(result.zip)).toBe(true);
    expect(readdirSync(result.folder).sort()).toEqual([
      'diagrams',
      'evidence',
      'manifest.json',
      'manifest.json.p7s',
      'report.docx',
      'report.pdf',
    ]);
    expect(readdirSync(join(result.folder, 'diagrams'))).toEqual(['flow-1-prescription-order.svg']);
    // No temporary folder is left beside it.
    expect(readdirSync(join(root, 'out')).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('has a PDF signature pdfsig calls valid, naming the signer', () => {
    const r = run('pdfsig', [join(result.folder, 'report.pdf')]);
    expect(r.stdout).toContain('Signature is Valid.');
    expect(r.stdout).toContain('Signer Certificate Common Name: Dana Reyes');
    expect(r.stdout).toContain('OU=Self-signed engagement certificate');
    expect(r.stdout).toContain('Total document signed');
    // PAdES baseline: a CAdES detached signature, not the legacy adbe.pkcs7.detached
    expect(r.stdout).toContain('Signature Type: ETSI.CAdES.detached');
  });

  it('signs with a consultant P12 made by OpenSSL 3, and pdfsig agrees', async () => {
    const r = run('pdfsig', [join(consultant.folder, 'report.pdf')]);
    expect(r.stdout).toContain('Signature is Valid.');
    expect(r.stdout).toContain('O=Reyes Compliance LLC');
    const v = await verifyPackage(consultant.folder);
    expect(v.ok).toBe(true);
    expect(v.pdfSignature).toMatchObject({ valid: true, selfSigned: true, coversWholeFile: true });
    expect(consultant.signer.subject).not.toContain('Self-signed engagement certificate');
  });

  it('has a manifest signature openssl cms accepts, also against the signer certificate as trust anchor', () => {
    const args = [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      'manifest.json.p7s',
      '-content',
      'manifest.json',
      '-out',
      '/dev/null',
    ];
    const noverify = run('openssl', [...args, '-noverify'], result.folder);
    expect(noverify.stderr).toContain('Verification successful');
    const certPem = join(root, 'signer.pem');
    expect(
      run(
        'openssl',
        ['pkcs7', '-inform', 'DER', '-in', 'manifest.json.p7s', '-print_certs', '-out', certPem],
        result.folder,
      ).status,
    ).toBe(0);
    const anchored = run('openssl', [...args, '-CAfile', certPem], result.folder);
    expect(anchored.stderr).toContain('Verification successful');
    expect(anchored.status).toBe(0);
  });

  it('reads as a report: pdftotext finds the sections, a finding and an evidence hash', () => {
    const text = run('pdftotext', ['-layout', join(result.folder, 'report.pdf'), '-']).stdout;
    for (const title of SECTION_TITLES) expect(text).toContain(title);
    expect(text).toContain(fixture.sampleFinding.ruleTitle);
    const manifest = JSON.parse(readFileSync(join(result.folder, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    const evidence = manifest.files.find((f) =>
      f.path.startsWith(`evidence/${fixture.sampleFinding.evidenceIds[0]}-`),
    )!;
    expect(text).toContain(evidence.sha256);
    expect(text).toContain('Zoë Health Shop — Müller & Co');
    expect(text).toContain('Confidential — configuration evidence only, contains no PHI');
  });

  it('lets a reader follow a finding to its evidence file, whose hash matches manifest and workspace', () => {
    const id = fixture.sampleFinding.evidenceIds[0]!;
    const name = readdirSync(join(result.folder, 'evidence')).find((n) => n.startsWith(`${id}-`))!;
    expect(name).toBe(`${id}-s3-GetPublicAccessBlock.json`);
    const body = readFileSync(join(result.folder, 'evidence', name));
    const sha = createHash('sha256').update(body).digest('hex');
    const manifest = JSON.parse(readFileSync(join(result.folder, 'manifest.json'), 'utf8')) as {
      files: { path: string; sha256: string }[];
    };
    expect(manifest.files.find((f) => f.path === `evidence/${name}`)?.sha256).toBe(sha);
    const ws = Workspace.open(fixture.path);
    try {
      expect(
        (ws.db.prepare('SELECT body_sha256 FROM evidence WHERE id = ?').get(id) as { body_sha256: string })
          .body_sha256,
      ).toBe(sha);
    } finally {
      ws.close();
    }
    expect(JSON.parse(body.toString('utf8'))).toHaveProperty('PublicAccessBlockConfiguration');
  });

  it('has a well-formed DOCX with the same section titles', async () => {
    const { names, contents } = await readZip(
      join(result.folder, 'report.docx'),
      (n) => n === 'word/document.xml',
    );
    expect(names).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    expect(names.some((n) => n.startsWith('word/media/') && n.endsWith('.svg'))).toBe(true);
    const xml = contents.get('word/document.xml')!.toString('utf8');
    for (const title of SECTION_TITLES) expect(xml).toContain(title);
    expect(xml).toContain(fixture.sampleFinding.ruleTitle);
  });

  it.skipIf(!hasCommand('python3'))('has well-formed XML in every part of the DOCX', () => {
    const script =
      'import sys, zipfile, xml.dom.minidom as m\nz = zipfile.ZipFile(sys.argv[1])\nfor n in z.namelist():\n    if n.endswith(".xml") or n.endswith(".rels"): m.parseString(z.read(n))\nprint("ok", len(z.namelist()))';
    const r = run('python3', ['-c', script, join(result.folder, 'report.docx')]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^ok \d+/);
  });

  it.skipIf(!hasCommand('soffice'))('converts with LibreOffice where it is installed', () => {
    const out = mkdtempSync(join(root, 'lo-'));
    const r = run('soffice', [
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      out,
      join(result.folder, 'report.docx'),
    ]);
    expect(r.status).toBe(0);
    expect(run('pdftotext', [join(out, 'report.pdf'), '-']).stdout).toContain('Security Rule control matrix');
  });

  it('is recorded in the export table and the audit log', () => {
    const ws = Workspace.open(fixture.path);
    try {
      const rows = ws.db
        .prepare('SELECT path, manifest_sha256, self_signed, files FROM export ORDER BY id')
        .all() as { path: string; manifest_sha256: string; self_signed: number; files: number }[];
      expect(rows[0]).toMatchObject({
        path: result.folder,
        manifest_sha256: result.manifestSha256,
        self_signed: 1,
        files: result.files,
      });
      expect(
        createHash('sha256')
          .update(readFileSync(join(result.folder, 'manifest.json')))
          .digest('hex'),
      ).toBe(result.manifestSha256);
      const audit = ws.db
        .prepare("SELECT subject FROM audit_log WHERE action = 'export.created' ORDER BY seq")
        .all() as { subject: string }[];
      expect(audit.map((a) => a.subject)).toEqual([result.folder, consultant.folder]);
      expect(verifyAuditLog(ws.db).ok).toBe(true);
    } finally {
      ws.close();
    }
  });
});

describe('verifyPackage', () => {
  it('accepts the intact folder and the zip, and says who signed', async () => {
    for (const path of [result.folder, result.zip]) {
      const v = await verifyPackage(path);
      expect(v.summary).toContain('Package intact');
      expect(v.ok).toBe(true);
      expect(v.files.every((f) => f.status === 'ok')).toBe(true);
      expect(v.manifestSignature).toMatchObject({ valid: true, selfSigned: true });
      expect(v.manifestSignature.signer).toContain('CN=Dana Reyes');
      expect(v.pdfSignature).toMatchObject({ valid: true, selfSigned: true, coversWholeFile: true });
    }
    const z = await verifyPackage(result.zip);
    expect(z.kind).toBe('zip');
    expect(z.files.length).toBe((await verifyPackage(result.folder)).files.length);
  });

  const evidenceFile = () =>
    `evidence/${readdirSync(join(result.folder, 'evidence')).find((n) => n.startsWith(`${fixture.sampleFinding.evidenceIds[0]}-`))}`;
  const cases: [string, () => string][] = [
    ['report.pdf', () => 'report.pdf'],
    ['report.docx', () => 'report.docx'],
    ['an evidence file', evidenceFile],
    ['a diagram', () => 'diagrams/flow-1-prescription-order.svg'],
    ['manifest.json', () => 'manifest.json'],
  ];
  for (const [what, file] of cases) {
    it(`names ${what} when one byte of it changed`, async () => {
      const pkg = copyOfPackage();
      const path = file();
      flipByte(join(pkg, ...path.split('/')), path === 'manifest.json' ? 40 : undefined);
      const v = await verifyPackage(pkg);
      expect(v.ok).toBe(false);
      expect(v.files.filter((f) => f.status !== 'ok')).toEqual([{ path, status: 'changed' }]);
      expect(v.summary).toContain(`${path} changed`);
    });
  }

  it('says the PDF signature no longer holds when the PDF changed, as pdfsig does', async () => {
    const pkg = copyOfPackage();
    flipByte(join(pkg, 'report.pdf'), 2000);
    const v = await verifyPackage(pkg);
    expect(v.pdfSignature.valid).toBe(false);
    expect(run('pdfsig', [join(pkg, 'report.pdf')]).stdout).not.toContain('Signature is Valid.');
  });

  it('names the damaged entry of a zip instead of failing', async () => {
    const zip = join(mkdtempSync(join(root, 'zipcopy-')), 'pkg.zip');
    cpSync(result.zip, zip);
    // A byte inside the stored data of report.pdf (just after its local header).
    const entryName = `${basename(result.folder)}/report.pdf`;
    flipByte(zip, readFileSync(zip).indexOf(entryName) + entryName.length + 5000);
    const v = await verifyPackage(zip);
    expect(v.ok).toBe(false);
    expect(v.files.filter((f) => f.status !== 'ok')).toEqual([{ path: 'report.pdf', status: 'changed' }]);
  });

  it('reports a missing and an added file', async () => {
    const pkg = copyOfPackage();
    rmSync(join(pkg, 'report.docx'));
    cpSync(join(pkg, 'manifest.json'), join(pkg, 'evidence', 'extra.json'));
    const v = await verifyPackage(pkg);
    expect(v.files.filter((f) => f.status !== 'ok')).toEqual([
      { path: 'report.docx', status: 'missing' },
      { path: 'evidence/extra.json', status: 'unexpected' },
    ]);
  });
});

describe('exportPackage refusals', () => {
  it('refuses a wrong P12 passphrase with a SIGNING error and writes nothing', async () => {
    const out = join(root, 'wrong-passphrase');
    const ws = Workspace.open(fixture.path);
    try {
      const before = (ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      await expect(
        exportPackage(ws, { outDir: out, signer: { p12Path, passphrase: 'wrong' } }),
      ).rejects.toMatchObject({
        code: 'SIGNING',
        message: expect.stringContaining('passphrase is wrong'),
      });
      expect(existsSync(out)).toBe(false);
      expect((ws.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(before);
    } finally {
      ws.close();
    }
  });

  it('leaves no partial package and an unchanged workspace when cancelled', async () => {
    const out = join(root, 'cancelled');
    const ws = Workspace.open(fixture.path);
    try {
      const exportsBefore = (ws.db.prepare('SELECT count(*) AS n FROM export').get() as { n: number }).n;
      const controller = new AbortController();
      const p = exportPackage(ws, {
        outDir: out,
        signer: { selfSigned: true },
        signal: controller.signal,
        onProgress: (e) => {
          if (e.phase === 'report') controller.abort();
        },
      });
      await expect(p).rejects.toMatchObject({ code: 'CANCELLED' });
      expect(readdirSync(out)).toEqual([]);
      expect((ws.db.prepare('SELECT count(*) AS n FROM export').get() as { n: number }).n).toBe(
        exportsBefore,
      );
    } finally {
      ws.close();
    }
  });
});
