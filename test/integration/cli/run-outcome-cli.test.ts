import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScenarioFault } from '../../../src/cloud/sim';
import { CLI, NODE22, REPO, ensureBuiltCli, runCli, waitForEvidence } from '../../support/cli';
import { useTempDir } from '../../support/temp';
import { registry } from '../../../src/services';

/**
 * What a user reads, and the exit code a CI gate sees, for each run outcome: completed, partial,
 * failed, cancelled and interrupted. Scenarios start from `phi-audit scenario` (the demo) with
 * faults added.
 */
const tmp = useTempDir('phi-outcome-cli-');

beforeAll(() => ensureBuiltCli(), 120_000);

const STS_DENIED: ScenarioFault = { provider: 'aws', service: 'sts', kind: 'access_denied' };
const ARM_DENIED: ScenarioFault = { provider: 'azure', service: 'resources', kind: 'access_denied' };
const KMS_LIST_DENIED: ScenarioFault = {
  provider: 'aws',
  service: 'kms',
  operation: 'ListKeys',
  kind: 'access_denied',
};

function workspace(dir: string): string {
  const file = join(dir, 'client.phiaudit');
  const r = runCli(['init', file, '--client', 'Northwind Vitals', '--approved-regions', 'us-east-1,eastus']);
  expect(r.status, r.stderr).toBe(0);
  return file;
}

/** The demo scenario as `phi-audit scenario` writes it, with these faults added. */
function scenario(dir: string, name: string, faults: ScenarioFault[]): string {
  const path = join(dir, `${name}.json`);
  const written = runCli(['scenario', '--out', path]);
  expect(written.status, written.stderr).toBe(0);
  const s = JSON.parse(readFileSync(path, 'utf8')) as { faults?: ScenarioFault[] };
  s.faults = [...(s.faults ?? []), ...faults];
  writeFileSync(path, JSON.stringify(s));
  return path;
}

function lastRun(ws: string): { status: string; line: string } {
  const info = runCli(['info', ws]);
  expect(info.status, info.stderr).toBe(0);
  const line = info.stdout.split('\n').find((l) => l.startsWith('Last run:')) ?? '';
  const json = JSON.parse(runCli(['info', ws, '--json']).stdout) as { lastRun: { status: string } };
  return { status: json.lastRun.status, line };
}

