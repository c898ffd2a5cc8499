import { expect, test } from './fixtures';
import { collectConsoleErrors, createEngagement, northwind, openScreen, runDemoAssessment } from './helpers';

test('triage a high finding: a risk accepted without a justification is refused inline, then saved with one', async ({
  page,
  desk,
}) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await runDemoAssessment(page);

  // A high finding, not triaged yet.
  await openScreen(page, 'Findings');
  const findings = page.getByRole('table', { name: 'Findings' });
  await expect(findings.getByTestId('finding-row').first()).toBeVisible();
  const filtered = page.waitForResponse(
    (r) => r.url().endsWith('/api/call/findings.list') && (r.request().postData() ?? '').includes('"high"'),
  );
  await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'High' }).click();
  await filtered;
  const row = findings.getByTestId('finding-row').first();
  await expect(row.getByTestId('finding-triage-cell')).toHaveText('Not triaged');
  await row.getByRole('button').click();

  const drawer = page.getByRole('dialog', { name: /./ }).filter({ has: page.getByTestId('finding-detail') });
  const triage = drawer.getByRole('region', { name: 'Triage' });
  await expect(triage).toContainText('Decisions carry from run to run');
  await expect(triage).toContainText('164.308(a)(1)(ii)(B)');
  await expect(triage).toContainText('Not triaged');
  await triage.getByRole('button', { name: 'Edit triage' }).click();
  const form = triage.getByRole('form', { name: 'Edit triage' });

  // Risk accepted without a justification: the server refuses it and the field says why.
  await form.getByRole('combobox', { name: /^Status/ }).click();
  await page.getByRole('option', { name: 'Risk accepted', exact: true }).click();
  const justification = form.getByRole('textbox', { name: 'Justification (required)' });
  await expect(justification).toBeVisible();
  const refused = page.waitForResponse((r) => r.url().endsWith('/api/call/finding.triage'));
  await form.getByRole('button', { name: 'Save triage' }).click();
  const refusal = (await (await refused).json()) as { ok: boolean; error?: { field?: string } };
  expect(refusal.ok).toBe(false);
  expect(refusal.error?.field).toBe('justification');
  await expect(justification).toHaveAttribute('aria-invalid', 'true');
  await expect(justification).toHaveAccessibleDescription(/accepted risk needs a justification/);
  // Nothing was saved: still no decision, and the form stays open.
  await expect(triage).toContainText('Not triaged');
  await expect(triage.getByRole('table', { name: 'Triage history' })).toHaveCount(0);

  // With a justification, an owner and a due date it is saved.
  await justification.fill('Compensating control: the bucket is only reachable through the VPC endpoint.');
  await expect(justification).toHaveAttribute('aria-invalid', 'false');
  await form.getByRole('textbox', { name: 'Owner' }).fill('Priya Raman');
  await form.getByLabel('Due date').fill('2026-03-31');
  await form.getByRole('combobox', { name: /^Likelihood/ }).click();
  await page.getByRole('option', { name: 'Low', exact: true }).click();
  await form.getByRole('combobox', { name: /^Impact/ }).click();
  await page.getByRole('option', { name: 'High', exact: true }).click();
  await expect(page.getByRole('listbox')).toBeHidden();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/call/finding.triage'));
  await form.getByRole('button', { name: 'Save triage' }).click();
  expect(((await (await saved).json()) as { ok: boolean }).ok).toBe(true);
  await expect(form).toBeHidden();

  // The current decision, and the history lists it.
  const current = triage.locator('dl');
  await expect(current).toContainText('Risk accepted');
  await expect(current).toContainText('Priya Raman');
  await expect(current).toContainText('Mar 31, 2026');
  await expect(current).toContainText('Likelihood low · impact high');
  const history = triage.getByRole('table', { name: 'Triage history' });
  await expect(history.getByRole('row')).toHaveCount(2);
  await expect(history).toContainText('Risk accepted · owner Priya Raman · due Mar 31, 2026');
  await expect(history).toContainText('Compensating control');

  // The table shows the triage status beside the finding.
  await page.getByRole('button', { name: 'Close finding details' }).click();
  await expect(drawer).toBeHidden();
  await expect(row.getByTestId('finding-triage-cell')).toHaveText(/^Risk accepted\s*Priya Raman$/);

  // The decision is in the audit log.
  await openScreen(page, 'Audit log');
  await expect(
    page.getByRole('table', { name: 'Audit log entries' }).getByRole('cell', { name: 'triage.updated' }),
  ).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
