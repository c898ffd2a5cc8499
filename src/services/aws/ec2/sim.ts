import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * EC2 in a scenario: per account, the regions with EBS encryption by default, VPCs (with their flow
 * logs and gateway endpoints), security groups, instances, volumes and the network interfaces of
 * other services. Answers follow the EC2 API reference (query protocol, as the SDK deserializes it):
 * - GetEbsEncryptionByDefault answers EbsEncryptionByDefault (SseType is "reserved for future use"
 *   and left out here);
 * - the Describe lists take MaxResults (5–1000; DescribeVolumes caps values above 500 at 500,
 *   DescribeFlowLogs accepts 1–1000) and answer a NextToken while more remain;
 * - a result set with nothing in it is an empty element (<volumeSet/>) the SDK reads as [], and so are
 *   a rule's empty ipRanges / ipv6Ranges / prefixListIds / groups and an unattached volume's
 *   attachmentSet (the AWS CLI examples show these as []); tagSet is left out when there are no tags;
 * - every VPC has a security group named "default" (inbound from itself, outbound to 0.0.0.0/0);
 * - errors are EC2's own codes: UnauthorizedOperation (403), RequestLimitExceeded (503), AuthFailure,
 *   InvalidParameterValue for a bad MaxResults or NextToken.
 * References: docs.aws.amazon.com/AWSEC2/latest/APIReference (API_GetEbsEncryptionByDefault,
 * API_DescribeVolumes, API_DescribeSecurityGroups, API_FlowLog, API_VpcEndpoint, errors-overview).
 */

const id = (prefix: string) =>
  z.string().regex(new RegExp(`^${prefix}-[0-9a-f]{8,17}$`), `must be an id like ${prefix}-0a1b2c3d`);
const vpcId = id('vpc');
const groupId = id('sg');
const instanceId = id('i');

const permission = z.strictObject({
  /** 'tcp' | 'udp' | 'icmp' | '-1' (all traffic, no ports) */
  protocol: z.enum(['tcp', 'udp', 'icmp', '-1']).default('tcp'),
  fromPort: z.number().int().min(-1).max(65535).optional(),
  toPort: z.number().int().min(-1).max(65535).optional(),
  cidrs: z.array(z.string().regex(/^[0-9.]+\/\d{1,2}$/, 'must be an IPv4 CIDR')).default([]),
  ipv6Cidrs: z.array(z.string().regex(/^[0-9a-f:]+\/\d{1,3}$/i, 'must be an IPv6 CIDR')).default([]),
  /** Security groups of the same account allowed as source/destination */
  groupIds: z.array(groupId).default([]),
  prefixListIds: z.array(z.string().regex(/^pl-[0-9a-f]{8,17}$/)).default([]),
  description: z.string().optional(),
});

const allOutbound = [
  { protocol: '-1' as const, cidrs: ['0.0.0.0/0'], ipv6Cidrs: [], groupIds: [], prefixListIds: [] },
];

const scenarioVpc = z.strictObject({
  id: vpcId,
  region: awsRegion,
  cidr: z.string().regex(/^[0-9.]+\/\d{1,2}$/, 'must be an IPv4 CIDR'),
  isDefault: z.boolean().default(false),
  tags: scenarioTags.default({}),
  flowLogs: z
    .array(
      z.strictObject({
        id: id('fl'),
        trafficType: z.enum(['ALL', 'ACCEPT', 'REJECT']).default('ALL'),
        destinationType: z
          .enum(['cloud-watch-logs', 's3', 'kinesis-data-firehose'])
          .default('cloud-watch-logs'),
        /** Log group name (cloud-watch-logs) or the bucket / stream ARN */
        destination: z.string().min(1),
        deliverStatus: z.enum(['SUCCESS', 'FAILED']).default('SUCCESS'),
        deliverError: z.string().optional(),
      }),
    )
    .default([]),
  gatewayEndpoints: z
    .array(
      z.strictObject({
        id: id('vpce'),
        service: z.enum(['s3', 'dynamodb']),
        state: z.enum(['available', 'pending', 'deleting', 'failed']).default('available'),
        routeTableIds: z.array(id('rtb')).default([]),
      }),
    )
    .default([]),
  createdAt: isoTime.default('2022-03-01T10:00:00Z'),
});

