import {
  DescribeDBClusterParametersCommand,
  DescribeDBClustersCommand,
  DescribeDBInstanceAutomatedBackupsCommand,
  DescribeDBInstancesCommand,
  DescribeDBParametersCommand,
} from '@aws-sdk/client-rds';
import { awsOperation } from '../../../kit';

/**
 * Every RDS call the collector makes: the guard allows exactly these, the access kit grants exactly
 * them. All are Describe calls on configuration; nothing connects to a database, reads a snapshot or
 * downloads a log file (DownloadDBLogFilePortion stays refused).
 */
export const ops = {
  describeDBInstances: awsOperation(DescribeDBInstancesCommand, 'rds:DescribeDBInstances'),
  describeDBClusters: awsOperation(DescribeDBClustersCommand, 'rds:DescribeDBClusters'),
  describeDBParameters: awsOperation(DescribeDBParametersCommand, 'rds:DescribeDBParameters'),
  describeDBClusterParameters: awsOperation(
    DescribeDBClusterParametersCommand,
    'rds:DescribeDBClusterParameters',
  ),
  describeDBInstanceAutomatedBackups: awsOperation(
    DescribeDBInstanceAutomatedBackupsCommand,
    'rds:DescribeDBInstanceAutomatedBackups',
  ),
};
