import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/**
 * EC2 resource types. nativeId is the resource ARN (arn:<partition>:ec2:<region>:<account>:<kind>/<id>);
 * name is "<Name tag> (<id>)" when the resource has a Name tag, else its id (security groups: "<group
 * name> (<group id>)"). A property that could not be collected is absent: rules say "not assessed".
 */

/**
 * resource.type 'aws.ec2.ebs-defaults': the account's EBS settings in one region; nativeId
 * arn:<partition>:ec2:<region>:<account>:ebs-encryption-by-default (EBS has no ARN for the setting).
 */
export const ebsDefaultsSchema = z.object({
  /** GetEbsEncryptionByDefault EbsEncryptionByDefault; absent when the call failed */
  encryptionByDefault: z.boolean().optional(),
});

/** One security group rule (IpPermissions / IpPermissionsEgress entry), as written. */
export const permissionSchema = z.object({
  /** 'tcp', 'udp', 'icmp', 'icmpv6', 'all' (IpProtocol -1) or another protocol name or number */
  protocol: z.string(),
  /** FromPort/ToPort; null for all protocols (no ports in the answer) */
  fromPort: z.number().nullable(),
  toPort: z.number().nullable(),
  ipv4: z.array(z.string()),
  ipv6: z.array(z.string()),
  prefixLists: z.array(z.string()),
  /** Referenced security groups (UserIdGroupPairs GroupId) */
  groups: z.array(z.string()),
});

/** A network interface that uses a group (DescribeNetworkInterfaces Groups). */
export const groupAttachmentSchema = z.object({
  networkInterfaceId: z.string(),
  /** InterfaceType: 'interface' for instances and most services, 'nat_gateway', 'lambda', … */
  interfaceType: z.string().nullable(),
  /** Description, e.g. 'RDSNetworkInterface', 'ELB app/…' */
  description: z.string().nullable(),
  /** Attachment.InstanceId, when the interface is attached to an instance */
  instanceId: z.string().nullable(),
  /** Association.PublicIp: the interface has a public IPv4 address */
  publicIp: z.string().nullable(),
});

export const securityGroupSchema = z.object({
  groupId: z.string(),
  groupName: z.string(),
  vpcId: z.string().nullable(),
  description: z.string().nullable(),
  ingress: z.array(permissionSchema),
  egress: z.array(permissionSchema),
  /** DescribeNetworkInterfaces: the interfaces that use the group; absent when that call failed */
  attachments: z.array(groupAttachmentSchema).optional(),
});

export const vpcSchema = z.object({
  vpcId: z.string(),
  cidrBlock: z.string().nullable(),
  isDefault: z.boolean(),
  /** DescribeFlowLogs entries whose ResourceId is this VPC; absent when the call failed */
  flowLogs: z
    .array(
      z.object({
        flowLogId: z.string(),
        /** FlowLogStatus: 'ACTIVE' */
        status: z.string().nullable(),
        /** TrafficType: ALL | ACCEPT | REJECT */
        trafficType: z.string().nullable(),
        /** LogDestinationType: cloud-watch-logs | s3 | kinesis-data-firehose */
        destinationType: z.string().nullable(),
        destination: z.string().nullable(),
        /** DeliverLogsStatus: SUCCESS | FAILED */
        deliverStatus: z.string().nullable(),
        deliverError: z.string().nullable(),
      }),
    )
    .optional(),
  /** DescribeVpcEndpoints: Gateway endpoints of this VPC; absent when the call failed */
  gatewayEndpoints: z
    .array(
      z.object({
        vpcEndpointId: z.string(),
        /** ServiceName, e.g. com.amazonaws.us-east-1.s3 */
        serviceName: z.string(),
        /** 's3', 'dynamodb' or the last part of another service name */
        service: z.string(),
        /** State, lower-case as EC2 answers it ('available') */
        state: z.string().nullable(),
        routeTableIds: z.array(z.string()),
      }),
    )
    .optional(),
  /** DescribeInstances: ids of the instances in the VPC (not terminated); absent when that call failed */
  instanceIds: z.array(z.string()).optional(),
});

export const instanceSchema = z.object({
  instanceId: z.string(),
  /** State.Name: pending | running | shutting-down | stopping | stopped */
  state: z.string().nullable(),
  vpcId: z.string().nullable(),
  subnetId: z.string().nullable(),
  securityGroupIds: z.array(z.string()),
  publicIp: z.string().nullable(),
});

export const volumeSchema = z.object({
  volumeId: z.string(),
  /** State: creating | available | in-use | deleting | deleted | error */
  state: z.string().nullable(),
  sizeGiB: z.number().nullable(),
  volumeType: z.string().nullable(),
  encrypted: z.boolean(),
  /** KmsKeyId (an ARN), present only when encrypted */
  kmsKeyId: z.string().nullable(),
  attachments: z.array(z.object({ instanceId: z.string(), state: z.string().nullable() })),
});

export type SecurityGroupProperties = z.infer<typeof securityGroupSchema>;
export type Permission = z.infer<typeof permissionSchema>;
export type GroupAttachment = z.infer<typeof groupAttachmentSchema>;
export type VpcProperties = z.infer<typeof vpcSchema>;
export type InstanceProperties = z.infer<typeof instanceSchema>;
export type VolumeProperties = z.infer<typeof volumeSchema>;

export const ec2EbsDefaults = defineResourceType(
  'aws.ec2.ebs-defaults',
  'EBS encryption-by-default setting (account and region)',
  ebsDefaultsSchema,
);
export const ec2Volume = defineResourceType('aws.ec2.volume', 'EBS volume', volumeSchema);
export const ec2SecurityGroup = defineResourceType(
  'aws.ec2.security-group',
  'Security group',
  securityGroupSchema,
);
export const ec2Vpc = defineResourceType('aws.ec2.vpc', 'VPC', vpcSchema);
export const ec2Instance = defineResourceType('aws.ec2.instance', 'EC2 instance', instanceSchema);
