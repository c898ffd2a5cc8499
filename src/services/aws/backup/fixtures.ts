import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import { vaultArnParts } from './normalize';
import type { BackupPlanProperties } from './resource';

const ACCOUNT = '111122223333';
const OTHER = '444455556666';
const vault = (region: string, account = ACCOUNT, name = 'northwind-dr') =>
  `arn:aws:backup:${region}:${account}:backup-vault:${name}`;
const copy = (arn: string) => ({ destinationVaultArn: arn, ...vaultArnParts(arn), deleteAfterDays: 35 });

export function planProperties(copies: string[] = [vault('us-east-2')]): BackupPlanProperties {
  return {
    planId: '11111111-2222-4333-8444-555566667777',
    versionId: 'v1',
    rules: [
      {
        name: 'daily',
        targetVault: 'northwind-vault',
        targetVaultKeyArn: `arn:aws:kms:us-east-1:${ACCOUNT}:key/k`,
        schedule: 'cron(0 5 ? * * *)',
        deleteAfterDays: 35,
        continuousBackup: false,
        copyActions: copies.map(copy),
      },
    ],
    selections: [
      {
        id: 's1',
        name: 'phi-tagged',
        resources: [],
        notResources: [],
        tagConditions: [{ source: 'ListOfTags', operator: 'STRINGEQUALS', key: 'phi', value: 'true' }],
      },
    ],
  };
}

interface Options {
  copies?: string[];
  properties?: Partial<Record<keyof BackupPlanProperties, unknown>>;
  missing?: (keyof BackupPlanProperties)[];
}

export function planResource(options: Options = {}): NormalizedResource {
  const properties: Record<string, unknown> = { ...planProperties(options.copies), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'aws',
    type: 'aws.backup.plan',
    nativeId: `arn:aws:backup:us-east-1:${ACCOUNT}:backup-plan:11111111-2222-4333-8444-555566667777`,
    name: 'northwind-daily',
    scopeId: ACCOUNT,
    region: 'us-east-1',
    tags: {},
    properties,
    phi: false,
    phiReason: null,
    evidenceIds: [1, 2, 3],
  };
}

const otherAccountResource: NormalizedResource = {
  ...planResource(),
  nativeId: 'x',
  name: 'other',
  scopeId: OTHER,
};

export const backupFixtures: ServiceFixtures = {
  'aws.backup.copy-region': {
    pass: [
      {
        name: 'copy to an approved region',
        resource: planResource(),
        detail: `AWS Backup plan northwind-daily in us-east-1 copies recovery points only to approved regions: ${vault('us-east-2')} (us-east-2).`,
      },
    ],
    fail: [
      {
        name: 'copy to eu-west-1, naming what the selections protect',
        resource: planResource({ copies: [vault('us-east-2'), vault('eu-west-1')] }),
        detail: `copies recovery points to ${vault('eu-west-1')} (rule daily, eu-west-1), outside the approved regions (us-east-1, us-east-2, eastus, westus). What it copies is what its selections protect: phi-tagged (tag phi=true).`,
      },
      {
        name: 'copy whose vault ARN names no region; selections unread',
        resource: planResource({ copies: ['not-an-arn'], missing: ['selections'] }),
        detail:
          'copies recovery points to not-an-arn (rule daily, region unknown), outside the approved regions (us-east-1, us-east-2, eastus, westus). Its selections could not be read',
      },
    ],
    notApplicable: [
      {
        name: 'no copy action',
        resource: planResource({ copies: [] }),
        detail: 'has no copy action: its recovery points stay in its own vaults.',
      },
      {
        name: 'no approved regions',
        resource: planResource(),
        context: { approvedRegions: [] },
        detail: 'no approved regions set for this engagement, so its copies to',
      },
      {
        name: 'GetBackupPlan refused',
        resource: planResource({ missing: ['rules'] }),
        detail: /^Not assessed: the rules and copy actions \(GetBackupPlan\)/,
      },
    ],
  },
  'aws.backup.copy-other-account': {
    pass: [
      {
        name: 'copy into another account assessed in this run',
        resource: planResource({ copies: [vault('us-east-1', OTHER, 'central')] }),
        context: { resources: [otherAccountResource] },
        detail: `copies recovery points into account ${OTHER}, assessed in this run (${vault('us-east-1', OTHER, 'central')}).`,
      },
    ],
    fail: [
      {
        name: 'copy into an account the run does not know: flag for the BAA register',
        resource: planResource({ copies: [vault('us-east-1', '901234567890', 'offsite')] }),
        detail: `copies recovery points into account 901234567890 (${vault('us-east-1', '901234567890', 'offsite')}, rule daily), which this run did not assess: confirm the account is the organisation's, or record its holder in the BAA register.`,
      },
    ],
    notApplicable: [
      {
        name: 'copies stay in the account',
        resource: planResource(),
        detail: `copies recovery points only within its own account ${ACCOUNT}.`,
      },
      { name: 'no copy action', resource: planResource({ copies: [] }), detail: 'has no copy action.' },
      {
        name: 'GetBackupPlan refused',
        resource: planResource({ missing: ['rules'] }),
        detail: /^Not assessed/,
      },
    ],
  },
};