describe('assess: what the user sees for each run outcome (the built CLI)', () => {
  it('completed: exit 5 on a first run with new high findings, says it is the first run, gaps after the findings', () => {
    const dir = tmp();
    const ws = workspace(dir);
    const r = runCli(['assess', ws, '--scenario', scenario(dir, 'demo', []), '--progress', 'none']);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stdout).toMatch(/Run #1 completed in/);
    expect(r.stdout).toContain('first run: no previous run to compare with');
    expect(r.stdout).not.toMatch(/new (and \d+ resolved )?since/);
    expect(r.stdout).not.toMatch(/Assessment (partial|failed)/);
    // A completed run may have per-resource gaps (one account's GetBucketLogging): listed after the findings.
    expect(r.stdout.indexOf('Failing findings')).toBeLessThan(r.stdout.indexOf('Coverage gaps ('));

    const again = runCli(['assess', ws, '--scenario', join(dir, 'demo.json'), '--progress', 'none']);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/0 new and 0 resolved since the previous run \(#1\)/);
    expect(lastRun(ws).status).toBe('completed');
  });

  it('partial: a service refused in some regions is named before the findings, and the gate keeps its exit code', () => {
    const dir = tmp();
    const ws = workspace(dir);
    const path = scenario(dir, 'kms-denied', [KMS_LIST_DENIED]);
    const r = runCli(['assess', ws, '--scenario', path, '--progress', 'none']);
    expect(r.status, r.stderr).toBe(5);
    expect(r.stdout).toMatch(/Run #1 partial in/);
    const statement =
      'Assessment partial: kms not assessed in eu-west-1, us-east-1, us-west-2 of Northwind Vitals prod (210987654321) (AccessDeniedException); ' +
      'kms not assessed in us-east-1, us-west-2 of Northwind Vitals shared services (345678901234) (AccessDeniedException)';
    expect(r.stdout).toContain(statement);
    expect(r.stderr).toContain(statement);
    const gapsAt = r.stdout.indexOf('Coverage gaps (');
    expect(gapsAt).toBeGreaterThan(r.stdout.indexOf(statement));
    expect(gapsAt).toBeLessThan(r.stdout.indexOf('Failing findings by safeguard'));
    expect(r.stdout).toMatch(/access_denied\s+210987654321\s+kms\s+ListKeys\s+eu-west-1/);
    expect(r.stdout).toContain('first run: no previous run to compare with');

    // Below the gate a partial run exits 0, still saying what it missed.
    const below = runCli(['assess', ws, '--scenario', path, '--fail-on', 'none', '--progress', 'none']);
    expect(below.status, below.stderr).toBe(0);
    expect(below.stdout).toContain(statement);
    expect(below.stdout).toMatch(/since the previous run \(#1\)/);
    expect(lastRun(ws).status).toBe('partial');
  });

  it('partial: one target of three could not be signed in to', () => {
    const dir = tmp();
    const ws = workspace(dir);
    const path = scenario(dir, 'one-denied', [{ ...STS_DENIED, account: '345678901234' }]);
    const r = runCli(['assess', ws, '--scenario', path, '--fail-on', 'none', '--json', '--progress', 'none']);
    expect(r.status, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as { status: string; error: string };
    expect(result.status).toBe('partial');
    expect(result.error).toBe(
      'Assessment partial: 1 of 3 targets could not be signed in to (Northwind Vitals shared services (345678901234): access denied)',
    );
    expect(r.stderr).toContain(result.error);
  });

  it('failed: every sign-in refused exits 6 whatever --fail-on says, names each target and why, and shows no findings', () => {
    const dir = tmp();
    const ws = workspace(dir);
    const path = scenario(dir, 'all-denied', [STS_DENIED, ARM_DENIED]);
    const r = runCli(['assess', ws, '--scenario', path, '--fail-on', 'none', '--progress', 'none']);
    expect(r.status, r.stdout).toBe(6);
    const statement =
      'Assessment failed: no target could be assessed (none of the 3 targets could be signed in to (' +
      'Northwind Vitals prod (210987654321): access denied; ' +
      'Northwind Vitals shared services (345678901234): access denied; ' +
      'Northwind Vitals Azure production (7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b): access denied))';
    expect(r.stdout).toMatch(/Run #1 failed in/);
    expect(r.stdout).toContain(statement);
    expect(r.stderr).toContain(`phi-audit: ${statement} (exit 6).`);
    expect(r.stdout).toMatch(/Coverage gaps \(3\): what was NOT assessed/);
    expect(r.stdout).not.toMatch(/Failing findings/);
    expect(r.stdout).not.toMatch(/0 failing/);
    expect(lastRun(ws)).toEqual({ status: 'failed', line: expect.stringMatching(/#1 simulated, failed/) });
  });

  it('failed: every service refused in every signed-in target exits 6 too; the next good run is still a first run', () => {
    const dir = tmp();
    const ws = workspace(dir);
    const path = scenario(dir, 'all-lists-denied', [
      // Every AWS service module, and every ARM read: nothing can be assessed anywhere.
      ...registry.services
        .filter((service) => service.provider === 'aws')
        .map((service) => ({
          provider: 'aws' as const,
          kind: 'access_denied' as const,
          service: service.service,
        })),
      ARM_DENIED,
    ]);
    const r = runCli(['assess', ws, '--scenario', path, '--json', '--progress', 'none']);
    const result = JSON.parse(r.stdout) as { status: string; error: string };
    expect(result.status, result.error).toBe('failed');
    expect(r.status).toBe(6);
    expect(result.error).toMatch(/^Assessment failed: no target could be assessed \(/);
    expect(result.error).toMatch(/s3 not assessed in global of Northwind Vitals prod \(210987654321\)/);

    const next = runCli(['assess', ws, '--scenario', scenario(dir, 'demo', []), '--progress', 'none']);
    expect(next.stdout).toMatch(/Run #2 completed/);
    expect(next.stdout).toContain('first run: no previous run to compare with');
  });

  it('cancelled: Ctrl-C exits 130 and the run reads as cancelled', async () => {
    const dir = tmp();
    const ws = workspace(dir);
    const slow = scenario(dir, 'slow', [{ provider: 'aws', kind: 'latency', ms: 250 }]);
    const child = spawn(NODE22, [CLI, 'assess', ws, '--scenario', slow, '--progress', 'lines'], {
      cwd: REPO,
    });
    let stderr = '';
    await waitForEvidence(child, 3, (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    expect(stderr).toMatch(/Cancelling… \(evidence collected so far is kept/);
    const run = lastRun(ws);
    expect(run.status).toBe('cancelled');
    expect(run.line).toMatch(/#1 simulated, cancelled/);
  });

  it('interrupted: a killed run reads as interrupted on the next open', async () => {
    const dir = tmp();
    const ws = workspace(dir);
    const slow = scenario(dir, 'slow', [
      { provider: 'aws', kind: 'latency', ms: 250 },
      { provider: 'azure', kind: 'latency', ms: 250 },
    ]);
    const child = spawn(NODE22, [CLI, 'assess', ws, '--scenario', slow, '--progress', 'lines'], {
      cwd: REPO,
    });
    await waitForEvidence(child, 3);
    const exited = new Promise((r) => child.on('exit', r));
    child.kill('SIGKILL');
    await exited;
    const run = lastRun(ws);
    expect(run.status).toBe('interrupted');
    expect(run.line).toMatch(/#1 simulated, interrupted/);
  });
});
