import { DescribeBackupPolicyCommand, DescribeFileSystemsCommand } from '@aws-sdk/client-efs';
import { awsOperation } from '../../../kit';

/** Every EFS call the collector makes: configuration only; no mount, no file is read. */
export const ops = {
  describeFileSystems: awsOperation(DescribeFileSystemsCommand, 'elasticfilesystem:DescribeFileSystems'),
  describeBackupPolicy: awsOperation(DescribeBackupPolicyCommand, 'elasticfilesystem:DescribeBackupPolicy'),
};
