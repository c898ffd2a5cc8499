import { z } from 'zod';
import { defineOperation } from './define';

/** The consultant's own certificate, or a self-signed engagement certificate made for this export. */
export const exportSignerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('p12'),
    p12Path: z.string().trim().min(1, 'p12Path is required').max(4096),
    /** Never stored, never logged: used to open the P12 for this export only. */
    passphrase: z.string().max(1024),
  }),
  z.object({ kind: z.literal('self-signed') }),
]);

export const exportRowSchema = z.object({
  id: z.number(),
  createdAt: z.string(),
  path: z.string(),
  manifestSha256: z.string(),
  signerSubject: z.string(),
  selfSigned: z.boolean(),
  runIds: z.array(z.number()),
  files: z.number(),
});

/** The certificate a package was signed with (src/report/sign.ts CertificateInfo). */
export const certificateInfoSchema = z.object({
  subject: z.string(),
  commonName: z.string(),
  issuer: z.string(),
  selfSigned: z.boolean(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  /** SHA-256 of the DER certificate, hex */
  fingerprintSha256: z.string(),
});

/** What a finished export job reports: where the package is, what it holds, who signed it. */
export const exportResultSchema = z.object({
  exportId: z.number(),
  folder: z.string(),
  zip: z.string(),
  manifestSha256: z.string(),
  files: z.number(),
  bytes: z.number(),
  signer: certificateInfoSchema,
  runIds: z.array(z.number()),
  createdAt: z.string(),
});

const signatureCheckSchema = z.object({
  valid: z.boolean(),
  signer: z.string().nullable(),
  selfSigned: z.boolean(),
  fingerprintSha256: z.string().nullable(),
  signingTime: z.string().nullable(),
  reason: z.string(),
});

export const packageVerificationSchema = z.object({
  ok: z.boolean(),
  path: z.string(),
  kind: z.enum(['folder', 'zip']),
  files: z.array(z.object({ path: z.string(), status: z.enum(['ok', 'changed', 'missing', 'unexpected']) })),
  manifestSignature: signatureCheckSchema,
  pdfSignature: signatureCheckSchema.extend({ coversWholeFile: z.boolean() }),
  manifest: z
    .object({
      createdAt: z.string(),
      client: z.string(),
      toolVersion: z.string(),
      rulesetVersion: z.string(),
      files: z.number(),
    })
    .nullable(),
  summary: z.string(),
});

export const reportOps = {
  'export.start': defineOperation({
    summary: 'Export the signed audit package (folder and .zip) as a job with progress events.',
    input: z.object({
      /** Destination folder; default: the folder of the workspace file. */
      outDir: z.string().trim().min(1).max(4096).optional(),
      signer: exportSignerSchema,
    }),
    output: z.object({ jobId: z.string() }),
  }),
  'export.list': defineOperation({
    summary: 'Packages exported from this workspace, newest first.',
    input: z.object({}),
    output: z.array(exportRowSchema),
  }),
  'package.verify': defineOperation({
    summary: 'Check an audit package (folder or .zip): every file against the manifest, and both signatures.',
    input: z.object({ path: z.string().trim().min(1, 'path is required').max(4096) }),
    output: packageVerificationSchema,
  }),
} as const;
