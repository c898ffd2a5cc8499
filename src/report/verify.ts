/**
 * Checks an audit package, as a folder or as its .zip: every file against manifest.json, the
 * detached CMS signature over manifest.json, and the PDF's embedded signature (parsed here:
 * ByteRange, PKCS#7 digest over the covered bytes). It names each file that changed, is missing
 * or was added. Standard tools must agree: pdfsig and openssl cms -verify (see the tests).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DeskError, messageOf } from '../errors';
import { digestOfBuffer, verifyCms, type CmsVerification } from './cms-verify';
import { contentDigest, manifestSchema, UNLISTED, type Manifest } from './manifest';
import { MANIFEST, MANIFEST_SIGNATURE, REPORT_PDF } from './paths';
import { SELF_SIGNED_LABEL } from './sign';
import { readZipPackage } from './verify-zip';

export type FileStatus = 'ok' | 'changed' | 'missing' | 'unexpected';

export interface SignatureCheck {
  valid: boolean;
  signer: string | null;
  selfSigned: boolean;
  fingerprintSha256: string | null;
  signingTime: string | null;
  reason: string;
}

export interface PackageVerification {
  ok: boolean;
  path: string;
  kind: 'folder' | 'zip';
  files: { path: string; status: FileStatus }[];
  manifestSignature: SignatureCheck;
  pdfSignature: SignatureCheck & { coversWholeFile: boolean };
  manifest: {
    createdAt: string;
    client: string;
    toolVersion: string;
    rulesetVersion: string;
    files: number;
  } | null;
  summary: string;
}

/** What verify needs from a package, however it is stored. */
export interface PackageContents {
  hashes: Map<string, { sha256: string; size: number }>;
  read(path: string): Buffer | undefined;
}

function readFolder(root: string): PackageContents {
  const hashes = new Map<string, { sha256: string; size: number }>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const data = readFileSync(full);
        hashes.set(relative(root, full).split(sep).join('/'), {
          sha256: createHash('sha256').update(data).digest('hex'),
          size: data.length,
        });
      }
    }
  };
  walk(root);
  return {
    hashes,
    read: (p) => {
      try {
        return readFileSync(join(root, ...p.split('/')));
      } catch {
        return undefined; // reported as missing by the caller
      }
    },
  };
}

function toCheck(v: CmsVerification): SignatureCheck {
  return {
    valid: v.valid,
    signer: v.signer?.subject ?? null,
    selfSigned: (v.signer?.selfSigned ?? false) || (v.signer?.subject.includes(SELF_SIGNED_LABEL) ?? false),
    fingerprintSha256: v.signer?.fingerprintSha256 ?? null,
    signingTime: v.signingTime,
    reason: v.reason,
  };
}

const NO_SIGNATURE = (reason: string): SignatureCheck => ({
  valid: false,
  signer: null,
  selfSigned: false,
  fingerprintSha256: null,
  signingTime: null,
  reason,
});

/** Verifies the signature embedded in a PDF: the last /ByteRange and its /Contents. */
export function verifyPdfSignature(pdf: Buffer): SignatureCheck & { coversWholeFile: boolean } {
  const at = pdf.lastIndexOf('/ByteRange');
  if (at < 0) return { ...NO_SIGNATURE('the PDF has no embedded signature'), coversWholeFile: false };
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    pdf.subarray(at, at + 120).toString('latin1'),
  );
  if (!m)
    return { ...NO_SIGNATURE('the PDF signature has an unreadable /ByteRange'), coversWholeFile: false };
  const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number];
  const coversWholeFile = a === 0 && b < c && c + d === pdf.length;
  if (b >= c || c + d > pdf.length)
    return { ...NO_SIGNATURE('the PDF signature /ByteRange does not fit the file'), coversWholeFile: false };
  const hex = pdf
    .subarray(a + b, c)
    .toString('latin1')
    .replace(/[<>\s]/g, '');
  if (!/^[0-9a-fA-F]*$/.test(hex))
    return { ...NO_SIGNATURE('the PDF signature /Contents is not hexadecimal'), coversWholeFile };
  const der = Buffer.from(hex, 'hex');
  const result = verifyCms(der, (alg) =>
    createHash(alg)
      .update(pdf.subarray(a, a + b))
      .update(pdf.subarray(c, c + d))
      .digest(),
  );
  const check = toCheck(result);
  if (check.valid && !coversWholeFile)
    return {
      ...check,
      valid: false,
      coversWholeFile,
      reason: 'the signature does not cover the whole file: bytes were added after signing',
    };
  return { ...check, coversWholeFile };
}

