import {
  DescribeFlowLogsCommand,
  DescribeInstancesCommand,
  DescribeNetworkInterfacesCommand,
  DescribeSecurityGroupsCommand,
  DescribeVolumesCommand,
  DescribeVpcEndpointsCommand,
  DescribeVpcsCommand,
  GetEbsEncryptionByDefaultCommand,
} from '@aws-sdk/client-ec2';
import { awsOperation } from '../../../kit';

/**
 * Every EC2 call the collector makes: region-wide Describe lists and one account setting. Nothing
 * here reads data (no GetConsoleOutput, no snapshot or volume block reads, no instance user data).
 */
export const ops = {
  getEbsEncryptionByDefault: awsOperation(GetEbsEncryptionByDefaultCommand, 'ec2:GetEbsEncryptionByDefault'),
  describeVolumes: awsOperation(DescribeVolumesCommand, 'ec2:DescribeVolumes'),
  describeSecurityGroups: awsOperation(DescribeSecurityGroupsCommand, 'ec2:DescribeSecurityGroups'),
  describeVpcs: awsOperation(DescribeVpcsCommand, 'ec2:DescribeVpcs'),
  describeFlowLogs: awsOperation(DescribeFlowLogsCommand, 'ec2:DescribeFlowLogs'),
  describeVpcEndpoints: awsOperation(DescribeVpcEndpointsCommand, 'ec2:DescribeVpcEndpoints'),
  describeInstances: awsOperation(DescribeInstancesCommand, 'ec2:DescribeInstances'),
  describeNetworkInterfaces: awsOperation(DescribeNetworkInterfacesCommand, 'ec2:DescribeNetworkInterfaces'),
};
