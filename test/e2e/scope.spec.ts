import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { collectConsoleErrors, openScreen } from './helpers';

const root = resolve(import.meta.dirname, '../..');
/** Set to write the scope screens as PNGs for a visual review. */
const shotsDir = process.env.PHI_AUDIT_SHOTS_DIR;

/** The demo workspace, made by the CLI in the server's workspace folder. Returns its path. */
function seedDemo(dir: string): string {
  const r = spawnSync(
    process.execPath,
    [join(root, 'dist/cli.mjs'), 'demo', '--out', dir, '--progress', 'none'],
    {
      encoding: 'utf8',
    },
  );
  if (r.status !== 0) throw new Error(`phi-audit demo failed: ${r.stderr}`);
  return join(
    dir,
    readdirSync(dir).find((f) => f.endsWith('.phiaudit'))!,
  );
}

test('Assessments and Findings say what the run assessed and what it did not', async ({ page, desk }) => {
  const consoleErrors = collectConsoleErrors(page);
  const file = seedDemo(desk.workspaceDir);
  await page.setViewportSize({ width: 1440, height: 1000 });
  await page.goto(desk.launchUrl);
  const open = page.getByRole('form', { name: 'Open by path' });
  await open.getByRole('textbox', { name: 'Path to a .phiaudit file' }).fill(file);
  await open.getByRole('button', { name: 'Open' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Vitals, Inc. (demo)' })).toBeVisible();

  // Assessments: the run's scope, per target.
  await openScreen(page, 'Assessments');
  const panel = page.getByTestId('run-scope');
  await expect(
    panel.getByRole('heading', { name: 'Scope of run #1: what was assessed, and what was not' }),
  ).toBeVisible();
  await expect(panel.getByTestId('scope-summary')).toContainText(
    'Assessed: Amazon S3, AWS Key Management Service, Amazon Simple Queue Service, AWS CloudTrail, Azure Storage, Azure Key Vault',
  );
  await expect(panel.getByTestId('scope-summary')).toContainText('4 coverage gaps');
  await expect(panel.getByTestId('scope-target')).toHaveCount(3);
  const prod = panel.getByRole('region', { name: 'Scope of Northwind Vitals prod' });
  await expect(prod).toContainText('Signed in');
  await expect(prod).toContainText('arn:aws:sts::210987654321:assumed-role/');
  await expect(prod).toContainText(/Amazon S3: \d+ S3 buckets \(10 rules\)/);
  await expect(prod).toContainText(/Amazon GuardDuty: 3 GuardDuty in account regions \(3 rules\)/);
  await expect(prod).toContainText('us-east-1, us-west-2, eu-west-1');
  const shared = panel.getByRole('region', { name: 'Scope of Northwind Vitals shared services' });
  await expect(shared).toContainText('s3 GetBucketLogging, access denied: us-east-1 ×3, us-west-2');
  const azure = panel.getByRole('region', { name: 'Scope of Northwind Vitals Azure production' });
  await expect(azure).toContainText('centralus (1 Storage account replica)');
  // The eligibility check names the dated list it used.
  await expect(panel.getByTestId('eligibility-list-aws')).toContainText(
    'HIPAA service list (AWS): AWS HIPAA Eligible Services Reference, dated 2026-05-22.',
  );
  if (shotsDir) {
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(shotsDir, 'assessments-scope.png'), fullPage: true });
  }

  // Findings: one line above the table, the details a click away.
  await openScreen(page, 'Findings');
  const banner = page.getByTestId('scope-banner');
  await expect(banner).toContainText(
    'Assessed: Amazon S3, AWS Key Management Service, Amazon Simple Queue Service, AWS CloudTrail, Azure Storage, Azure Key Vault, AWS Config,',
  );
  await expect(banner).toContainText('AWS Backup, AWS Lambda in 3 targets');
  await expect(banner).toContainText('4 coverage gaps');
  if (shotsDir) await page.screenshot({ path: join(shotsDir, 'findings-scope-banner.png') });
  await banner.getByRole('button', { name: 'Scope details' }).click();
  const dialog = page.getByRole('dialog', { name: 'Scope of run #1: what was assessed, and what was not' });
  await expect(dialog.getByTestId('scope-target')).toHaveCount(3);
  await expect(dialog.getByRole('region', { name: 'Scope of Northwind Vitals prod' })).toContainText(
    /AWS Key Management Service: \d+ KMS keys \(3 rules\)/,
  );
  if (shotsDir) await page.screenshot({ path: join(shotsDir, 'findings-scope-dialog.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
  expect(consoleErrors).toEqual([]);
});
