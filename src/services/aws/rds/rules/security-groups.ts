import type { NormalizedResource, RuleContext } from '../../../../kit';

/** The EC2 service's security group type: read from the run, never imported (services import only the kit). */
const SECURITY_GROUP = 'aws.ec2.security-group';

interface Permission {
  protocol?: unknown;
  fromPort?: unknown;
  toPort?: unknown;
  ipv4?: unknown;
  ipv6?: unknown;
}

const list = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((each): each is string => typeof each === 'string') : [];

/** Does an ingress permission admit everyone (0.0.0.0/0 or ::/0) on this TCP port? */
function admitsEveryone(permission: Permission, port: number | null): string | null {
  const everyone = [...list(permission.ipv4), ...list(permission.ipv6)].find(
    (cidr) => cidr === '0.0.0.0/0' || cidr === '::/0',
  );
  if (!everyone) return null;
  const protocol = typeof permission.protocol === 'string' ? permission.protocol : '';
  if (protocol === 'all' || protocol === '-1') return everyone;
  if (protocol !== 'tcp' && protocol !== '6') return null;
  const from = typeof permission.fromPort === 'number' ? permission.fromPort : null;
  const to = typeof permission.toPort === 'number' ? permission.toPort : null;
  if (from === null || to === null || port === null) return everyone;
  return port >= from && port <= to ? everyone : null;
}

/**
 * What the run's EC2 service saw of a database's security groups: for each group id, the CIDR that
 * admits everyone on the database port (or null), or undefined when the group was not in the run.
 */
export function securityGroupExposure(
  resource: NormalizedResource,
  groupIds: readonly string[],
  port: number | null,
  context: RuleContext,
): { seen: Map<string, string | null>; unseen: string[] } {
  const seen = new Map<string, string | null>();
  const unseen: string[] = [];
  for (const id of groupIds) {
    const group = context.resources.find(
      (each) =>
        each.type === SECURITY_GROUP &&
        each.scopeId === resource.scopeId &&
        each.region === resource.region &&
        (each.properties as { groupId?: unknown }).groupId === id,
    );
    if (!group) {
      unseen.push(id);
      continue;
    }
    const ingress = (group.properties as { ingress?: unknown }).ingress;
    const permissions = Array.isArray(ingress) ? (ingress as Permission[]) : [];
    seen.set(id, permissions.map((each) => admitsEveryone(each, port)).find((each) => each !== null) ?? null);
  }
  return { seen, unseen };
}
