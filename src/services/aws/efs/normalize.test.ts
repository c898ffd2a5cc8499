import { describe, expect, it } from 'vitest';
import { backupPolicyFrom, efsFileSystemArn, fileSystemFrom, tagsFrom } from './normalize';

describe('EFS normalizers', () => {
  it('keeps Encrypted absent when the answer leaves it out, KmsKeyId null when unencrypted', () => {
    const base = {
      OwnerId: '1',
      CreationToken: 't',
      FileSystemId: 'fs-1',
      CreationTime: new Date(),
      LifeCycleState: 'available' as const,
      NumberOfMountTargets: 1,
      SizeInBytes: { Value: 1 },
      PerformanceMode: 'generalPurpose' as const,
      Tags: [],
    };
    expect(fileSystemFrom(base)).toEqual({
      fileSystemId: 'fs-1',
      lifeCycleState: 'available',
      kmsKeyId: null,
      availabilityZone: null,
    });
    expect(
      fileSystemFrom({ ...base, Encrypted: true, KmsKeyId: 'arn:k', AvailabilityZoneName: 'us-east-1a' }),
    ).toMatchObject({ encrypted: true, kmsKeyId: 'arn:k', availabilityZone: 'us-east-1a' });
  });

  it('reads a backup policy status, leaving an unknown one out', () => {
    expect(backupPolicyFrom('ENABLED')).toBe('ENABLED');
    expect(backupPolicyFrom('DISABLING')).toBe('DISABLING');
    expect(backupPolicyFrom('SOMETHING')).toBeUndefined();
    expect(backupPolicyFrom(undefined)).toBeUndefined();
  });

  it('builds ARNs and tags', () => {
    expect(efsFileSystemArn('aws', 'us-east-1', '111122223333', 'fs-1')).toBe(
      'arn:aws:elasticfilesystem:us-east-1:111122223333:file-system/fs-1',
    );
    expect(tagsFrom([{ Key: 'Name', Value: 'x' }])).toEqual({ Name: 'x' });
  });
});
