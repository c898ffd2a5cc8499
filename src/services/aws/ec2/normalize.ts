import type {
  FlowLog,
  Instance,
  IpPermission,
  NetworkInterface,
  Tag,
  Volume,
  VpcEndpoint,
} from '@aws-sdk/client-ec2';
import type {
  GroupAttachment,
  InstanceProperties,
  Permission,
  VolumeProperties,
  VpcProperties,
} from './resource';

/**
 * Pure conversions from EC2 answers (as the SDK deserializes the EC2 query protocol) to properties.
 * EC2 answers a result set it has nothing for as an empty element (<volumeSet/>, <ipRanges/>), which
 * the SDK reads as []; tagSet is left out when a resource has no tags. Either is read as "none" here.
 */

export function ec2Arn(
  partition: string,
  region: string,
  accountId: string,
  kind: string,
  id: string,
): string {
  return `arn:${partition}:ec2:${region}:${accountId}:${kind}/${id}`;
}

export function ebsDefaultsArn(partition: string, region: string, accountId: string): string {
  return `arn:${partition}:ec2:${region}:${accountId}:ebs-encryption-by-default`;
}

/** EC2's [{ Key, Value }] tag list → a map; absent = no tags. */
export function tagMap(tags: readonly Tag[] | undefined): Record<string, string> {
  const map: Record<string, string> = {};
  for (const tag of tags ?? []) if (tag.Key !== undefined) map[tag.Key] = tag.Value ?? '';
  return map;
}

/** "nwv-prod (vpc-0a1b…)" with a Name tag, else the id. */
export function displayName(id: string, tags: Readonly<Record<string, string>>): string {
  const name = tags.Name?.trim();
  return name ? `${name} (${id})` : id;
}

const protocolNumbers: Readonly<Record<string, string>> = {
  '-1': 'all',
  '1': 'icmp',
  '6': 'tcp',
  '17': 'udp',
  '58': 'icmpv6',
};

/** IpProtocol as written ('tcp', '6', '-1') → 'tcp' | 'udp' | 'icmp' | 'icmpv6' | 'all' | as written. */
export function protocolName(ipProtocol: string | undefined): string {
  const value = (ipProtocol ?? '-1').trim().toLowerCase();
  return protocolNumbers[value] ?? value;
}

export function permissionsFrom(permissions: readonly IpPermission[] | undefined): Permission[] {
  return (permissions ?? []).map((p) => {
    const protocol = protocolName(p.IpProtocol);
    const ported = protocol !== 'all';
    return {
      protocol,
      fromPort: ported && typeof p.FromPort === 'number' ? p.FromPort : null,
      toPort: ported && typeof p.ToPort === 'number' ? p.ToPort : null,
      ipv4: (p.IpRanges ?? []).flatMap((r) => (r.CidrIp ? [r.CidrIp] : [])),
      ipv6: (p.Ipv6Ranges ?? []).flatMap((r) => (r.CidrIpv6 ? [r.CidrIpv6] : [])),
      prefixLists: (p.PrefixListIds ?? []).flatMap((r) => (r.PrefixListId ? [r.PrefixListId] : [])),
      groups: (p.UserIdGroupPairs ?? []).flatMap((r) => (r.GroupId ? [r.GroupId] : [])),
    };
  });
}

/** The network interface as a security group attachment. */
export function attachmentFrom(eni: NetworkInterface): GroupAttachment | null {
  if (!eni.NetworkInterfaceId) return null;
  return {
    networkInterfaceId: eni.NetworkInterfaceId,
    interfaceType: eni.InterfaceType ?? null,
    description: eni.Description?.trim() ? eni.Description : null,
    instanceId: eni.Attachment?.InstanceId ?? null,
    publicIp: eni.Association?.PublicIp ?? null,
  };
}

type FlowLogProperties = NonNullable<VpcProperties['flowLogs']>[number];
type GatewayEndpoint = NonNullable<VpcProperties['gatewayEndpoints']>[number];

export function flowLogFrom(log: FlowLog): FlowLogProperties | null {
  if (!log.FlowLogId) return null;
  return {
    flowLogId: log.FlowLogId,
    status: log.FlowLogStatus ?? null,
    trafficType: log.TrafficType ?? null,
    destinationType: log.LogDestinationType ?? null,
    destination: log.LogDestination ?? log.LogGroupName ?? null,
    deliverStatus: log.DeliverLogsStatus ?? null,
    deliverError: log.DeliverLogsErrorMessage ?? null,
  };
}

/** com.amazonaws.us-east-1.s3 → 's3' (cn.com.amazonaws… in China, the last segment everywhere). */
export function endpointService(serviceName: string): string {
  return serviceName.split('.').pop()?.toLowerCase() ?? serviceName;
}

/** A Gateway endpoint; Interface and GatewayLoadBalancer endpoints are left out (null). */
export function gatewayEndpointFrom(endpoint: VpcEndpoint): GatewayEndpoint | null {
  if (!endpoint.VpcEndpointId || !endpoint.ServiceName) return null;
  if ((endpoint.VpcEndpointType ?? '').toLowerCase() !== 'gateway') return null;
  return {
    vpcEndpointId: endpoint.VpcEndpointId,
    serviceName: endpoint.ServiceName,
    service: endpointService(endpoint.ServiceName),
    state: endpoint.State ? String(endpoint.State).toLowerCase() : null,
    routeTableIds: [...(endpoint.RouteTableIds ?? [])],
  };
}

export function instanceFrom(instance: Instance): InstanceProperties | null {
  if (!instance.InstanceId) return null;
  return {
    instanceId: instance.InstanceId,
    state: instance.State?.Name ?? null,
    vpcId: instance.VpcId ?? null,
    subnetId: instance.SubnetId ?? null,
    securityGroupIds: (instance.SecurityGroups ?? []).flatMap((g) => (g.GroupId ? [g.GroupId] : [])),
    publicIp: instance.PublicIpAddress ?? null,
  };
}

export function volumeFrom(volume: Volume): VolumeProperties | null {
  if (!volume.VolumeId) return null;
  const encrypted = volume.Encrypted === true;
  return {
    volumeId: volume.VolumeId,
    state: volume.State ?? null,
    sizeGiB: typeof volume.Size === 'number' ? volume.Size : null,
    volumeType: volume.VolumeType ?? null,
    encrypted,
    kmsKeyId: encrypted ? (volume.KmsKeyId ?? null) : null,
    attachments: (volume.Attachments ?? []).flatMap((a) =>
      a.InstanceId ? [{ instanceId: a.InstanceId, state: a.State ?? null }] : [],
    ),
  };
}
