import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { createEngagement, northwind, openScreen, runDemoAssessment, writeSlowScenario } from './helpers';

/**
 * Visual review of the assessment-to-export workflow, not an assertion suite:
 * `PHI_AUDIT_SHOTS_DIR=/tmp/shots npx playwright test -c test/e2e/playwright.config.ts screenshots-workflow`
 * writes each step in both themes as PNGs.
 */
const shotsDir = process.env.PHI_AUDIT_SHOTS_DIR;

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshots of the assessment-to-export workflow (${scheme})`, async ({ page, desk }) => {
    test.skip(!shotsDir, 'set PHI_AUDIT_SHOTS_DIR to write screenshots');
    test.setTimeout(180_000);
    const dir = shotsDir!;
    mkdirSync(dir, { recursive: true });
    const shot = (name: string, fullPage = false) =>
      page.screenshot({ path: join(dir, `${scheme}-${name}.png`), animations: 'disabled', fullPage });
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width: 1440, height: 900 });
    const scenario = writeSlowScenario(desk.workspaceDir);

    await page.goto(desk.launchUrl);
    await createEngagement(page, northwind);
    await openScreen(page, 'Assessments');
    await shot('assessments-empty');

    // Live targets form.
    const form = page.getByRole('form', { name: 'Run assessment' });
    await form.getByRole('radio', { name: /Live targets/ }).check();
    await form.getByRole('button', { name: 'Add AWS account' }).click();
    const awsDialog = page.getByRole('dialog', { name: 'Add AWS account' });
    await awsDialog.getByRole('textbox', { name: 'Label' }).fill('Production');
    await awsDialog.getByRole('textbox', { name: 'Account ID' }).fill('123456789012');
    await awsDialog.getByRole('textbox', { name: 'Profile' }).fill('northwind-audit');
    await shot('target-dialog-aws');
    await awsDialog.getByRole('button', { name: 'Add target' }).click();
    await form.getByRole('button', { name: 'Add Azure subscription' }).click();
    const azureDialog = page.getByRole('dialog', { name: 'Add Azure subscription' });
    await azureDialog.getByRole('textbox', { name: 'Label' }).fill('Azure production');
    await azureDialog
      .getByRole('textbox', { name: 'Subscription ID' })
      .fill('7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b');
    await azureDialog
      .getByRole('textbox', { name: 'Tenant ID' })
      .fill('3f8a2b6c-1d4e-4f7a-9b2c-5e8d1a4f7b3c');
    await shot('target-dialog-azure');
    await azureDialog.getByRole('button', { name: 'Add target' }).click();
    await expect(page.getByRole('list', { name: 'Live targets' })).toBeVisible();
    await shot('assessments-live-targets');

    // A slow run, while it collects.
    await form.getByRole('radio', { name: /Scenario file/ }).check();
    await form.getByRole('textbox', { name: 'Scenario file path' }).fill(scenario);
    await form.getByRole('button', { name: 'Start assessment' }).click();
    const progress = page.getByTestId('assessment-progress');
    await expect(progress.getByTestId('progress-count')).toContainText('tasks');
    await shot('assessments-running');
    await progress.getByRole('button', { name: 'Cancel run' }).click();
    await expect(progress.getByTestId('assessment-outcome')).toContainText('cancelled');
    await shot('assessments-cancelled');

    await runDemoAssessment(page);
    await shot('assessments-completed');
    await page.getByRole('button', { name: 'Access kit' }).click();
    await expect(page.getByTestId('access-kit-document')).toBeVisible();
    await shot('access-kit');
    await page
      .getByRole('dialog', { name: 'Access request kit' })
      .getByRole('button', { name: 'Close' })
      .click();

    await openScreen(page, 'Targets');
    await shot('targets');

    await openScreen(page, 'Controls');
    await expect(page.getByTestId('control-row').first()).toBeVisible();
    await shot('controls');

    await openScreen(page, 'Findings');
    await expect(page.getByTestId('finding-row').first()).toBeVisible();
    await shot('findings');
    await shot('findings-full', true);
    await page.getByTestId('finding-row').first().getByRole('button').click();
    await expect(page.getByTestId('finding-citations')).toBeVisible();
    await shot('finding-detail');
    await page.getByRole('tablist', { name: 'Remediation' }).getByRole('tab', { name: 'Terraform' }).click();
    await page.getByRole('table', { name: 'Evidence of this finding' }).getByRole('button').last().click();
    await expect(page.getByTestId('evidence-hash-check')).toBeVisible();
    await shot('evidence');
    await page
      .getByRole('dialog', { name: /^Evidence #/ })
      .getByRole('button', { name: 'Close' })
      .click();
    await page.getByRole('button', { name: 'Close finding details' }).click();

    await openScreen(page, 'Export');
    await shot('export-form');
    await page.getByRole('radio', { name: /My certificate \(P12 \/ PFX file\)/ }).check();
    await shot('export-p12');
    await page.getByRole('radio', { name: /Self-signed engagement certificate/ }).check();
    await page.getByRole('button', { name: 'Export package' }).click();
    await expect(page.getByTestId('export-outcome')).toContainText('Package exported', { timeout: 90_000 });
    await shot('export-result');
    await page.getByRole('button', { name: 'Verify this package' }).click();
    await expect(page.getByTestId('verification-summary')).toBeVisible();
    await shot('export-verified');
    await shot('export-full', true);
  });
}
