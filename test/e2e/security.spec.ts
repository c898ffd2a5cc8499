import { expect, test } from './fixtures';
import { collectConsoleErrors, createEngagement, northwind } from './helpers';

test('the app runs under its Content Security Policy without a violation or console error', async ({
  page,
  desk,
}) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });

  const response = await page.goto(desk.launchUrl);
  const headerPolicy = response?.headers()['content-security-policy'] ?? '';
  expect(headerPolicy).toContain("script-src 'self'");
  // The meta policy (for loads without the header) says the same, minus what a meta tag ignores.
  const metaPolicy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  const directives = (policy: string) =>
    policy
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d && !d.startsWith('frame-ancestors'));
  expect(directives(metaPolicy ?? '')).toEqual(directives(headerPolicy));
  await createEngagement(page, northwind);

  // Visit every screen, a dialog, both themes.
  const nav = page.getByRole('navigation', { name: 'Screens' });
  for (const name of [
    'Targets',
    'Assessments',
    'Findings',
    'Controls',
    'PHI flows',
    'Export',
    'Audit log',
    'Engagement',
  ]) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Edit settings' }).click();
  await expect(page.getByRole('dialog', { name: 'Engagement settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('button', { name: 'Switch to dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(/dark/);
  await page.getByRole('button', { name: 'Switch to light theme' }).click();
  await expect(page.locator('html')).toHaveClass(/light/);

  const violations = await page.evaluate(
    () => (window as unknown as { cspViolations: string[] }).cspViolations,
  );
  expect(violations).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('the API refuses a call without the session token (401) or with a wrong one', async ({
  request,
  desk,
}) => {
  const noToken = await request.post(`${desk.url}/api/call/app.info`, { data: {} });
  expect(noToken.status()).toBe(401);
  expect(((await noToken.json()) as { ok: boolean }).ok).toBe(false);

  const wrongToken = await request.post(`${desk.url}/api/call/app.info`, {
    data: {},
    headers: { authorization: 'Bearer not-the-token' },
  });
  expect(wrongToken.status()).toBe(401);

  const events = await request.get(`${desk.url}/api/events`, { timeout: 5_000 });
  expect(events.status()).toBe(401);

  const withToken = await request.post(`${desk.url}/api/call/app.info`, {
    data: {},
    headers: { authorization: `Bearer ${desk.token}` },
  });
  expect(withToken.status()).toBe(200);
  expect(((await withToken.json()) as { ok: boolean }).ok).toBe(true);
});

test('without the launch token the page explains how to open the app instead of failing', async ({
  page,
  desk,
}) => {
  await page.goto(desk.url);
  await expect(page.getByText('Open PHI Audit Desk from the address it printed')).toBeVisible();
});
