import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openScreen } from './helpers';

/**
 * What the screens say about each run outcome: completed, partial, failed, cancelled and
 * interrupted. The workspace is seeded with the CLI (as a weekly CI job would leave it), then
 * opened in the UI; only the outcome banner needs a run started from the UI.
 */
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/cli.mjs');

type Fault = Record<string, string | number>;
const KMS_LIST_DENIED: Fault = {
  provider: 'aws',
  service: 'kms',
  operation: 'ListKeys',
  kind: 'access_denied',
};
const ALL_SIGN_INS_DENIED: Fault[] = [
  { provider: 'aws', service: 'sts', kind: 'access_denied' },
  { provider: 'azure', service: 'resources', kind: 'access_denied' },
];
const PARTIAL_STATEMENT =
  'Assessment partial: kms not assessed in eu-west-1, us-east-1, us-west-2 of Northwind Vitals prod (210987654321) (AccessDeniedException)';
const FAILED_STATEMENT =
  'Assessment failed: no target could be assessed (none of the 3 targets could be signed in to';

function phiAudit(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The demo scenario (as `phi-audit scenario` writes it) with these faults added. */
function scenario(dir: string, name: string, faults: Fault[]): string {
  const written = phiAudit(['scenario']);
  if (written.status !== 0) throw new Error(`phi-audit scenario failed: ${written.stderr}`);
  const demo = JSON.parse(written.stdout) as { faults?: Fault[] };
  const path = join(dir, `${name}.json`);
  writeFileSync(path, JSON.stringify({ ...demo, faults: [...(demo.faults ?? []), ...faults] }));
  return path;
}

/** Starts a slow run and stops it (SIGINT: cancelled; SIGKILL: interrupted) once it stored evidence. */
async function stoppedRun(ws: string, path: string, signal: 'SIGINT' | 'SIGKILL'): Promise<void> {
  const child = spawn(process.execPath, [cli, 'assess', ws, '--scenario', path, '--progress', 'lines'], {
    cwd: root,
  });
  await new Promise<void>((resolveSeen, reject) => {
    let buffer = '';
    child.stderr.on('data', (d: Buffer) => {
      buffer += d.toString();
      if (/"evidence":([3-9]|\d\d)/.test(buffer)) resolveSeen();
    });
    child.on('exit', (code) => reject(new Error(`the run ended (${code}) before it could be stopped`)));
  });
  const exited = new Promise((r) => child.on('exit', r));
  child.kill(signal);
  await exited;
}

/** A workspace with one run of each outcome, oldest first: completed, partial, failed, cancelled, interrupted. */
async function seedWorkspace(dir: string): Promise<string> {
  const ws = join(dir, 'outcomes.phiaudit');
  expect(
    phiAudit(['init', ws, '--client', 'Northwind Vitals', '--approved-regions', 'us-east-1,eastus']).status,
  ).toBe(0);
  expect(phiAudit(['assess', ws, '--scenario', scenario(dir, 'demo', []), '--fail-on', 'none']).status).toBe(
    0,
  );
  expect(
    phiAudit(['assess', ws, '--scenario', scenario(dir, 'partial', [KMS_LIST_DENIED]), '--fail-on', 'none'])
      .status,
  ).toBe(0);
  expect(phiAudit(['assess', ws, '--scenario', scenario(dir, 'failed', ALL_SIGN_INS_DENIED)]).status).toBe(6);
  const slow = scenario(dir, 'slow', [
    { provider: 'aws', kind: 'latency', ms: 250 },
    { provider: 'azure', kind: 'latency', ms: 250 },
  ]);
  await stoppedRun(ws, slow, 'SIGINT');
  await stoppedRun(ws, slow, 'SIGKILL');
  return ws;
}

async function openByPath(page: Page, path: string): Promise<void> {
  const panel = page.getByRole('form', { name: 'Open by path' });
  await panel.getByRole('textbox', { name: 'Path to a .phiaudit file' }).fill(path);
  await panel.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByTestId('engagement-client')).toHaveText('Northwind Vitals');
}