const scenarioGroup = z.strictObject({
  id: groupId,
  name: z.string().min(1).max(255),
  description: z.string().min(1).max(255).default('Managed by Terraform'),
  region: awsRegion,
  vpcId,
  tags: scenarioTags.default({}),
  ingress: z.array(permission).default([]),
  /** Default: what a new group gets, all traffic to 0.0.0.0/0 */
  egress: z.array(permission).default(allOutbound),
});

const scenarioInstance = z.strictObject({
  id: instanceId,
  region: awsRegion,
  vpcId,
  subnetId: id('subnet'),
  securityGroupIds: z.array(groupId).min(1),
  state: z
    .enum(['pending', 'running', 'stopping', 'stopped', 'shutting-down', 'terminated'])
    .default('running'),
  instanceType: z.string().default('t3.medium'),
  privateIp: z.string().default('10.0.1.10'),
  publicIp: z.string().optional(),
  tags: scenarioTags.default({}),
  launchedAt: isoTime.default('2025-06-01T08:00:00Z'),
});

const scenarioVolume = z.strictObject({
  id: id('vol'),
  region: awsRegion,
  sizeGiB: z.number().int().min(1).max(65536).default(100),
  volumeType: z.enum(['gp2', 'gp3', 'io1', 'io2', 'st1', 'sc1', 'standard']).default('gp3'),
  encrypted: z.boolean(),
  /** Required when encrypted: the key's ARN, as DescribeVolumes answers it */
  kmsKeyId: z.string().startsWith('arn:').optional(),
  attachedTo: instanceId.optional(),
  device: z.string().default('/dev/xvdf'),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2024-01-10T09:00:00Z'),
});

/** Interfaces of other services (RDS, load balancers, Lambda); instances get their primary one derived. */
const scenarioInterface = z.strictObject({
  id: id('eni'),
  region: awsRegion,
  vpcId,
  subnetId: id('subnet'),
  securityGroupIds: z.array(groupId).min(1),
  interfaceType: z.string().default('interface'),
  description: z.string().default(''),
  /** RequesterId of a service-managed interface, e.g. 'amazon-rds' */
  requesterId: z.string().optional(),
  privateIp: z.string().default('10.0.2.10'),
  publicIp: z.string().optional(),
});

const account = {
  /** Regions where EBS encryption by default is on (off elsewhere, AWS's default) */
  ebsEncryptionByDefault: z.array(awsRegion).default([]),
  ec2Vpcs: z.array(scenarioVpc).default([]),
  ec2SecurityGroups: z.array(scenarioGroup).default([]),
  ec2Instances: z.array(scenarioInstance).default([]),
  ec2Volumes: z.array(scenarioVolume).default([]),
  ec2NetworkInterfaces: z.array(scenarioInterface).default([]),
};
const organisation = {};

type ScenarioPermission = z.output<typeof permission>;
type ScenarioGroup = z.output<typeof scenarioGroup>;
type ScenarioInstance = z.output<typeof scenarioInstance>;
type Ec2World = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, Ec2World>;

const ec2Error = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(EC2ServiceException, name, httpStatusCode, message);

const here = <T extends { region: string }>(call: Call, list: readonly T[]): T[] =>
  list.filter((each) => each.region === call.region);

/** The id suffix, to derive ids of the default group, primary interfaces and reservations. */
const suffix = (value: string): string => value.slice(value.indexOf('-') + 1);

