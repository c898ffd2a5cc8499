/** The real built CLI (dist/cli.mjs), run as a child process the way a consultant or a CI job runs it. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOOL_VERSION } from '../../../src/version';
import { LATEST_SCHEMA_VERSION } from '../../../src/workspace/migrations';
import { CLI, ensureBuiltCli, LAUNCHER, REPO, runCli, runCliAsync, type CliRun } from '../../support/cli';
import { sha256File } from '../../support/files';
import { tamperAuditLog } from '../../support/sqlite3-cli';
import { useTempDir } from '../../support/temp';

const SYSTEM_NODE = '/usr/bin/node';
const dir = useTempDir();

/** One workspace made by `init` for the tests that only read it (each CLI run costs a Node start). */
let shared: { home: string; file: string; init: CliRun };

beforeAll(() => {
  ensureBuiltCli();
  const home = mkdtempSync(join(tmpdir(), 'phi-audit-cli-'));
  const file = join(home, 'northwind.phiaudit');
  const init = runCli(
    [
      'init',
      file,
      '--client',
      'Northwind Health Shop',
      '--approved-regions',
      'us-east-1,eastus',
      '--period-start',
      '2025-01-01',
      '--period-end',
      '2025-12-31',
      '--consultant',
      'Dana Reyes',
    ],
    { env: { HOME: home, PHI_AUDIT_WORKSPACE_DIR: undefined } },
  );
  shared = { home, file, init };
}, 120_000);
afterAll(() => {
  if (shared) rmSync(shared.home, { recursive: true, force: true });
});

/** Runs with HOME in a temp folder, so nothing lands in the real home directory. */
const env = (): NodeJS.ProcessEnv => ({ HOME: shared.home, PHI_AUDIT_WORKSPACE_DIR: undefined });
function cli(...args: string[]): CliRun {
  return runCli(args, { env: env() });
}

/** Names of the commands a --help text lists under "Commands:". */
function commandsIn(help: string): string[] {
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return section
    .split('\n')
    .map((l) => /^ {2}([a-z][\w-]*)/.exec(l)?.[1])
    .filter((n): n is string => n !== undefined && n !== 'help');
}

