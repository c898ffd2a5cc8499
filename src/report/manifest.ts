/**
 * manifest.json: the SHA-256 and size of every file of the package, with what the package is
 * (engagement, runs, tool and ruleset versions, audit-log head, signer). It is itself signed in
 * manifest.json.p7s, so it cannot list itself or its signature.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { MANIFEST, MANIFEST_SIGNATURE } from './paths';

export const MANIFEST_FORMAT = 'phi-audit-desk/audit-package@1';

export const manifestFileSchema = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  size: z.number().int().nonnegative(),
});
export type ManifestFile = z.infer<typeof manifestFileSchema>;

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  createdAt: z.string(),
  tool: z.object({ name: z.string(), version: z.string() }),
  rulesetVersion: z.string(),
  engagement: z.object({
    client: z.string(),
    title: z.string(),
    periodStart: z.string(),
    periodEnd: z.string(),
    consultant: z.string(),
  }),
  runs: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      status: z.string(),
      startedAt: z.string(),
      finishedAt: z.string().nullable(),
      toolVersion: z.string(),
      rulesetVersion: z.string(),
    }),
  ),
  auditLog: z.object({ intact: z.boolean(), rows: z.number(), headHash: z.string().nullable() }),
  signer: z.object({
    subject: z.string(),
    issuer: z.string(),
    selfSigned: z.boolean(),
    fingerprintSha256: z.string(),
    notBefore: z.string(),
    notAfter: z.string(),
  }),
  counts: z.object({
    evidence: z.number(),
    findings: z.number(),
    failingFindings: z.number(),
    coverageGaps: z.number(),
    diagrams: z.number(),
  }),
  /** SHA-256 over the evidence/ and diagrams/ entries; printed on the report's signature page. */
  contentDigest: z.string(),
  files: z.array(manifestFileSchema),
});
export type Manifest = z.infer<typeof manifestSchema>;

/** Files that are not listed in the manifest (they are the manifest and its signature). */
export const UNLISTED = new Set([MANIFEST, MANIFEST_SIGNATURE]);

export function byPath(a: { path: string }, b: { path: string }): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

/** One line "sha256  size  path" per evidence or diagram file, sorted by path, hashed. */
export function contentDigest(files: readonly ManifestFile[]): string {
  const hash = createHash('sha256');
  for (const f of [...files]
    .filter((x) => x.path.startsWith('evidence/') || x.path.startsWith('diagrams/'))
    .sort(byPath)) {
    hash.update(`${f.sha256}  ${f.size}  ${f.path}\n`);
  }
  return hash.digest('hex');
}

export function serializeManifest(m: Manifest): Buffer {
  return Buffer.from(`${JSON.stringify({ ...m, files: [...m.files].sort(byPath) }, null, 2)}\n`, 'utf8');
}

export function fileEntry(path: string, content: Buffer): ManifestFile {
  return { path, sha256: createHash('sha256').update(content).digest('hex'), size: content.length };
}
