import { expect, test } from './fixtures';
import { createEngagement, northwind } from './helpers';

test('the theme follows the system until chosen, and the choice survives a reload', async ({
  page,
  desk,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(desk.launchUrl);
  await expect(page.locator('html')).toHaveClass(/dark/);

  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveClass(/light/);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Switch to dark theme' })).toBeVisible();
  await expect(page.locator('html')).toHaveClass(/light/);
});

test('screens that need a workspace say so and lead to Engagement', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Findings' })).toBeVisible();
  await expect(page.getByText('No engagement is open')).toBeVisible();
  await page.getByRole('link', { name: 'Go to Engagement' }).click();
  await expect(page.getByRole('heading', { name: 'Create engagement' })).toBeVisible();
});

test('with a workspace open, assessment screens are honest about having no data yet', async ({
  page,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  const nav = page.getByRole('navigation', { name: 'Screens' });
  await nav.getByRole('link', { name: 'Findings' }).click();
  await expect(page.getByText('No assessment has run in this workspace yet.')).toBeVisible();
  await nav.getByRole('link', { name: 'Targets' }).click();
  await expect(page.getByText('No targets in this workspace yet')).toBeVisible();
});

test('a change made in another window arrives live over the event stream', async ({
  page,
  context,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);

  // A second tab of the same session (its own launch URL, as a user would open it).
  const other = await context.newPage();
  await other.goto(desk.launchUrl);
  await expect(other.getByRole('heading', { level: 1, name: 'Northwind Health' })).toBeVisible();
  await other.getByRole('button', { name: 'Close engagement' }).click();
  await expect(other.getByRole('heading', { name: 'Create engagement' })).toBeVisible();

  // The first tab was not touched: the workspace.changed event updates it.
  await expect(page.getByRole('heading', { name: 'Create engagement' })).toBeVisible();
  await expect(page.getByTestId('workspace-menu-button')).toHaveText(/No engagement open/);
});
