import { DescribeHubCommand, GetEnabledStandardsCommand } from '@aws-sdk/client-securityhub';
import { awsOperation } from '../../../kit';

/**
 * Every Security Hub call the collector makes: is the account subscribed in the region (DescribeHub),
 * and which standards run there (GetEnabledStandards). No finding is read (GetFindings stays refused).
 */
export const ops = {
  describeHub: awsOperation(DescribeHubCommand, 'securityhub:DescribeHub'),
  getEnabledStandards: awsOperation(GetEnabledStandardsCommand, 'securityhub:GetEnabledStandards'),
};
