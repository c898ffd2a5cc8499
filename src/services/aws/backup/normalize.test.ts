import { describe, expect, it } from 'vitest';
import { copyActionsOf, describeSelection, rulesFrom, selectionFrom, vaultArnParts } from './normalize';

describe('AWS Backup normalizers', () => {
  it('reads region and account from a vault ARN', () => {
    expect(vaultArnParts('arn:aws:backup:eu-west-1:901234567890:backup-vault:offsite')).toEqual({
      region: 'eu-west-1',
      accountId: '901234567890',
    });
    expect(vaultArnParts('arn:aws-us-gov:backup:us-gov-west-1:111122223333:backup-vault:v')).toEqual({
      region: 'us-gov-west-1',
      accountId: '111122223333',
    });
    expect(vaultArnParts('nope')).toEqual({ region: null, accountId: null });
  });

  it('reads copy actions and the target vault key; a rule without CopyActions copies nothing', () => {
    expect(copyActionsOf({ RuleName: 'r', TargetBackupVaultName: 'v' })).toEqual([]);
    const rules = rulesFrom(
      [
        {
          RuleName: 'daily',
          TargetBackupVaultName: 'v',
          Lifecycle: { DeleteAfterDays: 35 },
          CopyActions: [
            {
              DestinationBackupVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr',
              Lifecycle: { DeleteAfterDays: 7 },
            },
          ],
        },
      ],
      new Map([['v', 'arn:aws:kms:us-east-1:111122223333:key/k']]),
    );
    expect(rules).toEqual([
      {
        name: 'daily',
        targetVault: 'v',
        targetVaultKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
        schedule: null,
        deleteAfterDays: 35,
        continuousBackup: false,
        copyActions: [
          {
            destinationVaultArn: 'arn:aws:backup:us-west-2:111122223333:backup-vault:dr',
            region: 'us-west-2',
            accountId: '111122223333',
            deleteAfterDays: 7,
          },
        ],
      },
    ]);
  });

  it('reads a selection: resources, exclusions, ListOfTags and Conditions', () => {
    const selection = selectionFrom('s', {
      SelectionName: 'phi',
      IamRoleArn: 'arn:aws:iam::111122223333:role/r',
      Resources: ['arn:aws:rds:*:*:db:*'],
      NotResources: ['arn:aws:rds:us-east-1:111122223333:db:scratch'],
      ListOfTags: [{ ConditionType: 'STRINGEQUALS', ConditionKey: 'phi', ConditionValue: 'true' }],
      Conditions: { StringEquals: [{ ConditionKey: 'aws:ResourceTag/env', ConditionValue: 'prod' }] },
    });
    expect(selection.tagConditions).toHaveLength(2);
    expect(describeSelection(selection)).toBe(
      'phi (arn:aws:rds:*:*:db:*; tag phi=true; StringEquals aws:ResourceTag/env=prod except arn:aws:rds:us-east-1:111122223333:db:scratch)',
    );
  });
});
