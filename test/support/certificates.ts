import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Shared by the vitest suites and the Playwright e2e suite: plain Node only. */

export function run(
  cmd: string,
  args: string[],
  cwd?: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function hasCommand(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
}

/** A consultant's certificate as OpenSSL 3 exports it (AES-256, PBKDF2), not as forge would. */
export function makeOpensslP12(dir: string, passphrase: string, cn = 'Dana Reyes'): string {
  const key = join(dir, 'consultant-key.pem');
  const cert = join(dir, 'consultant-cert.pem');
  const p12 = join(dir, 'consultant.p12');
  const req = run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    key,
    '-out',
    cert,
    '-days',
    '30',
    '-subj',
    `/O=Reyes Compliance LLC/CN=${cn}`,
  ]);
  if (req.status !== 0) throw new Error(req.stderr);
  const exp = run('openssl', [
    'pkcs12',
    '-export',
    '-inkey',
    key,
    '-in',
    cert,
    '-out',
    p12,
    '-passout',
    `pass:${passphrase}`,
  ]);
  if (exp.status !== 0) throw new Error(exp.stderr);
  return p12;
}
