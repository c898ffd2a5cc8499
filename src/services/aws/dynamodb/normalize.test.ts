import { describe, expect, it } from 'vitest';
import {
  dynamoDbTableArn,
  encryptionFrom,
  pointInTimeRecoveryFrom,
  replicasFrom,
  tagsFrom,
} from './normalize';

describe('DynamoDB normalizers', () => {
  it('no SSEDescription (or the old AES256 label) is the AWS owned key; SSEType KMS names the key', () => {
    expect(encryptionFrom(undefined)).toEqual({
      kind: 'aws-owned',
      kmsKeyArn: null,
      status: null,
      keyInaccessibleSince: null,
    });
    expect(encryptionFrom({ Status: 'ENABLED', SSEType: 'AES256' }).kind).toBe('aws-owned');
    expect(
      encryptionFrom({
        Status: 'ENABLED',
        SSEType: 'KMS',
        KMSMasterKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
        InaccessibleEncryptionDateTime: new Date('2026-12-01T00:00:00Z'),
      }),
    ).toEqual({
      kind: 'kms',
      kmsKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
      status: 'ENABLED',
      keyInaccessibleSince: '2026-12-01T00:00:00.000Z',
    });
  });

  it('reads PITR status and window', () => {
    expect(
      pointInTimeRecoveryFrom({
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' },
      }),
    ).toEqual({
      enabled: false,
      recoveryPeriodInDays: null,
    });
    expect(
      pointInTimeRecoveryFrom({
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED', RecoveryPeriodInDays: 7 },
      }),
    ).toEqual({
      enabled: true,
      recoveryPeriodInDays: 7,
    });
    // Tables from before configurable periods answer no RecoveryPeriodInDays: 35 days.
    expect(
      pointInTimeRecoveryFrom({
        ContinuousBackupsStatus: 'ENABLED',
        PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
      }).recoveryPeriodInDays,
    ).toBe(35);
  });

  it("lists replicas of other regions, sorted, without the table's own", () => {
    expect(
      replicasFrom(
        [
          { RegionName: 'us-west-2', ReplicaStatus: 'ACTIVE' },
          { RegionName: 'us-east-1' },
          { RegionName: 'eu-west-1', ReplicaStatus: 'CREATING' },
        ],
        'us-east-1',
      ),
    ).toEqual([
      { region: 'eu-west-1', status: 'CREATING' },
      { region: 'us-west-2', status: 'ACTIVE' },
    ]);
    expect(replicasFrom(undefined, 'us-east-1')).toEqual([]);
  });

  it('builds ARNs and tags', () => {
    expect(dynamoDbTableArn('aws', 'us-east-1', '111122223333', 't')).toBe(
      'arn:aws:dynamodb:us-east-1:111122223333:table/t',
    );
    expect(tagsFrom([{ Key: 'phi', Value: 'true' }])).toEqual({ phi: 'true' });
  });
});
