import { expect, test } from './fixtures';
import {
  collectConsoleErrors,
  createEngagement,
  northwind,
  numberIn,
  openScreen,
  runDemoAssessment,
  writeSlowScenario,
} from './helpers';

test('run the demo from Assessments, then follow a high finding to its citation, remediation and evidence', async ({
  page,
  desk,
}) => {
  const consoleErrors = collectConsoleErrors(page);
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await runDemoAssessment(page);

  // The live view ends on the run's totals.
  const progress = page.getByTestId('assessment-progress');
  await expect(progress.getByTestId('progress-message')).toHaveText('Assessment complete');
  await expect(progress.getByRole('progressbar', { name: 'Assessment progress' })).toHaveAttribute(
    'aria-valuenow',
    '100',
  );
  expect(await numberIn(progress.getByTestId('progress-evidence'))).toBeGreaterThan(0);
  expect(await numberIn(progress.getByTestId('progress-gaps'))).toBeGreaterThan(0);

  // The run history lists the completed run with failing findings.
  const run = page.getByRole('table', { name: 'Assessment runs' }).getByTestId('run-row').first();
  await expect(run).toContainText(/completed/i);
  await expect(run).toContainText('Northwind Vitals (demo)');
  expect(await numberIn(run.getByTestId('run-failing'))).toBeGreaterThan(0);

  // Targets the run read.
  await openScreen(page, 'Targets');
  await expect(page.getByRole('table', { name: 'Targets' }).getByTestId('target-row')).toHaveCount(3);

  // Findings: only high severity.
  await openScreen(page, 'Findings');
  const findings = page.getByRole('table', { name: 'Findings' });
  await expect(findings.getByTestId('finding-row').first()).toBeVisible();
  const filtered = page.waitForResponse(
    (r) => r.url().endsWith('/api/call/findings.list') && (r.request().postData() ?? '').includes('"high"'),
  );
  await page.getByRole('group', { name: 'Severity' }).getByRole('button', { name: 'High' }).click();
  await filtered;
  await expect(findings.getByTestId('finding-row').first()).toBeVisible();
  await expect(findings.getByText('Medium', { exact: true })).toHaveCount(0);
  await expect(page.getByTestId('findings-count')).toContainText(/^\d+ findings? in run #1/);

  // Its detail: citation with its title, rationale, remediation.
  await findings.getByTestId('finding-row').first().getByRole('button').click();
  const detail = page.getByTestId('finding-detail');
  await expect(detail.getByTestId('finding-citations')).toContainText(/45 CFR 164\.3(08|10|12|14|16)\(/);
  await expect(detail.getByRole('region', { name: 'Why it matters' })).toContainText('164.');
  const remediation = detail.getByRole('tablist', { name: 'Remediation' });
  await expect(detail.getByTestId('remediation-text')).not.toBeEmpty();
  const codeTabs = remediation.getByRole('tab');
  expect(await codeTabs.count()).toBeGreaterThan(1);
  await codeTabs.nth(1).click();
  await expect(detail.getByRole('tabpanel')).toContainText(/\S/);

  // One evidence item: the raw response and its SHA-256, recomputed in the window.
  await detail.getByRole('table', { name: 'Evidence of this finding' }).getByRole('button').first().click();
  const evidence = page.getByRole('dialog', { name: /^Evidence #\d+/ });
  await expect(evidence.getByTestId('evidence-sha256')).toHaveText(/^[0-9a-f]{64}$/);
  await expect(evidence.getByTestId('evidence-hash-check')).toContainText('matches');
  await expect(evidence.getByTestId('evidence-body')).not.toBeEmpty();
  await evidence.getByRole('button', { name: 'Close' }).click();
  await expect(evidence).toBeHidden();
  await page.getByRole('button', { name: 'Close finding details' }).click();
  await expect(detail).toBeHidden();

  // What was not assessed: the demo's injected AccessDenied.
  const gaps = page.getByTestId('coverage-gaps');
  await expect(gaps.getByTestId('gap-row').first()).toContainText('Access denied');
  await expect(gaps).toContainText('AccessDenied');
  expect(consoleErrors).toEqual([]);
});

test('re-evaluating offline adds an evaluation run over the same resources', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await runDemoAssessment(page);
  const evaluated = page.waitForResponse((r) => r.url().endsWith('/api/call/assess.evaluate'));
  await page.getByRole('button', { name: 'Re-evaluate offline' }).click();
  expect((await evaluated).status()).toBe(200);
  await expect(page.getByTestId('reevaluation-result')).toContainText(
    'Run #2 re-evaluated the resources of run #1',
  );
  const latest = page.getByRole('table', { name: 'Assessment runs' }).getByTestId('run-row').first();
  await expect(latest).toContainText('Offline re-evaluation');
  await expect(latest).toContainText('of run #1');
});

test('a slow scenario run shows live progress and can be cancelled; the run is kept as cancelled', async ({
  page,
  desk,
}) => {
  const scenario = writeSlowScenario(desk.workspaceDir);
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Assessments');

  const form = page.getByRole('form', { name: 'Run assessment' });
  await form.getByRole('radio', { name: /Scenario file/ }).check();
  await form.getByRole('textbox', { name: 'Scenario file path' }).fill(scenario);
  await form.getByRole('button', { name: 'Start assessment' }).click();

  // Collecting: the count is in tasks, the phase is Collect, and the run can be cancelled.
  const progress = page.getByTestId('assessment-progress');
  await expect(progress.getByRole('heading', { name: 'Assessment running' })).toBeVisible();
  await expect(progress.getByTestId('progress-count')).toContainText('tasks');
  await expect(form.getByRole('button', { name: 'Start assessment' })).toBeDisabled();

  const cancelled = page.waitForResponse((r) => r.url().endsWith('/api/call/job.cancel'));
  await progress.getByRole('button', { name: 'Cancel run' }).click();
  expect(
    ((await (await cancelled).json()) as { ok: boolean; value: { cancelled: boolean } }).value.cancelled,
  ).toBe(true);

  await expect(progress.getByTestId('assessment-outcome')).toContainText('Assessment cancelled');
  await expect(progress.getByTestId('assessment-outcome')).toContainText('evidence items kept');
  const run = page.getByRole('table', { name: 'Assessment runs' }).getByTestId('run-row').first();
  await expect(run).toContainText(/cancelled/i);
  await expect(run).toContainText('Northwind Vitals (slow)');
  await expect(form.getByRole('button', { name: 'Start assessment' })).toBeEnabled();
});

test('a scenario file that does not exist is refused at once, beside the form', async ({ page, desk }) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Assessments');
  const form = page.getByRole('form', { name: 'Run assessment' });
  await form.getByRole('radio', { name: /Scenario file/ }).check();
  await form.getByRole('textbox', { name: 'Scenario file path' }).fill(`${desk.workspaceDir}/missing.json`);
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByTestId('assessment-start-error')).toContainText('Cannot read scenario file');
  await expect(page.getByTestId('assessment-progress')).toHaveCount(0);
});

test('live targets are added in a dialog without starting anything; a profile that cannot sign in becomes a coverage gap', async ({
  page,
  desk,
}) => {
  const starts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/assess.start')) starts.push(r.postData() ?? '');
  });
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Assessments');
  const form = page.getByRole('form', { name: 'Run assessment' });
  await form.getByRole('radio', { name: /Live targets/ }).check();
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByTestId('assessment-start-error')).toContainText(
    'Add at least one AWS account or Azure subscription.',
  );

  await form.getByRole('button', { name: 'Add AWS account' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add AWS account' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Production');
  await dialog.getByRole('textbox', { name: 'Account ID' }).fill('12345');
  await dialog.getByRole('textbox', { name: 'Profile' }).fill('phi-audit-e2e-no-such-profile');
  // The engagement's approved AWS region is proposed.
  await expect(dialog.getByRole('button', { name: 'us-east-1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByText('An AWS account id is 12 digits.')).toBeVisible();
  await dialog.getByRole('textbox', { name: 'Account ID' }).fill('123456789012');
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog).toBeHidden();

  const targets = page.getByRole('list', { name: 'Live targets' });
  await expect(targets).toContainText('Production');
  await expect(targets).toContainText('Profile phi-audit-e2e-no-such-profile');
  expect(starts).toEqual([]);

  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByTestId('assessment-outcome')).toBeVisible();
  expect(starts).toHaveLength(1);
  expect(JSON.parse(starts[0]!)).toMatchObject({
    source: {
      kind: 'live',
      targets: [
        {
          provider: 'aws',
          scopeId: '123456789012',
          auth: { method: 'profile', profile: 'phi-audit-e2e-no-such-profile' },
        },
      ],
    },
  });
  expect(await numberIn(page.getByTestId('progress-gaps'))).toBe(1);

  await openScreen(page, 'Targets');
  const row = page.getByRole('table', { name: 'Targets' }).getByTestId('target-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Profile phi-audit-e2e-no-such-profile');
});

