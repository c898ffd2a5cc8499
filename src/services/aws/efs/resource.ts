import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * resource.type 'aws.efs.file-system'; nativeId = FileSystemArn; name = the Name tag, else the file
 * system id. DescribeFileSystems answers the tags with each file system, so there is no tag call to fail.
 */
export const fileSystemSchema = z.object({
  fileSystemId: z.string(),
  /** LifeCycleState: creating, available, updating, deleting, deleted, error */
  lifeCycleState: z.string().nullable(),
  /** Encrypted; absent when the answer left it out */
  encrypted: z.boolean().optional(),
  /** KmsKeyId, present when encrypted */
  kmsKeyId: z.string().nullable(),
  /** AvailabilityZoneName: a One Zone file system; null for Regional */
  availabilityZone: z.string().nullable(),
  /**
   * DescribeBackupPolicy: BackupPolicy.Status (ENABLED, ENABLING, DISABLED, DISABLING), or 'NONE'
   * when EFS answered PolicyNotFound (no backup policy). Absent when the call failed.
   */
  backupPolicy: z.enum(['ENABLED', 'ENABLING', 'DISABLED', 'DISABLING', 'NONE']).optional(),
});

export type EfsFileSystemProperties = z.infer<typeof fileSystemSchema>;

export const efsFileSystem = defineResourceType('aws.efs.file-system', 'EFS file system', fileSystemSchema);
