import type { Command } from 'commander';
import { resolve } from 'node:path';
import type { OpOutput } from '../../api/contract';
import { DeskError } from '../../errors';
import { withContext } from '../context';
import { EXIT } from '../exit-codes';
import { formatBytes } from '../format';
import { completedResult, followJob } from '../run-job';

/**
 * Reads a passphrase without echoing it. A passphrase is never a command-line argument: it would
 * land in the shell history and in the process list.
 */
async function promptHidden(question: string): Promise<string> {
  const { stdin, stderr } = process;
  if (!stdin.isTTY)
    throw new DeskError(
      'BAD_INPUT',
      'A passphrase is needed: pass --passphrase-env VAR (the name of an environment variable that holds it).',
    );
  stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((done, fail) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          finish();
          done(value);
          return;
        }
        if (ch === '\u0003') {
          finish();
          fail(new DeskError('CANCELLED', 'Cancelled.'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    const finish = () => {
      stdin.off('data', onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write('\n');
    };
    stdin.on('data', onData);
  });
}

async function passphraseFrom(envVar: string | undefined, p12Path: string): Promise<string> {
  if (envVar) {
    const value = process.env[envVar];
    if (value === undefined)
      throw new DeskError('BAD_INPUT', `The environment variable ${envVar} (--passphrase-env) is not set.`);
    return value;
  }
  return promptHidden(`Passphrase for ${p12Path}: `);
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(
      'Export the signed OCR audit package (folder and .zip): report.pdf, report.docx, evidence, diagrams, signed manifest.',
    )
    .argument('<workspace>', 'workspace file (*.phiaudit)')
    .option(
      '--signer <cert.p12>',
      "the consultant's certificate (.p12/.pfx); without it a self-signed engagement certificate is made",
    )
    .option(
      '--passphrase-env <VAR>',
      'environment variable holding the certificate passphrase (otherwise you are asked for it)',
    )
    .option('--out <dir>', 'destination folder (default: the folder of the workspace)')
    .option('--json', 'print the result as JSON')
    .action(
      async (
        file: string,
        opts: { signer?: string; passphraseEnv?: string; out?: string; json?: boolean },
      ) => {
        let signer: { kind: 'p12'; p12Path: string; passphrase: string } | { kind: 'self-signed' };
        if (opts.signer) {
          const p12Path = resolve(opts.signer);
          signer = { kind: 'p12', p12Path, passphrase: await passphraseFrom(opts.passphraseEnv, p12Path) };
        } else {
          signer = { kind: 'self-signed' };
          process.stderr.write(
            'Notice: no --signer given. The package will be signed with a self-signed engagement certificate made for this export.\n' +
              'It proves the package has not changed since signing, not who signed it; use --signer cert.p12 for a certificate from your CA.\n',
          );
        }
        await withContext(async (ctx) => {
          await ctx.openWorkspace(file);
          const { jobId } = await ctx.call('export.start', {
            signer,
            ...(opts.out ? { outDir: resolve(opts.out) } : {}),
          });
          const result = completedResult(await followJob(ctx, jobId, 'export', 'Exporting'));
          if (opts.json) {
            console.log(JSON.stringify(result, null, 2));
            return;
          }
          console.log(`Audit package written:\n  ${result.folder}\n  ${result.zip}`);
          console.log(
            `${result.files} files, ${formatBytes(result.bytes)}; manifest SHA-256 ${result.manifestSha256}`,
          );
          console.log(
            `Signed by ${result.signer.subject}${result.signer.selfSigned ? '\n  (SELF-SIGNED engagement certificate: confirm its fingerprint with the recipient)' : ''}`,
          );
          console.log(`Certificate SHA-256 ${result.signer.fingerprintSha256}`);
          console.log(`Check it with: phi-audit verify "${result.folder}"`);
        });
      },
    );
}

function signatureLine(label: string, s: OpOutput<'package.verify'>['manifestSignature']): string {
  const who = s.signer ? `${s.signer}${s.selfSigned ? ' [self-signed]' : ''}` : 'unknown signer';
  return `${label}: ${s.valid ? 'VALID' : 'INVALID'} — ${who}${s.valid ? '' : ` (${s.reason})`}`;
}

export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Check an audit package (folder or .zip): every file against manifest.json and both signatures. Exit 5 if anything is wrong.',
    )
    .argument('<package>', 'package folder or .zip')
    .option('--problems-only', 'list only files that are not ok')
    .option('--json', 'print the result as JSON')
    .action(async (path: string, opts: { problemsOnly?: boolean; json?: boolean }) => {
      await withContext(async (ctx) => {
        const v = await ctx.call('package.verify', { path: resolve(path) });
        if (opts.json) console.log(JSON.stringify(v, null, 2));
        else {
          const width = Math.max(...v.files.map((f) => f.status.length));
          for (const f of v.files)
            if (!opts.problemsOnly || f.status !== 'ok')
              console.log(`${f.status.toUpperCase().padEnd(width)}  ${f.path}`);
          console.log('');
          console.log(signatureLine('Manifest signature (manifest.json.p7s)', v.manifestSignature));
          console.log(
            `${signatureLine('PDF signature (report.pdf)', v.pdfSignature)}${v.pdfSignature.valid ? (v.pdfSignature.coversWholeFile ? ', covers the whole file' : ', does NOT cover the whole file') : ''}`,
          );
          console.log(
            `Self-signed: ${v.manifestSignature.selfSigned || v.pdfSignature.selfSigned ? 'yes' : 'no'}`,
          );
          console.log('');
          console.log(v.summary);
        }
        if (!v.ok) process.exitCode = EXIT.gate;
      });
    });
}
