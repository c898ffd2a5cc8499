import { DescribeLogGroupsCommand, ListTagsForResourceCommand } from '@aws-sdk/client-cloudwatch-logs';
import { awsOperation } from '../../../kit';

/**
 * Every CloudWatch Logs call the collector makes: log group settings and tags. Nothing here reads log
 * events (GetLogEvents, FilterLogEvents, StartQuery stay refused): they may hold PHI.
 */
export const ops = {
  describeLogGroups: awsOperation(DescribeLogGroupsCommand, 'logs:DescribeLogGroups'),
  listTagsForResource: awsOperation(ListTagsForResourceCommand, 'logs:ListTagsForResource'),
};
