import { expect, test } from './fixtures';
import { createEngagement, northwind, openScreen, runDemoAssessment } from './helpers';

test('the control matrix lists the 68 Security Rule rows and marks those the demo’s failures cite', async ({
  page,
  desk,
}) => {
  await page.goto(desk.launchUrl);
  await createEngagement(page, northwind);
  await openScreen(page, 'Controls');
  const matrix = page.getByRole('table', { name: 'Security Rule control matrix' });
  await expect(matrix.getByTestId('control-row')).toHaveCount(68);
  await expect(matrix.getByText('No evidence', { exact: true })).toHaveCount(68);

  await runDemoAssessment(page);
  await openScreen(page, 'Controls');
  const encryption = matrix.getByTestId('control-row').filter({ hasText: '164.312(a)(2)(iv)' });
  await expect(encryption).toContainText('Gaps found (automated)');
  await expect(encryption).toContainText('Encryption and decryption');

  await page.getByRole('tab', { name: /^Technical/ }).click();
  await expect(matrix.getByTestId('control-row').first()).toContainText('164.312');
  await expect(matrix.getByTestId('control-row').filter({ hasText: '164.308' })).toHaveCount(0);
});
