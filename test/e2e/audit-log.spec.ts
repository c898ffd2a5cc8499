import { expect, test } from './fixtures';
import { createEngagement, northwind } from './helpers';

test('the audit log lists creation and settings changes, and its chain verifies intact', async ({
  page,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);

  await page.getByRole('button', { name: 'Edit settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Engagement settings' });
  await dialog.getByRole('textbox', { name: 'Consultant' }).fill('Riley Okafor');
  const updated = page.waitForResponse((r) => r.url().endsWith('/api/call/engagement.update'));
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  expect((await updated).status()).toBe(200);
  await expect(dialog).toBeHidden();
  await expect(page.getByText('Riley Okafor')).toBeVisible();

  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Audit log' }).click();
  const table = page.getByRole('table', { name: 'Audit log entries' });
  await expect(table.getByRole('cell', { name: 'engagement.updated' })).toBeVisible();
  await expect(table.getByRole('cell', { name: 'workspace.created' })).toBeVisible();

  // Details expand in place.
  await table.getByRole('button', { name: 'Show details of entry 2' }).click();
  await expect(table.getByText('Riley Okafor')).toBeVisible();

  await page.getByRole('button', { name: 'Verify chain' }).click();
  const verdict = page.getByTestId('audit-verification');
  await expect(verdict).toContainText('Chain intact');
  await expect(verdict).toContainText('All 2 entries verified');
});
