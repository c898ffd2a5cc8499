import type { NormalizedResource, RuleContext } from '../../../../kit';
import {
  ec2EbsDefaults,
  ec2Instance,
  ec2SecurityGroup,
  ec2Volume,
  ec2Vpc,
  type GroupAttachment,
  type Permission,
} from '../resource';

export const EBS_DEFAULTS = ec2EbsDefaults.type;
export const VOLUME = ec2Volume.type;
export const SECURITY_GROUP = ec2SecurityGroup.type;
export const VPC = ec2Vpc.type;
export const INSTANCE = ec2Instance.type;

/** "security group nwv-bastion (sg-…) in us-east-1": the subject of every detail message. */
export function label(kind: string, resource: NormalizedResource): string {
  return `${kind} ${resource.name} in ${resource.region}`;
}

/** The instances of the same account and region as `resource`, by instance id. */
export function instancesNear(
  resource: NormalizedResource,
  context: RuleContext,
): Map<string, NormalizedResource> {
  const found = new Map<string, NormalizedResource>();
  for (const other of context.resources) {
    if (other.type !== INSTANCE || other.scopeId !== resource.scopeId || other.region !== resource.region)
      continue;
    const id = ec2Instance.properties(other).instanceId;
    if (id) found.set(id, other);
  }
  return found;
}

/** The security groups of the same account and region, by group id. */
export function groupsNear(
  resource: NormalizedResource,
  context: RuleContext,
): Map<string, NormalizedResource> {
  const found = new Map<string, NormalizedResource>();
  for (const other of context.resources) {
    if (
      other.type !== SECURITY_GROUP ||
      other.scopeId !== resource.scopeId ||
      other.region !== resource.region
    )
      continue;
    const id = ec2SecurityGroup.properties(other).groupId;
    if (id) found.set(id, other);
  }
  return found;
}

/** "instance nwv-legacy-intake (i-…), classified as PHI (tag phi=true)" */
export function describeInstance(instance: NormalizedResource): string {
  const phi = instance.phi
    ? `, classified as PHI (${instance.phiReason ?? 'engagement classification'})`
    : '';
  return `instance ${instance.name}${phi}`;
}

/** The PHI-classified instances among `ids`, as the run classified them. */
export function phiInstances(ids: readonly string[], nearby: ReadonlyMap<string, NormalizedResource>) {
  return ids.flatMap((id) => {
    const instance = nearby.get(id);
    return instance?.phi ? [instance] : [];
  });
}

export const WORLD_V4 = '0.0.0.0/0';
export const WORLD_V6 = '::/0';

/** The rule's port is reachable through the permission (TCP or all protocols, the port in range). */
function coversPort(permission: Permission, port: number): boolean {
  if (permission.protocol === 'all') return true;
  if (permission.protocol !== 'tcp') return false;
  if (permission.fromPort === null || permission.toPort === null) return false;
  return permission.fromPort <= port && port <= permission.toPort;
}

export interface WorldOpening {
  port: number;
  sources: string[];
  /** 'all traffic' or 'TCP 0-65535' as written */
  rule: string;
}

function ruleText(permission: Permission): string {
  if (permission.protocol === 'all') return 'all traffic';
  const ports =
    permission.fromPort === permission.toPort
      ? `${permission.fromPort}`
      : `${permission.fromPort}-${permission.toPort}`;
  return `${permission.protocol.toUpperCase()} ${ports}`;
}

/** Each port of `ports` that an ingress rule opens to 0.0.0.0/0 or ::/0. */
export function worldOpenings(ingress: readonly Permission[], ports: readonly number[]): WorldOpening[] {
  const openings: WorldOpening[] = [];
  for (const port of ports) {
    for (const permission of ingress) {
      if (!coversPort(permission, port)) continue;
      const sources = [
        ...permission.ipv4.filter((cidr) => cidr === WORLD_V4),
        ...permission.ipv6.filter((cidr) => cidr === WORLD_V6),
      ];
      if (sources.length > 0) openings.push({ port, sources, rule: ruleText(permission) });
    }
  }
  return openings;
}

export function describeOpenings(openings: readonly WorldOpening[]): string {
  const byPort = new Map<number, Set<string>>();
  for (const opening of openings) {
    const set = byPort.get(opening.port) ?? new Set<string>();
    opening.sources.forEach((source) => set.add(source));
    byPort.set(opening.port, set);
  }
  return [...byPort].map(([port, sources]) => `port ${port} from ${[...sources].join(' and ')}`).join(', ');
}

function describeAttachment(
  attachment: GroupAttachment,
  nearby: ReadonlyMap<string, NormalizedResource>,
): string {
  const instance = attachment.instanceId ? nearby.get(attachment.instanceId) : undefined;
  const what = instance
    ? describeInstance(instance)
    : attachment.instanceId
      ? `instance ${attachment.instanceId}`
      : `network interface ${attachment.networkInterfaceId}${attachment.description ? ` (${attachment.description})` : ''}`;
  return attachment.publicIp ? `${what}, public IP ${attachment.publicIp}` : what;
}

/** The first PHI-classified instance among the group's attachments, named for failServingPhi. */
export function phiWorkloadOf(
  attachments: readonly GroupAttachment[] | undefined,
  nearby: ReadonlyMap<string, NormalizedResource>,
): string | null {
  for (const each of attachments ?? []) {
    const instance = each.instanceId ? nearby.get(each.instanceId) : undefined;
    if (instance?.phi) return `EC2 instance ${instance.name}`;
  }
  return null;
}

/**
 * What uses the group, as DescribeNetworkInterfaces (and DescribeInstances for the PHI
 * classification) showed it: one sentence for a failing detail.
 */
export function attachmentSentence(
  attachments: readonly GroupAttachment[] | undefined,
  nearby: ReadonlyMap<string, NormalizedResource>,
): string {
  if (attachments === undefined)
    return ' Which network interfaces use the group could not be read (DescribeNetworkInterfaces).';
  if (attachments.length === 0) return ' No network interface uses the group today.';
  const listed = attachments.slice(0, 5).map((each) => describeAttachment(each, nearby));
  const more = attachments.length > 5 ? ` and ${attachments.length - 5} more` : '';
  const phi = attachments.some((each) => each.instanceId && nearby.get(each.instanceId)?.phi)
    ? ' A PHI-classified workload uses it.'
    : '';
  return ` Used by ${attachments.length} network interface(s): ${listed.join('; ')}${more}.${phi}`;
}
