import type { FileSystemDescription, Tag } from '@aws-sdk/client-efs';
import type { EfsFileSystemProperties } from './resource';

/** Pure conversions from EFS answers (DescribeFileSystems, DescribeBackupPolicy) to properties. */

export function tagsFrom(tags: readonly Tag[] | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key) result[tag.Key] = tag.Value ?? '';
  return result;
}

export function efsFileSystemArn(partition: string, region: string, accountId: string, id: string): string {
  return `arn:${partition}:elasticfilesystem:${region}:${accountId}:file-system/${id}`;
}

/** The file system's properties from DescribeFileSystems, before its backup policy is read. */
export function fileSystemFrom(description: FileSystemDescription): EfsFileSystemProperties {
  const properties: EfsFileSystemProperties = {
    fileSystemId: description.FileSystemId ?? '',
    lifeCycleState: description.LifeCycleState ?? null,
    kmsKeyId: description.KmsKeyId ?? null,
    availabilityZone: description.AvailabilityZoneName ?? null,
  };
  if (description.Encrypted !== undefined) properties.encrypted = description.Encrypted;
  return properties;
}

const statuses = ['ENABLED', 'ENABLING', 'DISABLED', 'DISABLING'] as const;

/** BackupPolicy.Status; an unknown status is kept out (not assessed) rather than guessed. */
export function backupPolicyFrom(status: string | undefined): EfsFileSystemProperties['backupPolicy'] {
  return statuses.find((each) => each === status);
}
