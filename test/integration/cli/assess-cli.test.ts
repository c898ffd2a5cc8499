import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoScenario } from '../../../src/cloud/sim';
import { Workspace } from '../../../src/workspace/workspace';
import { CLI, NODE22, REPO, ensureBuiltCli, runCli, waitForEvidence } from '../../support/cli';
import { useTempDir } from '../../support/temp';

const tmp = useTempDir('phi-assess-cli-');

beforeAll(() => ensureBuiltCli(), 120_000);

function initWorkspace(dir: string): string {
  const file = join(dir, 'client.phiaudit');
  const r = runCli([
    'init',
    file,
    '--client',
    'Northwind Vitals',
    '--approved-regions',
    'us-east-1,us-west-2,eastus,westus2',
  ]);
  expect(r.status).toBe(0);
  return file;
}

function writeScenario(
  dir: string,
  mutate: (s: ReturnType<typeof demoScenario>) => void = () => undefined,
): string {
  const scenario = structuredClone(demoScenario());
  mutate(scenario);
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

describe('phi-audit demo / assess / evaluate / findings (the built CLI)', () => {
  it('demo creates a workspace, reports failures with citations and the AccessDenied gaps, and says how to open it', () => {
    const dir = tmp();
    const r = runCli(['demo', '--out', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Failing findings by safeguard and severity/);
    expect(r.stdout).toMatch(
      /critical\s+aws\.s3\.public-bucket\s+nwv-prod-telehealth-notes-legacy\s+us-east-1\s+164\.312\(a\)\(1\)/,
    );
    expect(r.stdout).toMatch(/critical\s+azure\.storage\.public-containers\s+nwvlegacyportal/);
    expect(r.stdout).toMatch(/Coverage gaps \(\d+\): what was NOT assessed/);
    expect(r.stdout).toMatch(/access_denied\s+345678901234\s+s3\s+GetBucketLogging/);
    const files = readdirSync(dir).filter((f) => f.endsWith('.phiaudit'));
    expect(files).toHaveLength(1);
    expect(r.stdout).toContain(`phi-audit ui "${join(dir, files[0]!)}"`);
  });

  it('assess exits 5 when new high findings appear, then 0 on an unchanged re-run; evaluate agrees offline', () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    const scenario = writeScenario(dir);
    const first = runCli(['assess', ws, '--scenario', scenario, '--json']);
    expect(first.status, first.stderr).toBe(5);
    expect(first.stderr).toMatch(/new failing finding\(s\) at severity high or above/);
    const firstResult = JSON.parse(first.stdout) as { stats: { findings: { fail: number } } };
    const second = runCli(['assess', ws, '--scenario', scenario, '--json']);
    expect(second.status, second.stderr).toBe(0);

    const before = JSON.parse(runCli(['findings', ws, '--status', 'fail', '--format', 'json']).stdout) as {
      findings: { key: string }[];
    };
    const evaluated = runCli(['evaluate', ws]);
    expect(evaluated.status).toBe(0);
    expect(evaluated.stdout).toMatch(new RegExp(`${firstResult.stats.findings.fail} failing`));
    const after = JSON.parse(runCli(['findings', ws, '--status', 'fail', '--format', 'json']).stdout) as {
      findings: { key: string }[];
    };
    expect(after.findings.map((f) => f.key).sort()).toEqual(before.findings.map((f) => f.key).sort());
    expect(runCli(['findings', ws, '--new', '--exit-code']).status).toBe(0);
  });

  it('findings --format csv has a header and one quoted row per finding', () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    runCli(['assess', ws, '--scenario', writeScenario(dir), '--fail-on', 'none']);
    const csv = runCli(['findings', ws, '--status', 'fail', '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toMatch(/^key,severity,status,change,ruleId/);
    expect(csv.length).toBeGreaterThan(10);
    expect(csv.slice(1).every((l) => l.includes(',fail,'))).toBe(true);
  });

  it('triage records a decision, refuses an accepted risk without a justification (exit 4), and shows the history', () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    runCli(['assess', ws, '--scenario', writeScenario(dir), '--fail-on', 'none']);
    const key = (
      JSON.parse(runCli(['findings', ws, '--status', 'fail', '--format', 'json']).stdout) as {
        findings: { key: string }[];
      }
    ).findings[0]!.key;
    const refused = runCli(['triage', ws, key, '--status', 'risk_accepted']);
    expect(refused.status).toBe(4);
    expect(refused.stderr).toMatch(/justification/);
    const saved = runCli([
      'triage',
      ws,
      key,
      '--status',
      'risk_accepted',
      '--owner',
      'CISO',
      '--justification',
      'Decommissioned in December',
    ]);
    expect(saved.status, saved.stderr).toBe(0);
    expect(saved.stdout).toMatch(/Recorded: risk_accepted, owner CISO/);
    const history = runCli(['triage', ws, key]);
    expect(history.stdout).toMatch(/risk_accepted\s+CISO/);
  });

  it('refuses a bad scenario file with the path of the bad field and exit 4, writing no run', () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    const bad = writeScenario(dir, (s) => {
      (s.aws!.accounts[0]!.buckets[2] as { region: unknown }).region = 42;
    });
    const r = runCli(['assess', ws, '--scenario', bad]);
    expect(r.status).toBe(4);
    expect(r.stderr).toMatch(/aws\.accounts\[0\]\.buckets\[2\]\.region/);
    const info = JSON.parse(runCli(['info', ws, '--json']).stdout) as { counts: { runs: number } };
    expect(info.counts.runs).toBe(0);
  });

  it('no secret from the environment reaches the workspace, its WAL or the output', () => {
    const dir = tmp();
    const secrets = {
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLESECRET1234',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY99',
      AWS_SESSION_TOKEN: 'FwoGZXIvYXdzSESSIONTOKENSECRET',
      AZURE_CLIENT_SECRET: 'azure~client~secret~value~0123',
    };
    const r = runCli(['demo', '--out', dir, '--progress', 'lines'], { env: secrets });
    expect(r.status, r.stderr).toBe(0);
    const bytes = readdirSync(dir)
      .map((f) => readFileSync(join(dir, f)).toString('latin1'))
      .join('\n');
    for (const value of Object.values(secrets)) {
      expect(bytes.includes(value), `secret in workspace: ${value}`).toBe(false);
      expect(r.stdout.includes(value) || r.stderr.includes(value)).toBe(false);
    }
  });

  it('Ctrl-C cancels a run: exit 130, the run is marked cancelled and its evidence kept', async () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    const slow = writeScenario(dir, (s) => {
      s.faults = [...(s.faults ?? []), { provider: 'aws', kind: 'latency', ms: 250 }];
    });
    const child = spawn(NODE22, [CLI, 'assess', ws, '--scenario', slow, '--progress', 'lines'], {
      cwd: REPO,
    });
    let stderr = '';
    await waitForEvidence(child, 3, (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/Cancelling/);
    const reopened = Workspace.open(ws);
    const run = reopened.db.prepare('SELECT id, status FROM run ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      status: string;
    };
    expect(run.status).toBe('cancelled');
    const evidence = (
      reopened.db.prepare('SELECT count(*) AS n FROM evidence WHERE run_id = ?').get(run.id) as { n: number }
    ).n;
    expect(evidence).toBeGreaterThanOrEqual(3);
    reopened.close();
  });

  it('a run killed mid-way is marked interrupted on the next open, and its evidence stays', async () => {
    const dir = tmp();
    const ws = initWorkspace(dir);
    const slow = writeScenario(dir, (s) => {
      s.faults = [
        ...(s.faults ?? []),
        { provider: 'aws', kind: 'latency', ms: 250 },
        { provider: 'azure', kind: 'latency', ms: 250 },
      ];
    });
    const child = spawn(NODE22, [CLI, 'assess', ws, '--scenario', slow, '--progress', 'lines'], {
      cwd: REPO,
    });
    // wait for a progress line that says evidence is being stored, then kill -9
    await waitForEvidence(child, 3);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;

    const reopened = Workspace.open(ws);
    const run = reopened.db.prepare('SELECT id, status, error FROM run ORDER BY id DESC LIMIT 1').get() as {
      id: number;
      status: string;
      error: string;
    };
    expect(run.status).toBe('interrupted');
    const evidence = (
      reopened.db.prepare('SELECT count(*) AS n FROM evidence WHERE run_id = ?').get(run.id) as { n: number }
    ).n;
    expect(evidence).toBeGreaterThanOrEqual(3);
    const audit = reopened.db.prepare("SELECT action FROM audit_log WHERE action = 'run.interrupted'").all();
    expect(audit).toHaveLength(1);
    reopened.close();
  });
});