function parseManifest(bytes: Buffer | undefined): Manifest | null {
  if (!bytes) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(bytes.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null; // unreadable JSON: reported as a changed manifest
  }
}

export function verifyContents(
  contents: PackageContents,
  path: string,
  kind: 'folder' | 'zip',
): PackageVerification {
  const manifestBytes = contents.read(MANIFEST);
  const p7s = contents.read(MANIFEST_SIGNATURE);
  const manifest = parseManifest(manifestBytes);
  const files: PackageVerification['files'] = [];

  let manifestSignature: SignatureCheck;
  if (!manifestBytes) manifestSignature = NO_SIGNATURE('manifest.json is missing');
  else if (!p7s) manifestSignature = NO_SIGNATURE('manifest.json.p7s is missing');
  else manifestSignature = toCheck(verifyCms(p7s, digestOfBuffer(manifestBytes)));
  const cmsChangedContent = manifestSignature.reason.includes('changed after signing');
  files.push({
    path: MANIFEST,
    status: !manifestBytes ? 'missing' : cmsChangedContent || (manifestBytes && !manifest) ? 'changed' : 'ok',
  });
  files.push({
    path: MANIFEST_SIGNATURE,
    status: !p7s ? 'missing' : !manifestSignature.valid && !cmsChangedContent && manifest ? 'changed' : 'ok',
  });

  if (manifest) {
    const listed = new Set<string>();
    for (const f of manifest.files) {
      listed.add(f.path);
      const actual = contents.hashes.get(f.path);
      files.push({
        path: f.path,
        status: !actual ? 'missing' : actual.sha256 === f.sha256 && actual.size === f.size ? 'ok' : 'changed',
      });
    }
    for (const p of [...contents.hashes.keys()].sort())
      if (!listed.has(p) && !UNLISTED.has(p)) files.push({ path: p, status: 'unexpected' });
  }

  const pdf = contents.read(REPORT_PDF);
  const pdfSignature = pdf
    ? verifyPdfSignature(pdf)
    : { ...NO_SIGNATURE('report.pdf is missing'), coversWholeFile: false };
  const problems: string[] = [];
  for (const f of files) if (f.status !== 'ok') problems.push(`${f.path} ${f.status}`);
  if (!manifest && manifestBytes)
    problems.push(
      'manifest.json is not a readable audit-package manifest, so no other file could be checked',
    );
  if (manifest && contentDigest(manifest.files) !== manifest.contentDigest)
    problems.push('the manifest contentDigest does not match its file list');
  if (!manifestSignature.valid) problems.push(`manifest signature: ${manifestSignature.reason}`);
  if (!pdfSignature.valid) problems.push(`PDF signature: ${pdfSignature.reason}`);
  if (
    manifestSignature.valid &&
    pdfSignature.valid &&
    manifestSignature.fingerprintSha256 !== pdfSignature.fingerprintSha256
  ) {
    problems.push('report.pdf and manifest.json were signed with different certificates');
  }
  const ok = problems.length === 0;
  const signerText = manifestSignature.signer
    ? `signed by ${manifestSignature.signer}${manifestSignature.selfSigned ? ' (self-signed engagement certificate)' : ''}`
    : 'signer unknown';
  const summary = ok
    ? `Package intact: ${files.length} files match manifest.json; the manifest and PDF signatures are valid, ${signerText}.`
    : `Package NOT intact (${signerText}): ${problems.slice(0, 8).join('; ')}${problems.length > 8 ? `; and ${problems.length - 8} more` : ''}.`;
  return {
    ok,
    path,
    kind,
    files,
    manifestSignature,
    pdfSignature,
    manifest: manifest
      ? {
          createdAt: manifest.createdAt,
          client: manifest.engagement.client,
          toolVersion: manifest.tool.version,
          rulesetVersion: manifest.rulesetVersion,
          files: manifest.files.length,
        }
      : null,
    summary,
  };
}

/** Verifies a package folder or .zip. */
export async function verifyPackage(path: string): Promise<PackageVerification> {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch (err) {
    throw new DeskError('NOT_FOUND', `Cannot read ${path}: ${messageOf(err)}`);
  }
  if (isDir) return verifyContents(readFolder(path), path, 'folder');
  return verifyContents(await readZipPackage(path), path, 'zip');
}
