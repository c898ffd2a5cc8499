import { spawnSync } from 'node:child_process';
import type { Locator, Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect } from './fixtures';

const root = resolve(import.meta.dirname, '../..');

export interface EngagementInput {
  client: string;
  title?: string;
  periodStart: string;
  periodEnd: string;
  /** Typed and confirmed with Enter. */
  typedRegions?: string[];
  /** Picked from the suggestion list. */
  pickedRegions?: string[];
  consultant?: string;
}

/** Fills the Create engagement form the way a user does. Does not submit. */
export async function fillEngagementForm(page: Page, input: EngagementInput): Promise<void> {
  const form = page.getByRole('form', { name: 'Create engagement' });
  await form.getByRole('textbox', { name: 'Client', exact: true }).fill(input.client);
  if (input.title !== undefined)
    await form.getByRole('textbox', { name: 'Engagement title' }).fill(input.title);
  await form.getByRole('textbox', { name: 'Period start' }).fill(input.periodStart);
  await form.getByRole('textbox', { name: 'Period end' }).fill(input.periodEnd);
  const regions = form.getByRole('combobox', { name: 'Approved regions' });
  for (const region of input.typedRegions ?? []) {
    await regions.fill(region);
    await regions.press('Enter');
  }
  for (const region of input.pickedRegions ?? []) {
    await regions.fill(region);
    await page.getByRole('option', { name: region, exact: true }).click();
  }
  if (input.consultant !== undefined)
    await form.getByRole('textbox', { name: 'Consultant' }).fill(input.consultant);
}

/** Creates an engagement through the UI and waits for its summary. */
export async function createEngagement(page: Page, input: EngagementInput): Promise<void> {
  await fillEngagementForm(page, input);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/call/workspace.create'));
  await page.getByRole('button', { name: 'Create engagement' }).click();
  expect((await created).status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: input.client })).toBeVisible();
}

export const northwind: EngagementInput = {
  client: 'Northwind Health',
  title: 'HIPAA Security Rule assessment FY2025',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
  typedRegions: ['us-east-1'],
  pickedRegions: ['eastus'],
  consultant: 'Dana Whitfield, CISA',
};

/** Opens a screen from the navigation drawer and waits for its heading. */
export async function openScreen(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/** The number a cell or counter shows ("1,204" → 1204). */
export async function numberIn(locator: Locator): Promise<number> {
  const text = (await locator.textContent()) ?? '';
  const digits = text.replace(/[^\d]/g, '');
  if (digits === '') throw new Error(`no number in "${text}"`);
  return Number(digits);
}

/** Runs the simulated demo organisation from the Assessments screen and waits for the outcome. */
export async function runDemoAssessment(page: Page): Promise<void> {
  await openScreen(page, 'Assessments');
  const form = page.getByRole('form', { name: 'Run assessment' });
  await form.getByRole('radio', { name: /Simulated demo organisation/ }).check();
  const started = page.waitForResponse((r) => r.url().endsWith('/api/call/assess.start'));
  await form.getByRole('button', { name: 'Start assessment' }).click();
  expect((await started).status()).toBe(200);
  await expect(page.getByTestId('assessment-outcome')).toContainText('Assessment completed');
}

/**
 * The demo scenario with 400 ms of latency on every AWS call, so a run lasts long enough to be
 * watched and cancelled. Returns the file's path.
 */
export function writeSlowScenario(dir: string): string {
  // The composed demo (every service's fragment), as the CLI writes it.
  const written = spawnSync(process.execPath, [join(root, 'dist/cli.mjs'), 'scenario'], { encoding: 'utf8' });
  if (written.status !== 0) throw new Error(`phi-audit scenario failed: ${written.stderr}`);
  const demo = JSON.parse(written.stdout) as {
    name: string;
    faults?: unknown[];
  };
  const slow = {
    ...demo,
    name: 'Northwind Vitals (slow)',
    faults: [...(demo.faults ?? []), { provider: 'aws', kind: 'latency', ms: 400 }],
  };
  const path = join(dir, 'slow-demo.json');
  writeFileSync(path, JSON.stringify(slow, null, 2));
  return path;
}

/** Console errors and uncaught page errors, collected for a test to assert there were none. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(err.message));
  return errors;
}
