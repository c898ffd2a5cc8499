import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yauzl from 'yauzl';

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

/** Flips one byte in the middle of a file. */
export function flipByte(path: string, at?: number): void {
  const data = readFileSync(path);
  const i = at ?? Math.floor(data.length / 2);
  data[i] = data[i]! ^ 0x01;
  writeFileSync(path, data);
}

/** Entries of a zip, with the content of the ones asked for. */
export function readZip(
  path: string,
  want: (name: string) => boolean,
): Promise<{ names: string[]; contents: Map<string, Buffer> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const names: string[] = [];
      const contents = new Map<string, Buffer>();
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, contents }));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!want(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            contents.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}