describe('phi-audit', () => {
  it('init creates a workspace and prints its summary', () => {
    const { init, file } = shared;
    expect(init.stderr).toBe('');
    expect(init.status).toBe(0);
    expect(existsSync(file)).toBe(true);
    expect(init.stdout).toContain(`Created ${file}`);
    expect(init.stdout).toContain('Northwind Health Shop — HIPAA Security Rule assessment 2025');
    expect(init.stdout).toMatch(/Period:\s+2025-01-01 to 2025-12-31/);
    expect(init.stdout).toMatch(/Approved regions:\s+us-east-1, eastus/);
    expect(init.stdout).toMatch(/PHI tag keys:\s+phi, data-classification, hipaa/);
    expect(init.stdout).toMatch(/Consultant:\s+Dana Reyes/);
    expect(init.stdout).toMatch(/Last run:\s+none yet/);
  });

  it('init adds the .phiaudit extension and, given a path, creates no folder in the home directory', () => {
    expect(existsSync(join(shared.home, 'PHI Audit Desk'))).toBe(false);
    const r = cli('init', join(dir(), 'acme'), '--client', 'Acme Pharmacy');
    expect(r.status).toBe(0);
    expect(existsSync(join(dir(), 'acme.phiaudit'))).toBe(true);
    expect(existsSync(join(shared.home, 'PHI Audit Desk'))).toBe(false);
  });

  it('info --json shows the same client and regions', () => {
    const r = cli('info', shared.file, '--json');
    expect(r.status).toBe(0);
    const summary = JSON.parse(r.stdout) as {
      path: string;
      engagement: Record<string, unknown>;
      counts: Record<string, number>;
      schemaVersion: number;
    };
    expect(summary.path).toBe(shared.file);
    expect(summary.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(summary.engagement).toMatchObject({
      client: 'Northwind Health Shop',
      approvedRegions: ['us-east-1', 'eastus'],
      periodStart: '2025-01-01',
      consultant: 'Dana Reyes',
    });
    expect(summary.counts.auditLogEntries).toBe(1);
  });

  it('info prints the summary for people', () => {
    const r = cli('info', shared.file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Northwind Health Shop — /);
    expect(r.stdout).toMatch(/Approved regions:\s+us-east-1, eastus/);
  });

  it('init over an existing file exits 3 and leaves the file alone', () => {
    const hash = sha256File(shared.file);
    const r = cli('init', shared.file, '--client', 'Someone Else');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/^phi-audit: .*northwind\.phiaudit already exists/);
    expect(sha256File(shared.file)).toBe(hash);
  });

  it('info on a text file exits 3 with a clear message', () => {
    const file = join(dir(), 'notes.phiaudit');
    writeFileSync(file, 'meeting notes\n');
    const r = cli('info', file);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain(
      `phi-audit: ${file} is not a PHI Audit Desk workspace: it is not a SQLite database.`,
    );
    expect(r.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe('meeting notes\n');
  });

  it('info on a missing file exits 3', () => {
    const r = cli('info', join(dir(), 'missing.phiaudit'));
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/the file does not exist/);
  });

  it('init without --client exits 2 and says what is missing', () => {
    const r = cli('init', join(dir(), 'x.phiaudit'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/required option '--client <name>' not specified/);
    expect(existsSync(join(dir(), 'x.phiaudit'))).toBe(false);
  });

  it('init with a malformed date exits 4, naming the field', () => {
    const r = cli('init', join(dir(), 'x.phiaudit'), '--client', 'C', '--period-start', 'yesterday');
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/periodStart: expected a date as YYYY-MM-DD/);
    expect(existsSync(join(dir(), 'x.phiaudit'))).toBe(false);
  });

  it('an unknown command exits 2', () => {
    const r = cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown command 'frobnicate'/);
  });

  it('--version prints the version', () => {
    const r = cli('--version');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(TOOL_VERSION);
  });

  // Many Node starts: give a busy two-core machine room.
  it('--help works on every command and subcommand (exit 0)', { timeout: 120_000 }, async () => {
    const top = cli('--help');
    expect(top.status).toBe(0);
    const commands = commandsIn(top.stdout);
    expect(commands).toEqual(expect.arrayContaining(['init', 'info', 'audit-log', 'ui']));
    const helps = await Promise.all(commands.map((c) => runCliAsync([c, '--help'], { env: env() })));
    const paths = helps.flatMap((r, i) => {
      const c = commands[i]!;
      expect(r.status, `${c} --help`).toBe(0);
      expect(r.stdout, `${c} --help`).toContain(`Usage: phi-audit ${c}`);
      return commandsIn(r.stdout).map((sub) => [c, sub]);
    });
    expect(paths).toEqual(expect.arrayContaining([['audit-log', 'verify']]));
    const subHelps = await Promise.all(paths.map((p) => runCliAsync([...p, '--help'], { env: env() })));
    subHelps.forEach((r, i) => {
      const p = paths[i]!.join(' ');
      expect(r.status, `${p} --help`).toBe(0);
      expect(r.stdout, `${p} --help`).toContain(`Usage: phi-audit ${p}`);
    });
  });

  it('audit-log verify exits 0 on a fresh workspace', () => {
    const r = cli('audit-log', 'verify', shared.file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Audit log intact: 1 rows, head [0-9a-f]{16}…/);
  });

  it('audit-log show lists the entries', () => {
    const r = cli('audit-log', 'show', shared.file);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/workspace\.created\s+Northwind Health Shop/);
    expect(r.stdout).toContain('1 of 1 entries');
  });

  it('audit-log verify exits 5 and names the broken row after a row was edited with sqlite3', () => {
    const file = join(dir(), 'tampered.phiaudit');
    expect(cli('init', file, '--client', 'Northwind Health Shop').status).toBe(0);
    tamperAuditLog(file, `UPDATE audit_log SET actor = 'mallory' WHERE seq = 1;`);
    const r = cli('audit-log', 'verify', file);
    expect(r.status).toBe(5);
    expect(r.stdout).toContain('Audit log BROKEN at row 1: row 1 was modified after it was written');
    const json = cli('audit-log', 'verify', file, '--json');
    expect(json.status).toBe(5);
    expect(JSON.parse(json.stdout)).toMatchObject({ ok: false, brokenAt: 1 });
  });
});

describe('bin/phi-audit.cjs', () => {
  it('re-runs itself under the project Node 22 when started with the system Node 20', () => {
    expect(execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).trim()).toMatch(/^v20\./);
    const r = runCli(['--version'], { node: SYSTEM_NODE, entry: LAUNCHER });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(TOOL_VERSION);
  });

  it('opens a workspace under the system Node 20 (better-sqlite3 runs only on Node 22) and passes on exit codes', () => {
    const r = runCli(['info', shared.file, '--json'], { node: SYSTEM_NODE, entry: LAUNCHER, env: env() });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ engagement: { client: 'Northwind Health Shop' } });
    const missing = runCli(['info', join(dir(), 'missing.phiaudit')], {
      node: SYSTEM_NODE,
      entry: LAUNCHER,
      env: env(),
    });
    expect(missing.status).toBe(3);
  });

  it('is the package bin, and the built CLI is where it looks', () => {
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['phi-audit']).toBe('bin/phi-audit.cjs');
    expect(existsSync(CLI)).toBe(true);
  });
});
