import { BackupServiceException } from '@aws-sdk/client-backup';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  guid,
  isoTime,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * AWS Backup in a scenario: each account's vaults and plans (with rules, copy actions and
 * selections), per region. Answers follow the AWS Backup API reference (REST-JSON):
 * ListBackupPlans / ListBackupSelections / ListBackupVaults page with MaxResults (1–1000) and an
 * opaque NextToken present only while more remain; GetBackupPlan answers BackupPlan.Rules with
 * CopyActions[].DestinationBackupVaultArn (absent CopyActions when a rule copies nothing);
 * GetBackupSelection answers Resources, NotResources, ListOfTags and Conditions as written; an
 * unknown plan or selection is ResourceNotFoundException; a bad MaxResults or token
 * InvalidParameterValueException.
 */

const vaultName = z
  .string()
  .regex(/^[a-zA-Z0-9\-_]{2,50}$/, 'must be 2–50 letters, digits, hyphens or underscores');

const scenarioVault = z.strictObject({
  name: vaultName,
  region: awsRegion,
  /** The KMS key that encrypts its recovery points */
  encryptionKeyArn: z.string().min(1),
  locked: z.boolean().default(false),
  recoveryPoints: z.number().int().min(0).default(0),
  createdAt: isoTime.default('2023-01-10T10:00:00Z'),
});

const scenarioPlan = z.strictObject({
  id: guid,
  name: z
    .string()
    .regex(/^[a-zA-Z0-9\-_.]{1,50}$/, 'must be 1–50 letters, digits, hyphens, underscores or dots'),
  region: awsRegion,
  rules: z
    .array(
      z.strictObject({
        name: z.string().min(1),
        vault: vaultName,
        schedule: z.string().default('cron(0 5 ? * * *)'),
        deleteAfterDays: z.number().int().min(1).optional(),
        continuousBackup: z.boolean().default(false),
        copyActions: z
          .array(
            z.strictObject({
              destinationVaultArn: z.string().min(1),
              deleteAfterDays: z.number().int().min(1).optional(),
            }),
          )
          .default([]),
      }),
    )
    .min(1),
  selections: z
    .array(
      z.strictObject({
        id: guid,
        name: z.string().min(1),
        resources: z.array(z.string()).default([]),
        notResources: z.array(z.string()).default([]),
        /** ListOfTags: STRINGEQUALS conditions, OR-ed */
        listOfTags: z.array(z.strictObject({ key: z.string(), value: z.string() })).default([]),
      }),
    )
    .default([]),
  createdAt: isoTime.default('2023-01-10T10:00:00Z'),
});

const account = {
  backupVaults: z.array(scenarioVault).default([]),
  backupPlans: z.array(scenarioPlan).default([]),
};
const organisation = {};

type ScenarioPlan = z.output<typeof scenarioPlan>;
type ScenarioVault = z.output<typeof scenarioVault>;
type BackupWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, BackupWorld>;

const backupError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(BackupServiceException, name, httpStatusCode, message);

const invalid = (message: string) => backupError('InvalidParameterValueException', 400, message);

function paged<T>(call: Call, items: readonly T[], field: string): object {
  const max = call.input.MaxResults ?? 1000;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000)
    throw invalid('MaxResults must be between 1 and 1000.');
  const { page, next } = awsPage(items, call.input.NextToken, Math.min(max, call.pageSize), () =>
    invalid('The next token is invalid.'),
  );
  return { [field]: page, ...(next ? { NextToken: next } : {}) };
}

const plansHere = (call: Call) =>
  call.account.backupPlans
    .filter((each) => each.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));

const planArn = (call: Call, plan: ScenarioPlan) =>
  `arn:${call.account.partition}:backup:${plan.region}:${call.account.accountId}:backup-plan:${plan.id}`;
const versionOf = (plan: ScenarioPlan) => Buffer.from(`${plan.id}/v1`).toString('base64url').slice(0, 32);

function findPlan(call: Call): ScenarioPlan {
  const id = call.input.BackupPlanId;
  const plan = plansHere(call).find((each) => each.id === id);
  if (!plan)
    throw backupError(
      'ResourceNotFoundException',
      400,
      `Failed reading backup plan ${String(id)}: not found.`,
    );
  return plan;
}

function listBackupPlans(call: Call): object {
  return paged(
    call,
    plansHere(call).map((plan) => ({
      BackupPlanArn: planArn(call, plan),
      BackupPlanId: plan.id,
      CreationDate: new Date(plan.createdAt),
      VersionId: versionOf(plan),
      BackupPlanName: plan.name,
      LastExecutionDate: new Date('2026-12-07T05:00:00Z'),
    })),
    'BackupPlansList',
  );
}

function getBackupPlan(call: Call): object {
  const plan = findPlan(call);
  return {
    BackupPlan: {
      BackupPlanName: plan.name,
      Rules: plan.rules.map((rule, i) => ({
        RuleName: rule.name,
        TargetBackupVaultName: rule.vault,
        ScheduleExpression: rule.schedule,
        ScheduleExpressionTimezone: 'Etc/UTC',
        StartWindowMinutes: 60,
        CompletionWindowMinutes: 10080,
        ...(rule.deleteAfterDays ? { Lifecycle: { DeleteAfterDays: rule.deleteAfterDays } } : {}),
        RuleId: `${plan.id.slice(0, 8)}-rule-${i}`,
        ...(rule.copyActions.length > 0
          ? {
              CopyActions: rule.copyActions.map((action) => ({
                DestinationBackupVaultArn: action.destinationVaultArn,
                ...(action.deleteAfterDays ? { Lifecycle: { DeleteAfterDays: action.deleteAfterDays } } : {}),
              })),
            }
          : {}),
        EnableContinuousBackup: rule.continuousBackup,
      })),
    },
    BackupPlanId: plan.id,
    BackupPlanArn: planArn(call, plan),
    VersionId: versionOf(plan),
    CreationDate: new Date(plan.createdAt),
  };
}

