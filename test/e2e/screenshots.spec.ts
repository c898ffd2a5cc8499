import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createEngagement, northwind } from './helpers';

/**
 * Visual review, not an assertion suite: `PHI_AUDIT_SHOTS_DIR=/tmp/shots npx playwright test -c
 * test/e2e/playwright.config.ts screenshots` writes the main screens in both themes as PNGs.
 */
const shotsDir = process.env.PHI_AUDIT_SHOTS_DIR;

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the main screens (${scheme})`, async ({ page, desk }) => {
    test.skip(!shotsDir, 'set PHI_AUDIT_SHOTS_DIR to write screenshots');
    const dir = shotsDir!;
    mkdirSync(dir, { recursive: true });
    const shot = (name: string) =>
      page.screenshot({ path: join(dir, `${scheme}-${name}.png`), animations: 'disabled' });
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1366, height: 860 });

    await page.goto(desk.launchUrl);
    await expect(page.getByRole('heading', { name: 'Create engagement' })).toBeVisible();
    await shot('engagement-form');

    await createEngagement(page, northwind);
    await shot('engagement-summary');

    await page.getByRole('button', { name: 'Edit settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Engagement settings' })).toBeVisible();
    await shot('edit-settings');
    await page.getByRole('textbox', { name: 'Consultant' }).fill('Riley Okafor');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('dialog')).toBeHidden();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('button', { name: 'Show details of entry 2' }).click();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    await expect(page.getByTestId('audit-verification')).toBeVisible();
    await shot('audit-log');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Findings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
    await shot('findings-empty');

    await page.getByTestId('workspace-menu-button').click();
    await expect(page.getByRole('menu')).toBeVisible();
    await shot('workspace-menu');
    await page.getByRole('menuitem', { name: 'Close engagement' }).click();

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Targets' }).click();
    await expect(page.getByText('No engagement is open')).toBeVisible();
    await shot('no-workspace');

    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Engagement' }).click();
    await page.getByRole('textbox', { name: 'Client', exact: true }).fill('');
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await expect(page.getByText('Client is required')).toBeVisible();
    await shot('validation');

    await page
      .getByRole('textbox', { name: 'Path to a .phiaudit file' })
      .fill('/srv/engagements/not-a-workspace.phiaudit');
    await page.getByRole('form', { name: 'Open by path' }).getByRole('button', { name: 'Open' }).click();
    await expect(page.getByTestId('error-display')).toBeVisible();
    await shot('error-display');
  });
}
