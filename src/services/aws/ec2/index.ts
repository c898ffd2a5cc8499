import { EC2Client } from '@aws-sdk/client-ec2';
import { defineService } from '../../../kit';
import { collectEc2 } from './collect';
import { ops } from './operations';
import { ec2EbsDefaults, ec2Instance, ec2SecurityGroup, ec2Volume, ec2Vpc } from './resource';
import { ec2EbsEncryptionByDefault } from './rules/ebs-encryption-by-default';
import { ec2InstanceUnrestrictedEgress } from './rules/instance-unrestricted-egress';
import { ec2SgOpenAdminPorts } from './rules/sg-open-admin-ports';
import { ec2SgOpenDatabasePorts } from './rules/sg-open-database-ports';
import { ec2VolumeEncrypted } from './rules/volume-encrypted';
import { ec2VpcFlowLogs } from './rules/vpc-flow-logs';
import { ec2VpcGatewayEndpoints } from './rules/vpc-gateway-endpoints';
import { ec2Sim } from './sim';

/**
 * Amazon EC2 and VPC: per region, the EBS encryption default, volumes, security groups, VPCs (flow
 * logs, gateway endpoints) and the instances and network interfaces that say which workloads use them.
 */
export const ec2 = defineService({
  id: 'aws.ec2',
  provider: 'aws',
  service: 'ec2',
  title: 'Amazon EC2 and Amazon VPC',
  hipaaListName: 'ec2',
  scope: 'regional',
  client: EC2Client,
  operations: Object.values(ops),
  resources: [ec2EbsDefaults, ec2Volume, ec2SecurityGroup, ec2Vpc, ec2Instance],
  rules: [
    ec2EbsEncryptionByDefault,
    ec2VolumeEncrypted,
    ec2SgOpenAdminPorts,
    ec2SgOpenDatabasePorts,
    ec2VpcFlowLogs,
    ec2VpcGatewayEndpoints,
    ec2InstanceUnrestrictedEgress,
  ],
  collect: collectEc2,
  sim: ec2Sim,
});