/** Every VPC's "default" group, unless the scenario writes one itself. */
function groupsHere(call: Call): ScenarioGroup[] {
  const written = here(call, call.account.ec2SecurityGroups);
  const defaults = here(call, call.account.ec2Vpcs)
    .filter((vpc) => !written.some((group) => group.vpcId === vpc.id && group.name === 'default'))
    .map((vpc): ScenarioGroup => ({
      id: `sg-${suffix(vpc.id)}`,
      name: 'default',
      description: 'default VPC security group',
      region: vpc.region,
      vpcId: vpc.id,
      tags: {},
      ingress: [
        { protocol: '-1', cidrs: [], ipv6Cidrs: [], groupIds: [`sg-${suffix(vpc.id)}`], prefixListIds: [] },
      ],
      egress: allOutbound,
    }));
  return [...written, ...defaults].sort((a, b) => a.id.localeCompare(b.id));
}

const tagList = (tags: Readonly<Record<string, string>>) =>
  Object.keys(tags).length > 0 ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } : {};

/** One page of a Describe list: MaxResults within [min, 1000] (above `cap` answered as `cap`). */
function page<T>(call: Call, items: readonly T[], min = 5, cap = 1000): { page: T[]; next?: string } {
  const max = call.input.MaxResults;
  // Without MaxResults EC2 answers every item at once.
  let limit = Number.MAX_SAFE_INTEGER;
  if (max !== undefined) {
    if (typeof max !== 'number' || !Number.isInteger(max) || max < min)
      throw ec2Error(
        'InvalidParameterValue',
        400,
        `Value ( ${String(max)} ) for parameter maxResults is invalid. Parameter must be between ${min} and 1000.`,
      );
    limit = Math.min(max, cap);
  }
  const { page: items_, next } = awsPage(items, call.input.NextToken, Math.min(limit, call.pageSize), () =>
    ec2Error('InvalidParameterValue', 400, `Invalid value '${String(call.input.NextToken)}' for nextToken.`),
  );
  return next ? { page: items_, next } : { page: items_ };
}

const withToken = <K extends string>(key: K, list: { page: unknown[]; next?: string }) => ({
  [key]: list.page,
  ...(list.next ? { NextToken: list.next } : {}),
});

function permissionsOf(list: readonly ScenarioPermission[], accountId: string): object[] {
  return list.map((p) => ({
    IpProtocol: p.protocol,
    ...(p.protocol === '-1'
      ? {}
      : {
          FromPort: p.fromPort ?? (p.protocol === 'icmp' ? -1 : 0),
          ToPort: p.toPort ?? p.fromPort ?? 65535,
        }),
    IpRanges: p.cidrs.map((CidrIp) => ({ CidrIp, ...(p.description ? { Description: p.description } : {}) })),
    Ipv6Ranges: p.ipv6Cidrs.map((CidrIpv6) => ({ CidrIpv6 })),
    PrefixListIds: p.prefixListIds.map((PrefixListId) => ({ PrefixListId })),
    UserIdGroupPairs: p.groupIds.map((GroupId) => ({ GroupId, UserId: accountId })),
  }));
}

function describeSecurityGroups(call: Call): object {
  const { accountId, partition } = call.account;
  const groups = groupsHere(call).map((group) => ({
    GroupId: group.id,
    GroupName: group.name,
    Description: group.description,
    OwnerId: accountId,
    VpcId: group.vpcId,
    SecurityGroupArn: `arn:${partition}:ec2:${call.region}:${accountId}:security-group/${group.id}`,
    IpPermissions: permissionsOf(group.ingress, accountId),
    IpPermissionsEgress: permissionsOf(group.egress, accountId),
    ...tagList(group.tags),
  }));
  return withToken('SecurityGroups', page(call, groups));
}

function describeVpcs(call: Call): object {
  const vpcs = here(call, call.account.ec2Vpcs)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((vpc) => ({
      VpcId: vpc.id,
      CidrBlock: vpc.cidr,
      State: 'available',
      DhcpOptionsId: `dopt-${suffix(vpc.id)}`,
      InstanceTenancy: 'default',
      IsDefault: vpc.isDefault,
      OwnerId: call.account.accountId,
      CidrBlockAssociationSet: [
        {
          AssociationId: `vpc-cidr-assoc-${suffix(vpc.id)}`,
          CidrBlock: vpc.cidr,
          CidrBlockState: { State: 'associated' },
        },
      ],
      ...tagList(vpc.tags),
    }));
  return withToken('Vpcs', page(call, vpcs));
}

