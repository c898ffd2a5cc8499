import type { Page } from '@playwright/test';
import { expect } from './fixtures';

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
  if (input.title !== undefined) await form.getByRole('textbox', { name: 'Engagement title' }).fill(input.title);
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
  if (input.consultant !== undefined) await form.getByRole('textbox', { name: 'Consultant' }).fill(input.consultant);
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
