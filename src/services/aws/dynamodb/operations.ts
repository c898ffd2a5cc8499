import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  ListTablesCommand,
  ListTagsOfResourceCommand,
} from '@aws-sdk/client-dynamodb';
import { awsOperation } from '../../../kit';

/**
 * Every DynamoDB call the collector makes: the guard allows exactly these, the access kit grants
 * exactly them. None reads an item (GetItem, Query, Scan, ExportTableToPointInTime stay refused).
 */
export const ops = {
  listTables: awsOperation(ListTablesCommand, 'dynamodb:ListTables'),
  describeTable: awsOperation(DescribeTableCommand, 'dynamodb:DescribeTable'),
  describeContinuousBackups: awsOperation(
    DescribeContinuousBackupsCommand,
    'dynamodb:DescribeContinuousBackups',
  ),
  listTagsOfResource: awsOperation(ListTagsOfResourceCommand, 'dynamodb:ListTagsOfResource'),
};