function listBackupSelections(call: Call): object {
  const plan = findPlan(call);
  return paged(
    call,
    plan.selections.map((selection) => ({
      SelectionId: selection.id,
      SelectionName: selection.name,
      BackupPlanId: plan.id,
      CreationDate: new Date(plan.createdAt),
      IamRoleArn: `arn:${call.account.partition}:iam::${call.account.accountId}:role/service-role/AWSBackupDefaultServiceRole`,
    })),
    'BackupSelectionsList',
  );
}

function getBackupSelection(call: Call): object {
  const plan = findPlan(call);
  const selection = plan.selections.find((each) => each.id === call.input.SelectionId);
  if (!selection)
    throw backupError(
      'ResourceNotFoundException',
      400,
      `Failed reading backup selection ${String(call.input.SelectionId)}: not found.`,
    );
  return {
    BackupSelection: {
      SelectionName: selection.name,
      IamRoleArn: `arn:${call.account.partition}:iam::${call.account.accountId}:role/service-role/AWSBackupDefaultServiceRole`,
      Resources: selection.resources,
      NotResources: selection.notResources,
      ListOfTags: selection.listOfTags.map((tag) => ({
        ConditionType: 'STRINGEQUALS',
        ConditionKey: tag.key,
        ConditionValue: tag.value,
      })),
      Conditions: { StringEquals: [], StringNotEquals: [], StringLike: [], StringNotLike: [] },
    },
    SelectionId: selection.id,
    BackupPlanId: plan.id,
    CreationDate: new Date(plan.createdAt),
  };
}

function listBackupVaults(call: Call): object {
  const vaults: ScenarioVault[] = call.account.backupVaults
    .filter((each) => each.region === call.region)
    .sort((a, b) => a.name.localeCompare(b.name));
  return paged(
    call,
    vaults.map((vault) => ({
      BackupVaultName: vault.name,
      BackupVaultArn: `arn:${call.account.partition}:backup:${vault.region}:${call.account.accountId}:backup-vault:${vault.name}`,
      VaultType: 'BACKUP_VAULT',
      VaultState: 'AVAILABLE',
      CreationDate: new Date(vault.createdAt),
      EncryptionKeyArn: vault.encryptionKeyArn,
      NumberOfRecoveryPoints: vault.recoveryPoints,
      Locked: vault.locked,
      EncryptionKeyType: 'CUSTOMER_MANAGED_KMS_KEY',
    })),
    'BackupVaultList',
  );
}

function checkBackup(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const vaults = each.backupVaults as ScenarioVault[];
    const plans = each.backupPlans as ScenarioPlan[];
    plans.forEach((plan, p) => {
      const path = ['aws', 'accounts', a, 'backupPlans', p];
      if (!each.regions.includes(plan.region))
        issue(
          [...path, 'region'],
          `${plan.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      plan.rules.forEach((rule, r) => {
        if (!vaults.some((vault) => vault.name === rule.vault && vault.region === plan.region))
          issue(
            [...path, 'rules', r, 'vault'],
            `no backup vault ${rule.vault} in ${plan.region} of this account`,
          );
        rule.copyActions.forEach((action, c) => {
          if (
            !/^arn:[a-z-]+:backup:[a-z0-9-]+:\d{12}:backup-vault:[a-zA-Z0-9\-_]+$/.test(
              action.destinationVaultArn,
            )
          )
            issue(
              [...path, 'rules', r, 'copyActions', c, 'destinationVaultArn'],
              'must be a backup vault ARN',
            );
        });
      });
    });
    vaults.forEach((vault, v) => {
      if (!each.regions.includes(vault.region))
        issue(
          ['aws', 'accounts', a, 'backupVaults', v, 'region'],
          `${vault.region} is not one of the account's regions`,
        );
    });
  });
}

export const backupSim: AwsServiceSim<typeof account, typeof organisation, BackupWorld> = {
  account,
  organisation,
  check: checkBackup,
  error: backupError,
  answers: {
    ListBackupPlans: listBackupPlans,
    GetBackupPlan: getBackupPlan,
    ListBackupSelections: listBackupSelections,
    GetBackupSelection: getBackupSelection,
    ListBackupVaults: listBackupVaults,
  },
  demo,
  generate({ index, accountId, regions, random }) {
    const { chance, hex } = random;
    const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
    const backupVaults = regions.map((region) => ({
      name: `gen-a${index}-vault`,
      region,
      encryptionKeyArn: `arn:aws:kms:${region}:${accountId}:key/${uuid()}`,
    }));
    const backupPlans = regions.map((region) => {
      const elsewhere = regions.find((other) => other !== region) ?? region;
      const destination = chance(0.2) ? 'eu-central-1' : elsewhere;
      return {
        id: uuid(),
        name: `gen-a${index}-daily`,
        region,
        rules: [
          {
            name: 'daily',
            vault: `gen-a${index}-vault`,
            deleteAfterDays: 35,
            copyActions: chance(0.5)
              ? [
                  {
                    destinationVaultArn: `arn:aws:backup:${destination}:${chance(0.1) ? '999999999999' : accountId}:backup-vault:gen-a${index}-vault`,
                  },
                ]
              : [],
          },
        ],
        selections: [{ id: uuid(), name: 'phi-tagged', listOfTags: [{ key: 'phi', value: 'true' }] }],
      };
    });
    return { backupVaults, backupPlans };
  },
};