test('run history shows each outcome as such: only the completed run is green', async ({ page, desk }) => {
  test.setTimeout(90_000);
  const ws = await seedWorkspace(desk.workspaceDir);
  await page.goto(desk.launchUrl);
  await openByPath(page, ws);
  // The last run (interrupted, on this open) is named on the Engagement screen.
  await expect(page.getByTestId('last-run')).toContainText('Last run #5 (simulated): interrupted');

  await openScreen(page, 'Assessments');
  const rows = page.getByRole('table', { name: 'Assessment runs' }).getByTestId('run-row');
  await expect(rows).toHaveCount(5);
  const row = (id: number) => rows.filter({ has: page.getByRole('cell', { name: `#${id}`, exact: true }) });
  const chip = (id: number) => row(id).locator('.MuiChip-root');

  await expect(chip(1)).toHaveText('completed');
  await expect(chip(1)).toHaveClass(/MuiChip-colorSuccess/);

  await expect(chip(2)).toHaveText('partial');
  await expect(chip(2)).toHaveClass(/MuiChip-colorWarning/);
  await expect(row(2).getByTestId('run-outcome-detail')).toContainText(PARTIAL_STATEMENT);
  await expect(row(2).getByRole('link', { name: 'Findings of run 2' })).toBeVisible();

  await expect(chip(3)).toHaveText('failed');
  await expect(chip(3)).toHaveClass(/MuiChip-colorError/);
  await expect(row(3).getByTestId('run-outcome-detail')).toContainText(FAILED_STATEMENT);
  await expect(row(3).getByTestId('run-outcome-detail')).toContainText(
    'Northwind Vitals prod (210987654321): access denied',
  );
  // A run that assessed nothing has no failing count that could read as a clean result.
  await expect(row(3).getByTestId('run-failing')).toHaveText('—');

  await expect(chip(4)).toHaveText('cancelled');
  await expect(chip(4)).toHaveClass(/MuiChip-colorWarning/);
  await expect(chip(5)).toHaveText('interrupted');
  await expect(row(5).getByTestId('run-outcome-detail')).toContainText(
    'the process ended before the run finished',
  );
  for (const id of [2, 3, 4, 5]) await expect(chip(id)).not.toHaveClass(/MuiChip-colorSuccess/);

  // The Findings screen offers the partial run, marked as such.
  await openScreen(page, 'Findings');
  await page.getByRole('combobox', { name: 'Run' }).click();
  await expect(page.getByRole('option', { name: 'Run #2 · simulated · partial' })).toBeVisible();
  await expect(page.getByRole('option', { name: /Run #3/ })).toHaveCount(0);
});

test('the outcome banner says partial or failed, with why, never "completed"', async ({ page, desk }) => {
  test.setTimeout(60_000);
  const partial = scenario(desk.workspaceDir, 'partial', [KMS_LIST_DENIED]);
  const failed = scenario(desk.workspaceDir, 'failed', ALL_SIGN_INS_DENIED);
  const ws = join(desk.workspaceDir, 'banner.phiaudit');
  expect(
    phiAudit(['init', ws, '--client', 'Northwind Vitals', '--approved-regions', 'us-east-1,eastus']).status,
  ).toBe(0);
  await page.goto(desk.launchUrl);
  await openByPath(page, ws);
  await openScreen(page, 'Assessments');

  const runScenario = async (path: string) => {
    const form = page.getByRole('form', { name: 'Run assessment' });
    await form.getByRole('radio', { name: /Scenario file/ }).check();
    await form.getByRole('textbox', { name: 'Scenario file path' }).fill(path);
    await form.getByRole('button', { name: 'Start assessment' }).click();
  };

  // A failed first run: red, why, and no zero findings that could pass for a clean result.
  await runScenario(failed);
  const banner = page.getByTestId('assessment-outcome');
  await expect(banner).toHaveAttribute('data-outcome', 'failed');
  await expect(banner).toContainText('Assessment failed: nothing was assessed');
  await expect(banner).toContainText(FAILED_STATEMENT);
  await expect(banner).toHaveClass(/MuiAlert-colorError/);
  await expect(banner).not.toContainText('completed');
  await expect(banner.getByRole('link', { name: 'View findings' })).toHaveCount(0);
  const progress = page.getByTestId('assessment-progress');
  await expect(progress.getByTestId('result-failing')).toHaveText('—');
  await expect(progress.getByTestId('result-resources')).toHaveText('—');
  await progress.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByText('judged nothing').first()).toBeVisible();

  // A partial run after a failed one: amber, what was not assessed, and still a first run.
  await runScenario(partial);
  await expect(banner).toHaveAttribute('data-outcome', 'partial');
  await expect(banner).toContainText('Assessment partial: some of the scope was not assessed');
  await expect(banner).toContainText(PARTIAL_STATEMENT);
  await expect(banner).toContainText('first run: no previous run to compare with');
  await expect(banner).toHaveClass(/MuiAlert-colorWarning/);
  await expect(banner).not.toContainText('completed');
  await expect(banner.getByRole('link', { name: 'View findings' })).toBeVisible();
});
