import { BackupServiceException } from '@aws-sdk/client-backup';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { BackupPlanProperties } from './resource';
import { backupSim } from './sim';
import { awsBackup as backup } from '.';

const prod = '210987654321';
type Run = Awaited<ReturnType<typeof collectService>>;
const plan = (run: Run, name: string) => {
  const found = run.resources.find((each) => each.name === name);
  if (!found) throw new Error(`no plan ${name}`);
  return found;
};

describe('the AWS Backup collector against the simulated AWS Backup', () => {
  it('reads rules, copy actions with their region and account, selections and the target vault key', async () => {
    const run = await collectService(backup, serviceScenario(backup));
    expect(run.gaps).toEqual([]);
    const legacy = plan(run, 'nwv-legacy-weekly');
    expect(legacy).toMatchObject({
      nativeId: `arn:aws:backup:us-east-1:${prod}:backup-plan:5c8e2a7f-4d1b-4f3a-8e9c-6b2d4f8a1c3e`,
      region: 'us-east-1',
    });
    const props = legacy.properties as BackupPlanProperties;
    expect(props.rules?.[0]).toMatchObject({
      name: 'weekly',
      targetVault: 'Default',
      targetVaultKeyArn: `arn:aws:kms:us-east-1:${prod}:key/5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f`,
      copyActions: [
        { region: 'eu-west-1', accountId: prod, deleteAfterDays: null },
        { region: 'us-east-1', accountId: '901234567890' },
      ],
    });
    expect(props.selections).toEqual([
      expect.objectContaining({
        name: 'legacy-stores',
        resources: [
          `arn:aws:rds:us-east-1:${prod}:db:nwv-legacy-storefront-db`,
          `arn:aws:elasticfilesystem:us-east-1:${prod}:file-system/fs-0b2c3d4e5f6071829`,
        ],
      }),
    ]);
    expect(
      (plan(run, 'nwv-phi-daily').properties as BackupPlanProperties).selections?.[0]?.tagConditions,
    ).toEqual([
      { source: 'ListOfTags', operator: 'STRINGEQUALS', key: 'phi', value: 'true' },
      { source: 'ListOfTags', operator: 'STRINGEQUALS', key: 'data-classification', value: 'phi' },
    ]);
  });

  it('the demo fails the legacy plan (eu-west-1 copy, third-party account) beside the compliant PHI plan', async () => {
    const scenario = serviceScenario(backup);
    const results = judge(backup, scenario, (await collectService(backup, scenario)).resources);
    const result = (rule: string, id: string) =>
      results.get(`aws.backup.${rule}|arn:aws:backup:us-east-1:${prod}:backup-plan:${id}`);
    expect(result('copy-region', '5c8e2a7f-4d1b-4f3a-8e9c-6b2d4f8a1c3e')?.status).toBe('fail');
    expect(result('copy-other-account', '5c8e2a7f-4d1b-4f3a-8e9c-6b2d4f8a1c3e')?.detail).toContain(
      'into account 901234567890 (arn:aws:backup:us-east-1:901234567890:backup-vault:brightcopy-offsite-nwv, rule weekly), which this run did not assess',
    );
    expect(result('copy-region', '3a1f7c2e-8b4d-4e6a-9c0b-2d5e8f1a4b7c')?.status).toBe('pass');
    // The shared-services account is a target of this run: a copy into it passes and is named.
    expect(result('copy-other-account', '3a1f7c2e-8b4d-4e6a-9c0b-2d5e8f1a4b7c')?.detail).toContain(
      'into account 345678901234, assessed in this run',
    );
  });

  it('pages every list with NextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(backup),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(backup, scenario);
    const whole = await collectService(backup, serviceScenario(backup));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const selectionPages = paged.evidence.filter((each) => each.operation === 'ListBackupSelections');
    expect(
      selectionPages.some((each) => typeof (each.request as { NextToken?: string }).NextToken === 'string'),
    ).toBe(true);
  });

  it('AccessDenied on GetBackupSelection leaves the selections unknown, the copy actions still judged', async () => {
    const run = await collectService(
      backup,
      serviceScenario(backup, [
        { provider: 'aws', service: 'backup', operation: 'GetBackupSelection', kind: 'access_denied' },
      ]),
    );
    const props = plan(run, 'nwv-legacy-weekly').properties as BackupPlanProperties;
    expect(props.selections).toBeUndefined();
    expect(props.rules).toBeDefined();
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringContaining(
        'GetBackupSelection for nwv-legacy-weekly, selection legacy-stores in us-east-1',
      ),
    );
  });
});

describe('the simulated AWS Backup', () => {
  function answer(operation: keyof typeof backupSim.answers, input: Record<string, unknown>) {
    const scenario = serviceScenario(backup);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return backupSim.answers[operation]!({
      account: account as Parameters<(typeof backupSim.answers)['ListBackupPlans']>[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input,
      state: undefined,
      error: backupSim.error,
      pageSize: 1000,
    });
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('leaves CopyActions out of a rule that copies nothing, and answers its own errors', () => {
    const shared = serviceScenario(backup).aws.accounts.find((each) => each.accountId === '345678901234')!;
    const monthly = backupSim.answers.GetBackupPlan!({
      account: shared as Parameters<(typeof backupSim.answers)['GetBackupPlan']>[0]['account'],
      organisation: {},
      scenario: serviceScenario(backup),
      region: 'us-east-1',
      input: { BackupPlanId: '8e1b3d5f-7a9c-4b2e-9d4f-6a8c0e2b4d6f' },
      state: undefined,
      error: backupSim.error,
      pageSize: 1000,
    }) as { BackupPlan: { Rules: Record<string, unknown>[] } };
    expect(monthly.BackupPlan.Rules[0]?.CopyActions).toBeUndefined();
    const missing = thrown(() => answer('GetBackupPlan', { BackupPlanId: 'nope' }));
    expect(missing).toBeInstanceOf(BackupServiceException);
    expect(missing).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(thrown(() => answer('ListBackupPlans', { MaxResults: 0 }))).toMatchObject({
      name: 'InvalidParameterValueException',
    });
    expect(thrown(() => answer('ListBackupVaults', { NextToken: 'nope' }))).toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });

  it('names a bad scenario field by its path and generates plans', async () => {
    const registry = serviceRegistry(backup);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { backupPlans: { rules: { vault: string }[] }[] }[] };
    };
    scenario.aws.accounts[0]!.backupPlans[0]!.rules[0]!.vault = 'missing-vault';
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.backupPlans\[0\]\.rules\[0\]\.vault: no backup vault missing-vault/,
    );
    const generated = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 3,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 5,
    });
    const run = await collectService(backup, generated);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(4);
  });
});