function describeFlowLogs(call: Call): object {
  const { accountId, partition } = call.account;
  const logs = here(call, call.account.ec2Vpcs).flatMap((vpc) =>
    vpc.flowLogs.map((log) => {
      const cwl = log.destinationType === 'cloud-watch-logs';
      return {
        CreationTime: new Date(vpc.createdAt),
        DeliverLogsStatus: log.deliverStatus,
        ...(log.deliverError ? { DeliverLogsErrorMessage: log.deliverError } : {}),
        FlowLogId: log.id,
        FlowLogStatus: 'ACTIVE',
        ResourceId: vpc.id,
        TrafficType: log.trafficType,
        LogDestinationType: log.destinationType,
        LogDestination: cwl
          ? `arn:${partition}:logs:${call.region}:${accountId}:log-group:${log.destination}`
          : log.destination,
        ...(cwl
          ? {
              LogGroupName: log.destination,
              DeliverLogsPermissionArn: `arn:${partition}:iam::${accountId}:role/nwv-vpc-flow-logs`,
            }
          : {}),
        LogFormat:
          '${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}',
        MaxAggregationInterval: 600,
      };
    }),
  );
  return withToken('FlowLogs', page(call, logs, 1));
}

function describeVpcEndpoints(call: Call): object {
  const { accountId } = call.account;
  const endpoints = here(call, call.account.ec2Vpcs).flatMap((vpc) =>
    vpc.gatewayEndpoints.map((endpoint) => ({
      VpcEndpointId: endpoint.id,
      VpcEndpointType: 'Gateway',
      VpcId: vpc.id,
      ServiceName: `com.amazonaws.${call.region}.${endpoint.service}`,
      State: endpoint.state,
      PolicyDocument: JSON.stringify({
        Version: '2008-10-17',
        Statement: [{ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' }],
      }),
      RouteTableIds: endpoint.routeTableIds,
      SubnetIds: [],
      Groups: [],
      IpAddressType: 'ipv4',
      PrivateDnsEnabled: false,
      RequesterManaged: false,
      NetworkInterfaceIds: [],
      DnsEntries: [],
      CreationTimestamp: new Date(vpc.createdAt),
      OwnerId: accountId,
    })),
  );
  return withToken('VpcEndpoints', page(call, endpoints));
}

const stateCodes: Readonly<Record<string, number>> = {
  pending: 0,
  running: 16,
  'shutting-down': 32,
  terminated: 48,
  stopping: 64,
  stopped: 80,
};

function groupRefs(call: Call, ids: readonly string[]) {
  const groups = groupsHere(call);
  return ids.map((GroupId) => ({
    GroupId,
    GroupName: groups.find((g) => g.id === GroupId)?.name ?? GroupId,
  }));
}

function primaryInterface(call: Call, instance: ScenarioInstance) {
  const gone = instance.state === 'terminated';
  return {
    NetworkInterfaceId: `eni-${suffix(instance.id)}`,
    InterfaceType: 'interface',
    Description: 'Primary network interface',
    Groups: groupRefs(call, instance.securityGroupIds),
    VpcId: instance.vpcId,
    SubnetId: instance.subnetId,
    AvailabilityZone: `${call.region}a`,
    Status: gone ? 'available' : 'in-use',
    OwnerId: call.account.accountId,
    PrivateIpAddress: instance.privateIp,
    RequesterManaged: false,
    SourceDestCheck: true,
    Attachment: {
      AttachmentId: `eni-attach-${suffix(instance.id)}`,
      DeviceIndex: 0,
      InstanceId: instance.id,
      InstanceOwnerId: call.account.accountId,
      Status: 'attached',
      DeleteOnTermination: true,
    },
    ...(instance.publicIp ? { Association: { PublicIp: instance.publicIp, IpOwnerId: 'amazon' } } : {}),
    TagSet: [],
  };
}

function describeInstances(call: Call): object {
  const { accountId } = call.account;
  const reservations = here(call, call.account.ec2Instances)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((instance) => {
      const gone = instance.state === 'terminated';
      return {
        ReservationId: `r-${suffix(instance.id)}`,
        OwnerId: accountId,
        Groups: [],
        Instances: [
          {
            InstanceId: instance.id,
            ImageId: 'ami-0c02fb55956c7d316',
            InstanceType: instance.instanceType,
            State: { Code: stateCodes[instance.state] ?? 16, Name: instance.state },
            LaunchTime: new Date(instance.launchedAt),
            Placement: { AvailabilityZone: `${call.region}a`, Tenancy: 'default' },
            // A terminated instance keeps no network: no VPC, subnet, addresses or groups.
            ...(gone
              ? { SecurityGroups: [], NetworkInterfaces: [] }
              : {
                  VpcId: instance.vpcId,
                  SubnetId: instance.subnetId,
                  PrivateIpAddress: instance.privateIp,
                  ...(instance.publicIp ? { PublicIpAddress: instance.publicIp } : {}),
                  SecurityGroups: groupRefs(call, instance.securityGroupIds),
                  NetworkInterfaces: [primaryInterface(call, instance)],
                }),
            ...tagList(instance.tags),
          },
        ],
      };
    });
  return withToken('Reservations', page(call, reservations));
}

function describeNetworkInterfaces(call: Call): object {
  const { accountId } = call.account;
  const fromInstances = here(call, call.account.ec2Instances)
    .filter((instance) => instance.state !== 'terminated')
    .map((instance) => primaryInterface(call, instance));
  const others = here(call, call.account.ec2NetworkInterfaces).map((eni) => ({
    NetworkInterfaceId: eni.id,
    InterfaceType: eni.interfaceType,
    Description: eni.description,
    Groups: groupRefs(call, eni.securityGroupIds),
    VpcId: eni.vpcId,
    SubnetId: eni.subnetId,
    AvailabilityZone: `${call.region}a`,
    Status: 'in-use',
    OwnerId: accountId,
    PrivateIpAddress: eni.privateIp,
    RequesterManaged: eni.requesterId !== undefined,
    ...(eni.requesterId ? { RequesterId: eni.requesterId } : {}),
    SourceDestCheck: true,
    ...(eni.publicIp ? { Association: { PublicIp: eni.publicIp, IpOwnerId: 'amazon' } } : {}),
    TagSet: [],
  }));
  const all = [...fromInstances, ...others].sort((a, b) =>
    a.NetworkInterfaceId.localeCompare(b.NetworkInterfaceId),
  );
  return withToken('NetworkInterfaces', page(call, all));
}

function describeVolumes(call: Call): object {
  const volumes = here(call, call.account.ec2Volumes)
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((volume) => ({
      VolumeId: volume.id,
      Size: volume.sizeGiB,
      SnapshotId: '',
      AvailabilityZone: `${call.region}a`,
      State: volume.attachedTo ? 'in-use' : 'available',
      CreateTime: new Date(volume.createdAt),
      VolumeType: volume.volumeType,
      ...(volume.volumeType === 'gp3' ? { Iops: 3000, Throughput: 125 } : {}),
      Encrypted: volume.encrypted,
      ...(volume.encrypted && volume.kmsKeyId ? { KmsKeyId: volume.kmsKeyId } : {}),
      MultiAttachEnabled: false,
      Attachments: volume.attachedTo
        ? [
            {
              AttachTime: new Date(volume.createdAt),
              Device: volume.device,
              InstanceId: volume.attachedTo,
              State: 'attached',
              VolumeId: volume.id,
              DeleteOnTermination: false,
            },
          ]
        : [],
      ...tagList(volume.tags),
    }));
  // DescribeVolumes accepts MaxResults above 500 and answers at most 500.
  return withToken('Volumes', page(call, volumes, 5, 500));
}

function getEbsEncryptionByDefault(call: Call): object {
  return { EbsEncryptionByDefault: call.account.ebsEncryptionByDefault.includes(call.region) };
}

type Ec2Account = z.output<z.ZodObject<typeof account>> & { regions: string[] };

function checkEc2(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((raw, a) => {
    const each = raw as unknown as Ec2Account;
    const base = ['aws', 'accounts', a];
    const inRegions = (path: (string | number)[], region: string) => {
      if (!each.regions.includes(region))
        issue(
          [...path, 'region'],
          `${region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
    };
    const ids = new Map<string, string>();
    const unique = (path: (string | number)[], value: string) => {
      const previous = ids.get(value);
      if (previous) issue([...path, 'id'], `${value} is already used at ${previous}`);
      ids.set(value, path.slice(2).join('.'));
    };
    const vpcRegion = new Map(each.ec2Vpcs.map((vpc) => [vpc.id, vpc.region]));
    const groupRegion = new Map(each.ec2SecurityGroups.map((group) => [group.id, group.region]));
    for (const vpc of each.ec2Vpcs) groupRegion.set(`sg-${suffix(vpc.id)}`, vpc.region);
    const instanceRegion = new Map(each.ec2Instances.map((instance) => [instance.id, instance.region]));
    const sameRegionVpc = (path: (string | number)[], id: string, region: string) => {
      if (vpcRegion.get(id) !== region)
        issue([...path, 'vpcId'], `no VPC ${id} in ${region} of this account`);
    };
    const sameRegionGroups = (path: (string | number)[], list: readonly string[], region: string) =>
      list.forEach((group, g) => {
        if (groupRegion.get(group) !== region)
          issue([...path, 'securityGroupIds', g], `no security group ${group} in ${region} of this account`);
      });
    each.ebsEncryptionByDefault.forEach((region, r) => {
      if (!each.regions.includes(region))
        issue([...base, 'ebsEncryptionByDefault', r], `${region} is not one of the account's regions`);
    });
    each.ec2Vpcs.forEach((vpc, v) => {
      const path = [...base, 'ec2Vpcs', v];
      inRegions(path, vpc.region);
      unique(path, vpc.id);
    });
    each.ec2SecurityGroups.forEach((group, g) => {
      const path = [...base, 'ec2SecurityGroups', g];
      inRegions(path, group.region);
      unique(path, group.id);
      sameRegionVpc(path, group.vpcId, group.region);
      [...group.ingress, ...group.egress].forEach((rule) => {
        if (rule.protocol !== '-1' && rule.fromPort === undefined)
          issue([...path, 'ingress'], `a ${rule.protocol} rule needs fromPort (and toPort for a range)`);
      });
    });
    each.ec2Instances.forEach((instance, i) => {
      const path = [...base, 'ec2Instances', i];
      inRegions(path, instance.region);
      unique(path, instance.id);
      sameRegionVpc(path, instance.vpcId, instance.region);
      sameRegionGroups(path, instance.securityGroupIds, instance.region);
    });
    each.ec2NetworkInterfaces.forEach((eni, n) => {
      const path = [...base, 'ec2NetworkInterfaces', n];
      inRegions(path, eni.region);
      unique(path, eni.id);
      sameRegionVpc(path, eni.vpcId, eni.region);
      sameRegionGroups(path, eni.securityGroupIds, eni.region);
    });
    each.ec2Volumes.forEach((volume, v) => {
      const path = [...base, 'ec2Volumes', v];
      inRegions(path, volume.region);
      unique(path, volume.id);
      if (volume.encrypted && !volume.kmsKeyId)
        issue(
          [...path, 'kmsKeyId'],
          'an encrypted volume names its KMS key ARN (DescribeVolumes answers it)',
        );
      if (!volume.encrypted && volume.kmsKeyId)
        issue([...path, 'kmsKeyId'], 'only an encrypted volume has a KMS key');
      if (volume.attachedTo && instanceRegion.get(volume.attachedTo) !== volume.region)
        issue(
          [...path, 'attachedTo'],
          `no instance ${volume.attachedTo} in ${volume.region} of this account`,
        );
    });
  });
}

const unauthorized = 'You are not authorized to perform this operation.';

export const ec2Sim: AwsServiceSim<typeof account, typeof organisation, Ec2World> = {
  account,
  organisation,
  check: checkEc2,
  error: ec2Error,
  faults: {
    throttle: { name: 'RequestLimitExceeded', status: 503, message: 'Request limit exceeded.' },
    access_denied: { name: 'UnauthorizedOperation', status: 403, message: unauthorized },
    region_disabled: {
      name: 'AuthFailure',
      status: 401,
      message: 'AWS was not able to validate the provided access credentials',
    },
  },
  answers: {
    GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
    DescribeVolumes: describeVolumes,
    DescribeSecurityGroups: describeSecurityGroups,
    DescribeVpcs: describeVpcs,
    DescribeFlowLogs: describeFlowLogs,
    DescribeVpcEndpoints: describeVpcEndpoints,
    DescribeInstances: describeInstances,
    DescribeNetworkInterfaces: describeNetworkInterfaces,
  },
  demo,
  generate({ index, accountId, partition, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['checkout', 'orders', 'telemetry', 'intake', 'support', 'telehealth'];
    const hex8 = () => hex(8);
    const out = {
      ebsEncryptionByDefault: regions.filter(() => chance(0.7)),
      ec2Vpcs: [] as object[],
      ec2SecurityGroups: [] as object[],
      ec2Instances: [] as object[],
      ec2Volumes: [] as object[],
      ec2NetworkInterfaces: [] as object[],
    };
    regions.forEach((region, r) => {
      const vpc = `vpc-${hex8()}${hex(9)}`;
      out.ec2Vpcs.push({
        id: vpc,
        region,
        cidr: `10.${r % 250}.0.0/16`,
        tags: { Name: `gen-a${index}-${region}` },
        flowLogs: chance(0.6) ? [{ id: `fl-${hex8()}`, destination: `/gen/a${index}/flow-logs` }] : [],
        gatewayEndpoints: chance(0.5)
          ? [
              { id: `vpce-${hex8()}`, service: 's3' },
              { id: `vpce-${hex8()}`, service: 'dynamodb' },
            ]
          : [],
      });
      const count = Math.max(1, Math.ceil(perRegion / 4));
      for (let k = 0; k < count; k += 1) {
        const app = pick(apps);
        const phi = chance(0.4);
        const group = `sg-${hex8()}${hex(9)}`;
        const openPort = chance(0.1) ? pick([22, 3389, 5432, 3306]) : null;
        out.ec2SecurityGroups.push({
          id: group,
          name: `gen-a${index}-${app}-${k}`,
          region,
          vpcId: vpc,
          ingress: [
            { protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['10.0.0.0/8'] },
            ...(openPort
              ? [{ protocol: 'tcp', fromPort: openPort, toPort: openPort, cidrs: ['0.0.0.0/0'] }]
              : []),
          ],
          ...(chance(0.5)
            ? { egress: [{ protocol: 'tcp', fromPort: 443, toPort: 443, cidrs: ['0.0.0.0/0'] }] }
            : {}),
        });
        const instance = `i-${hex8()}${hex(9)}`;
        out.ec2Instances.push({
          id: instance,
          region,
          vpcId: vpc,
          subnetId: `subnet-${hex8()}`,
          securityGroupIds: [group],
          tags: { Name: `gen-a${index}-${app}-${k}`, app, ...(phi ? { phi: 'true' } : {}) },
        });
        const encrypted = chance(0.8);
        out.ec2Volumes.push({
          id: `vol-${hex8()}${hex(9)}`,
          region,
          encrypted,
          ...(encrypted
            ? {
                kmsKeyId: `arn:${partition}:kms:${region}:${accountId}:key/${hex8()}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
              }
            : {}),
          attachedTo: instance,
          tags: { app, ...(phi ? { phi: 'true' } : {}) },
        });
      }
    });
    return out;
  },
};
