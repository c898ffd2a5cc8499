/**
 * Exports the signed audit package: a folder <client>-<date>-audit-package/ and a .zip of it, with
 * report.pdf (embedded signature), report.docx, evidence/, diagrams/, manifest.json and
 * manifest.json.p7s. Everything is written in a temporary folder beside the destination and moved
 * into place only at the end: a wrong passphrase, an error or a cancellation leaves nothing behind
 * and the workspace unchanged. The export is recorded in the export table and the audit log.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DeskError, messageOf } from '../errors';
import { TOOL_NAME, TOOL_VERSION } from '../version';
import type { Workspace } from '../workspace/workspace';
import { buildReport } from './build-report';
import { loadReportData } from './data';
import { throwIfCancelled, writeEvidenceFiles } from './evidence-files';
import {
  contentDigest,
  fileEntry,
  MANIFEST_FORMAT,
  serializeManifest,
  type Manifest,
  type ManifestFile,
} from './manifest';
import { MANIFEST, MANIFEST_SIGNATURE, packageBaseName, REPORT_DOCX, REPORT_PDF } from './paths';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { flowDiagrams } from './sections/manual';
import {
  createSelfSignedEngagementCertificate,
  loadSigner,
  signDetached,
  signPdf,
  type CertificateInfo,
  type SignerMaterial,
} from './sign';
import { BackgroundWriter } from './file-writer';
import { ZipWriter } from './zip';

/** A P12/PFX on disk, a self-signed engagement certificate, or a signer already opened (openPackageSigner). */
export type PackageSigner =
  { p12Path: string; passphrase: string } | { selfSigned: true } | { material: SignerMaterial };

export interface ExportProgress {
  phase: 'prepare' | 'evidence' | 'report' | 'sign' | 'zip' | 'done';
  done: number;
  total: number;
  message: string;
}

export interface ExportOptions {
  outDir: string;
  signer: PackageSigner;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Report layout thresholds (tests use small ones to exercise the compact layout). */
  detailLimit?: number;
  evidenceListLimit?: number;
}

export interface ExportResult {
  exportId: number;
  folder: string;
  zip: string;
  manifestSha256: string;
  files: number;
  bytes: number;
  signer: CertificateInfo;
  runIds: number[];
  createdAt: string;
}

/**
 * Opens the signing certificate. The API calls it before it starts the export job, so a wrong
 * passphrase is answered at once and no job or file is created.
 */
export function openPackageSigner(ws: Workspace, signer: PackageSigner): SignerMaterial {
  if ('material' in signer) return signer.material;
  if ('selfSigned' in signer) {
    const e = ws.engagement;
    const made = createSelfSignedEngagementCertificate({
      commonName: e.consultant || ws.actor,
      organization: `${TOOL_NAME} engagement: ${e.client}`,
    });
    return loadSigner(made.p12, made.passphrase, 'The self-signed engagement certificate');
  }
  let p12: Buffer;
  try {
    p12 = readFileSync(signer.p12Path);
  } catch (err) {
    throw new DeskError('BAD_INPUT', `Cannot read the certificate file ${signer.p12Path}: ${messageOf(err)}`);
  }
  return loadSigner(p12, signer.passphrase, `the certificate ${signer.p12Path}`);
}

/** <base>, or <base>-2, -3 … when a folder or zip of that name exists: never overwrite. */
function freeName(outDir: string, base: string): string {
  for (let i = 1; ; i++) {
    const name = i === 1 ? base : `${base}-${i}`;
    if (!existsSync(join(outDir, name)) && !existsSync(join(outDir, `${name}.zip`))) return name;
  }
}

