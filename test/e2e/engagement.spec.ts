import { readdirSync } from 'node:fs';
import { expect, test } from './fixtures';
import { createEngagement, fillEngagementForm, northwind } from './helpers';

test('create an engagement, reload, close and reopen it: the same data each time', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await expect(page.getByRole('heading', { name: 'Create engagement' })).toBeVisible();
  // The token leaves the address bar (history, bookmarks, screenshots).
  await expect(page).not.toHaveURL(/token=/);

  await createEngagement(page, northwind);

  const expectSummary = async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Northwind Health' })).toBeVisible();
    await expect(page.getByTestId('engagement-period')).toHaveText('Jan 1, 2025 – Dec 31, 2025');
    const regions = page.getByLabel('Approved regions', { exact: true });
    await expect(regions.getByText('us-east-1', { exact: true })).toBeVisible();
    await expect(regions.getByText('eastus', { exact: true })).toBeVisible();
    await expect(
      page.getByLabel('PHI tag keys', { exact: true }).getByText('data-classification'),
    ).toBeVisible();
    await expect(page.getByText('Dana Whitfield, CISA')).toBeVisible();
    await expect(page.getByTestId('workspace-menu-button')).toContainText('northwind-health-2025.phiaudit');
  };
  await expectSummary();
  expect(readdirSync(desk.workspaceDir)).toContain('northwind-health-2025.phiaudit');

  // The server session keeps the workspace open; the token survives the reload in sessionStorage.
  await page.reload();
  await expectSummary();

  // Close from the app bar menu.
  await page.getByTestId('workspace-menu-button').click();
  await page.getByRole('menuitem', { name: 'Close engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Create engagement' })).toBeVisible();
  await expect(page.getByTestId('workspace-menu-button')).toHaveText(/No engagement open/);

  // Reopen from the recent list.
  const recent = page.getByRole('table', { name: 'Recent workspaces' });
  await expect(recent.getByText('northwind-health-2025.phiaudit')).toBeVisible();
  await recent.getByRole('button', { name: 'Open northwind-health-2025.phiaudit' }).click();
  await expectSummary();
});

test('an engagement with no client is refused with the API message and nothing is created', async ({
  page,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  await fillEngagementForm(page, { ...northwind, client: '' });
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/call/workspace.create'));
  await page.getByRole('button', { name: 'Create engagement' }).click();
  const body = (await (await refused).json()) as { ok: boolean; error?: { field?: string } };
  expect(body.ok).toBe(false);
  expect(body.error?.field).toBe('client');

  const client = page
    .getByRole('form', { name: 'Create engagement' })
    .getByRole('textbox', { name: 'Client', exact: true });
  await expect(client).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Client is required')).toBeVisible();
  await expect(page.getByText('No workspaces in this folder yet.')).toBeVisible();
  expect(readdirSync(desk.workspaceDir).filter((f) => f.endsWith('.phiaudit'))).toEqual([]);
});

test('a period that ends before it starts is flagged before anything is sent', async ({ page, desk }) => {
  const calls: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/call/workspace.create')) calls.push(r.url());
  });
  await page.goto(desk.launchUrl);
  await fillEngagementForm(page, { ...northwind, periodStart: '2025-06-01', periodEnd: '2025-05-31' });
  await page.getByRole('button', { name: 'Create engagement' }).click();

  await expect(page.getByText('The period ends before it starts.')).toBeVisible();
  await expect(
    page.getByRole('form', { name: 'Create engagement' }).getByRole('textbox', { name: 'Period end' }),
  ).toHaveAttribute('aria-invalid', 'true');
  expect(calls).toEqual([]);
  expect(readdirSync(desk.workspaceDir).filter((f) => f.endsWith('.phiaudit'))).toEqual([]);
});

test('opening a file that is not a workspace shows the refusal and leaves the app usable', async ({
  page,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  const panel = page.getByRole('form', { name: 'Open by path' });
  await panel
    .getByRole('textbox', { name: 'Path to a .phiaudit file' })
    .fill(`${desk.workspaceDir}/missing.phiaudit`);
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/call/workspace.open'));
  await panel.getByRole('button', { name: 'Open' }).click();
  const body = (await (await refused).json()) as { ok: boolean; error?: { message: string } };
  expect(body.ok).toBe(false);

  const alert = page.getByTestId('error-display');
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(body.error!.message);
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toBeHidden();

  // Still fully usable.
  await createEngagement(page, northwind);
});
