import { readdirSync } from 'node:fs';
import { hasCommand, makeOpensslP12 } from '../support/certificates';
import { expect, test } from './fixtures';
import { createEngagement, northwind, openScreen, runDemoAssessment } from './helpers';

test('export with the self-signed engagement certificate, see it listed, and verify it: every file ok, both signatures valid', async ({
  page,
  desk,
}) => {
  test.setTimeout(120_000);
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await runDemoAssessment(page);
  await openScreen(page, 'Export');

  const form = page.getByRole('form', { name: 'Export audit package' });
  await expect(form.getByRole('radio', { name: /Self-signed engagement certificate/ })).toBeChecked();
  await expect(page.getByTestId('self-signed-note')).toContainText('does not prove who signed it');
  const started = page.waitForResponse((r) => r.url().endsWith('/api/call/export.start'));
  await form.getByRole('button', { name: 'Export package' }).click();
  expect((await started).status()).toBe(200);

  const outcome = page.getByTestId('export-outcome');
  await expect(outcome).toContainText('Package exported', { timeout: 90_000 });
  await expect(
    page.getByTestId('export-progress').getByRole('progressbar', { name: 'Export progress' }),
  ).toHaveAttribute('aria-valuenow', '100');
  await expect(outcome).toContainText('self-signed engagement certificate');
  const folder = (await page.getByTestId('export-folder').textContent()) ?? '';
  expect(folder.startsWith(desk.workspaceDir)).toBe(true);
  expect(readdirSync(desk.workspaceDir)).toEqual(
    expect.arrayContaining([
      folder.slice(desk.workspaceDir.length + 1),
      `${folder.slice(desk.workspaceDir.length + 1)}.zip`,
    ]),
  );

  const exportsTable = page.getByRole('table', { name: 'Exported packages' });
  await expect(exportsTable.getByTestId('export-row')).toHaveCount(1);
  await expect(exportsTable.getByTestId('export-row')).toContainText(folder);
  await expect(exportsTable.getByTestId('export-row')).toContainText('Self-signed');

  // Verify by typing the package's path, as a reviewer who received it would.
  const verifyForm = page.getByRole('form', { name: 'Verify a package' });
  await verifyForm.getByRole('textbox', { name: 'Package folder or .zip' }).fill(`${folder}.zip`);
  await verifyForm.getByRole('button', { name: 'Verify' }).click();
  const report = page.getByTestId('package-verification');
  await expect(report.getByTestId('verification-summary')).toContainText('Package intact');
  await expect(report.getByTestId('files-ok')).toBeVisible();
  for (const problem of ['changed', 'missing', 'unexpected'])
    await expect(report.getByTestId(`files-${problem}`)).toHaveCount(0);
  await expect(report.getByTestId('manifest-signature-status')).toHaveText('Valid');
  await expect(report.getByTestId('pdf-signature-status')).toHaveText('Valid');
  await expect(report.getByTestId('manifest-signature')).toContainText('Self-signed');
  await expect(report.getByTestId('pdf-signature')).toContainText('Self-signed');

  // The folder form of the same package, from the table.
  await exportsTable.getByRole('button', { name: 'Verify package 1' }).click();
  await expect(report.getByTestId('verification-summary')).toContainText(folder);
  await expect(report.getByTestId('verification-summary')).toContainText('Package intact');
});

test('a P12 opened with the wrong passphrase is refused with the message, and nothing is exported', async ({
  page,
  desk,
}) => {
  test.skip(!hasCommand('openssl'), 'needs openssl to make a test certificate');
  const p12 = makeOpensslP12(desk.workspaceDir, 'correct horse', 'Dana Whitfield');

  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Export');
  const form = page.getByRole('form', { name: 'Export audit package' });
  await form.getByRole('radio', { name: /My certificate \(P12 \/ PFX file\)/ }).check();
  await form.getByRole('textbox', { name: 'Certificate file' }).fill(p12);
  await form.getByLabel('Passphrase').fill('wrong passphrase');
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/call/export.start'));
  await form.getByRole('button', { name: 'Export package' }).click();
  const body = (await (await refused).json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(body.ok).toBe(false);

  const error = page.getByTestId('export-error');
  await expect(error).toContainText(body.error!.message);
  await expect(page.getByTestId('export-outcome')).toHaveCount(0);
  await expect(page.getByRole('table', { name: 'Exported packages' })).toContainText(
    'No package has been exported from this workspace yet.',
  );
  expect(readdirSync(desk.workspaceDir).filter((f) => f.includes('audit-package'))).toEqual([]);
});