export async function exportPackage(ws: Workspace, opts: ExportOptions): Promise<ExportResult> {
  const progress = (phase: ExportProgress['phase'], done: number, total: number, message: string) =>
    opts.onProgress?.({ phase, done, total, message });
  progress('prepare', 0, 1, 'Checking the signing certificate');
  // Before anything is written: a wrong passphrase must leave no trace.
  const signer = openPackageSigner(ws, opts.signer);
  const outDir = resolve(opts.outDir);
  try {
    mkdirSync(outDir, { recursive: true });
  } catch (err) {
    throw new DeskError('BAD_INPUT', `Cannot create the output folder ${outDir}: ${messageOf(err)}`);
  }
  const created = new Date();
  const createdAt = created.toISOString();
  const name = freeName(outDir, packageBaseName(ws.engagement.client, created));
  const tmp = mkdtempSync(join(outDir, `.${name}.partial-`));
  const dir = join(tmp, name);
  mkdirSync(dir);
  const finalDir = join(outDir, name);
  const finalZip = join(outDir, `${name}.zip`);
  let moved = false;
  const zip = ZipWriter.toFile(join(tmp, `${name}.zip`), { prefix: name, mtime: created });
  const writer = new BackgroundWriter();
  /** Writes a package file to the folder (in the background) and the zip at once. */
  const put = (path: string, data: Buffer): ManifestFile => {
    writer.write(join(dir, ...path.split('/')), data);
    zip.add(path, data);
    return fileEntry(path, data);
  };
  try {
    const data = loadReportData(ws);
    const files: ManifestFile[] = await writeEvidenceFiles(ws, dir, data.evidence, {
      ...(opts.signal ? { signal: opts.signal } : {}),
      write: (path, body) => {
        writer.write(join(dir, ...path.split('/')), body);
        zip.add(path, body);
      },
      room: () => writer.roomFor(),
      onBatch: (done, total) =>
        progress(
          'evidence',
          done,
          total,
          `Writing evidence ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`,
        ),
    });
    const diagrams = flowDiagrams(data);
    if (diagrams.length) mkdirSync(join(dir, 'diagrams'));
    for (const d of diagrams) files.push(put(d.path, Buffer.from(d.svg, 'utf8')));
    const digest = contentDigest(files);
    throwIfCancelled(opts.signal);

    progress('report', 0, 2, 'Building the report');
    const report = buildReport(data, {
      signer: signer.info,
      createdAt,
      contentDigest: digest,
      ...(opts.detailLimit !== undefined ? { detailLimit: opts.detailLimit } : {}),
      ...(opts.evidenceListLimit !== undefined ? { evidenceListLimit: opts.evidenceListLimit } : {}),
    });
    // One rendering at a time, each written out before the next starts: the peak memory of a
    // 10k-finding report is one renderer's, not both.
    const signedPdf = await signPdf(await renderPdf(report), signer, {
      reason: `HIPAA audit package for ${ws.engagement.client}`,
      location: 'PHI Audit Desk',
    });
    files.push(put(REPORT_PDF, signedPdf));
    throwIfCancelled(opts.signal);
    progress('report', 1, 2, 'Writing report.docx');
    files.push(put(REPORT_DOCX, await renderDocx(report)));
    throwIfCancelled(opts.signal);
    progress('sign', 0, 1, 'Signing manifest.json');

    const manifest: Manifest = {
      format: MANIFEST_FORMAT,
      createdAt,
      tool: { name: TOOL_NAME, version: TOOL_VERSION },
      rulesetVersion: data.rulesetVersion,
      engagement: {
        client: data.engagement.client,
        title: data.engagement.title,
        periodStart: data.engagement.periodStart,
        periodEnd: data.engagement.periodEnd,
        consultant: data.engagement.consultant,
      },
      runs: data.runs.map((r) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt,
        toolVersion: r.toolVersion,
        rulesetVersion: r.rulesetVersion,
      })),
      auditLog: {
        intact: data.auditLog.ok,
        rows: data.auditLog.rows,
        headHash: data.auditLog.ok ? data.auditLog.headHash : null,
      },
      signer: {
        subject: signer.info.subject,
        issuer: signer.info.issuer,
        selfSigned: signer.info.selfSigned,
        fingerprintSha256: signer.info.fingerprintSha256,
        notBefore: signer.info.notBefore,
        notAfter: signer.info.notAfter,
      },
      counts: {
        evidence: data.evidence.size,
        findings: data.findings.length,
        failingFindings: data.findings.filter((f) => f.status === 'fail').length,
        coverageGaps: data.gaps.length,
        diagrams: diagrams.length,
      },
      contentDigest: digest,
      files,
    };
    const manifestBytes = serializeManifest(manifest);
    const manifestSha256 = put(MANIFEST, manifestBytes).sha256;
    const signature = put(MANIFEST_SIGNATURE, signDetached(manifestBytes, signer, created));
    throwIfCancelled(opts.signal);

    progress('zip', 0, 1, 'Finishing the folder and the .zip');
    const allPaths = [MANIFEST, MANIFEST_SIGNATURE, ...files.map((f) => f.path)];
    await writer.settled();
    zip.finish();
    throwIfCancelled(opts.signal);

    renameSync(dir, finalDir);
    moved = true;
    renameSync(join(tmp, `${name}.zip`), finalZip);
    const bytes = files.reduce((a, f) => a + f.size, 0) + manifestBytes.length + signature.size;
    const runIds = data.runs.map((r) => r.id);
    const exportId = ws.transaction(() => {
      const info = ws.db
        .prepare(
          'INSERT INTO export (created_at, path, manifest_sha256, signer_subject, self_signed, run_ids, files) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          createdAt,
          finalDir,
          manifestSha256,
          signer.info.subject,
          signer.info.selfSigned ? 1 : 0,
          JSON.stringify(runIds),
          allPaths.length,
        );
      ws.audit({
        action: 'export.created',
        subject: finalDir,
        details: {
          zip: finalZip,
          manifestSha256,
          files: allPaths.length,
          signer: signer.info.subject,
          selfSigned: signer.info.selfSigned,
          runIds,
        },
      });
      return Number(info.lastInsertRowid);
    });
    rmSync(tmp, { recursive: true, force: true });
    progress('done', 1, 1, `Package written to ${finalDir}`);
    return {
      exportId,
      folder: finalDir,
      zip: finalZip,
      manifestSha256,
      files: allPaths.length,
      bytes,
      signer: signer.info,
      runIds,
      createdAt,
    };
  } catch (err) {
    zip.abort();
    // Writes still in flight would recreate files in a folder being removed: let them finish.
    await writer.cancel();
    // Nothing half-written stays behind: not the temporary folder, not a moved folder or zip.
    rmSync(tmp, { recursive: true, force: true });
    if (moved) {
      rmSync(finalDir, { recursive: true, force: true });
      rmSync(finalZip, { force: true });
    }
    if (opts.signal?.aborted)
      throw new DeskError('CANCELLED', 'The export was cancelled; no package was written.');
    throw err;
  }
}