test('an Azure target in a custom cloud asks for its endpoints, https only, and the run talks to that endpoint', async ({
  page,
  desk,
}) => {
  const starts: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/call/assess.start')) starts.push(r.postData() ?? '');
  });
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Assessments');
  const form = page.getByRole('form', { name: 'Run assessment' });
  await form.getByRole('radio', { name: /Live targets/ }).check();
  await form.getByRole('button', { name: 'Add Azure subscription' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add Azure subscription' });
  await dialog.getByRole('textbox', { name: 'Label' }).fill('Stack Hub');
  await dialog.getByRole('textbox', { name: 'Subscription ID' }).fill('7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b');
  await dialog.getByRole('combobox', { name: 'Cloud' }).click();
  await page.getByRole('option', { name: 'Custom ARM endpoint (Azure Stack Hub…)' }).click();
  await dialog.getByRole('textbox', { name: 'Tenant ID' }).fill('adfs');
  await dialog.getByRole('combobox', { name: 'Regions' }).fill('local');
  await dialog.getByRole('combobox', { name: 'Regions' }).press('Enter');
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByText(/The ARM endpoint, an https URL/)).toBeVisible();
  await expect(dialog.getByText(/The sign-in authority, an https URL/)).toBeVisible();

  await dialog.getByRole('textbox', { name: 'ARM endpoint' }).fill('http://127.0.0.1:9');
  await dialog.getByRole('textbox', { name: 'Authority host' }).fill('https://127.0.0.1:9/adfs');
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog.getByText(/The ARM endpoint, an https URL/)).toBeVisible();
  await dialog.getByRole('textbox', { name: 'ARM endpoint' }).fill('https://127.0.0.1:9');
  await dialog.getByRole('button', { name: 'Add target' }).click();
  await expect(dialog).toBeHidden();

  const targets = page.getByRole('list', { name: 'Live targets' });
  await expect(targets).toContainText('Azure CLI, tenant adfs at https://127.0.0.1:9');
  await form.getByRole('button', { name: 'Start assessment' }).click();
  await expect(page.getByTestId('assessment-outcome')).toBeVisible();
  expect(JSON.parse(starts[0]!)).toMatchObject({
    source: {
      kind: 'live',
      targets: [
        {
          provider: 'azure',
          cloud: 'custom',
          auth: {
            armEndpoint: 'https://127.0.0.1:9',
            authorityHost: 'https://127.0.0.1:9/adfs',
            tenantId: 'adfs',
          },
        },
      ],
    },
  });
  await openScreen(page, 'Targets');
  const row = page.getByRole('table', { name: 'Targets' }).getByTestId('target-row');
  await expect(row).toContainText('Custom endpoint');
  await expect(row).toContainText('at https://127.0.0.1:9');
});
