import { dirname, resolve } from 'node:path';
import type { reportOps } from '../contract/report';
import type { HandlersOf } from './types';

export const reportHandlers: HandlersOf<typeof reportOps> = {
  'export.start': async (input, session) => {
    const ws = session.requireWorkspace();
    // pdfkit, docx and node-forge load only when a package is made: every CLI start stays fast.
    const { exportPackage, openPackageSigner } = await import('../../report/package');
    const outDir = resolve(input.outDir ?? dirname(ws.path));
    session.assertNoRunningJobs();
    // Open the certificate before the job starts: a wrong passphrase is a SIGNING error of this call.
    const material = openPackageSigner(
      ws,
      input.signer.kind === 'p12'
        ? { p12Path: resolve(input.signer.p12Path), passphrase: input.signer.passphrase }
        : { selfSigned: true },
    );
    const jobId = session.startJob('export', async (job) => {
      // Let the caller subscribe to this job's events before anything can fail: an error thrown
      // before the first real await would otherwise finish the job before anyone listens.
      await new Promise<void>((resolve) => setImmediate(resolve));
      const result = await exportPackage(ws, {
        outDir,
        signer: { material },
        signal: job.signal,
        onProgress: (p) => job.progress({ phase: p.phase, done: p.done, total: p.total, message: p.message }),
      });
      const who = `${result.signer.commonName}${result.signer.selfSigned ? ' (self-signed engagement certificate)' : ''}`;
      return {
        message: `Audit package written to ${result.folder} and ${result.zip}, signed by ${who}.`,
        result,
      };
    });
    return { jobId };
  },

  'export.list': (_input, session) => {
    const rows = session
      .requireWorkspace()
      .db.prepare(
        'SELECT id, created_at, path, manifest_sha256, signer_subject, self_signed, run_ids, files FROM export ORDER BY id DESC',
      )
      .all() as {
      id: number;
      created_at: string;
      path: string;
      manifest_sha256: string;
      signer_subject: string;
      self_signed: number;
      run_ids: string;
      files: number;
    }[];
    return rows.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      path: r.path,
      manifestSha256: r.manifest_sha256,
      signerSubject: r.signer_subject,
      selfSigned: r.self_signed === 1,
      runIds: JSON.parse(r.run_ids) as number[],
      files: r.files,
    }));
  },

  // Needs no open workspace: a reviewer checks a package someone else sent.
  'package.verify': async (input) => {
    const { verifyPackage } = await import('../../report/verify');
    return verifyPackage(resolve(input.path));
  },
};
