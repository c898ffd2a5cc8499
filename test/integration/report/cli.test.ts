/** `phi-audit export` and `phi-audit verify` as a consultant runs them: the built CLI, exit codes, output. */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, runCli } from '../../support/cli';
import { createReportWorkspace } from '../../fixtures/report-workspace';
import { flipByte, makeOpensslP12, run } from './helpers';

let root: string;
let workspace: string;

beforeAll(() => {
  ensureBuiltCli();
  root = mkdtempSync(join(tmpdir(), 'phi-report-cli-'));
  workspace = createReportWorkspace(root).path;
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('phi-audit export and verify', () => {
  it('exports a self-signed package with a notice, and verify exits 0 on it, then 5 once a file changed', () => {
    const out = join(root, 'self');
    const exp = runCli(['export', workspace, '--out', out]);
    expect(exp.stderr).toContain('self-signed engagement certificate');
    expect(exp.status).toBe(0);
    expect(exp.stdout).toContain('Audit package written');
    const folder = join(
      out,
      readdirSync(out).find((n) => !n.endsWith('.zip'))!,
    );
    expect(run('pdfsig', [join(folder, 'report.pdf')]).stdout).toContain('Signature is Valid.');

    const ok = runCli(['verify', folder]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^OK\s+report\.pdf$/m);
    expect(ok.stdout).toContain('Manifest signature (manifest.json.p7s): VALID');
    expect(ok.stdout).toContain('PDF signature (report.pdf): VALID');
    expect(ok.stdout).toContain('Self-signed: yes');
    expect(runCli(['verify', `${folder}.zip`]).status).toBe(0);

    const evidence = readdirSync(join(folder, 'evidence')).find((n) => n.endsWith('.json'))!;
    flipByte(join(folder, 'evidence', evidence));
    const bad = runCli(['verify', folder, '--problems-only']);
    expect(bad.status).toBe(5);
    expect(bad.stdout).toContain(`CHANGED  evidence/${evidence}`);
    expect(bad.stdout).toContain('Package NOT intact');
  });

  it('signs with --signer and a passphrase from --passphrase-env; a wrong one exits 4 and writes nothing', () => {
    const p12 = makeOpensslP12(root, 's3cret pass');
    const wrongOut = join(root, 'wrong');
    const wrong = runCli(
      ['export', workspace, '--signer', p12, '--passphrase-env', 'PHI_TEST_PASS', '--out', wrongOut],
      { env: { PHI_TEST_PASS: 'nope' } },
    );
    expect(wrong.status).toBe(4);
    expect(wrong.stderr).toContain('passphrase is wrong');
    expect(() => readdirSync(wrongOut)).toThrow();

    const out = join(root, 'signed');
    const exp = runCli(
      ['export', workspace, '--signer', p12, '--passphrase-env', 'PHI_TEST_PASS', '--out', out, '--json'],
      { env: { PHI_TEST_PASS: 's3cret pass' } },
    );
    expect(exp.status).toBe(0);
    const result = JSON.parse(exp.stdout) as { folder: string; signer: { subject: string } };
    expect(result.signer.subject).toContain('O=Reyes Compliance LLC');
    expect(runCli(['verify', result.folder]).status).toBe(0);
  });

  it('refuses to take a passphrase without a terminal or --passphrase-env', () => {
    const p12 = makeOpensslP12(root, 'x');
    const r = runCli(['export', workspace, '--signer', p12, '--out', join(root, 'none')]);
    expect(r.status).toBe(4);
    expect(r.stderr).toContain('--passphrase-env');
  });
});
