import type { NormalizedResource, RuleContext, RuleResult } from '../../../../kit';
import { fail, failServingPhi, notAssessed, pass, phiNote } from '../../../../kit';
import { ec2SecurityGroup } from '../resource';
import {
  attachmentSentence,
  describeOpenings,
  instancesNear,
  label,
  phiWorkloadOf,
  worldOpenings,
} from './common';

/**
 * The shared judgement of the two open-port rules: fail when an ingress rule allows one of `ports`
 * (TCP, or all traffic) from 0.0.0.0/0 or ::/0 — the only case this product calls "open to the
 * internet". Rules from other CIDRs, prefix lists or security groups are not judged here.
 */
export function judgeOpenPorts(
  resource: NormalizedResource,
  context: RuleContext,
  ports: readonly number[],
  kind: string,
): RuleResult {
  const { ingress, attachments } = ec2SecurityGroup.properties(resource);
  const subject = label('Security group', resource);
  if (ingress === undefined) return notAssessed('inbound rules (DescribeSecurityGroups)', subject);
  const openings = worldOpenings(ingress, ports);
  if (openings.length === 0)
    return pass(`${subject} allows no inbound ${kind} port (${ports.join(', ')}) from 0.0.0.0/0 or ::/0.`);
  const nearby = instancesNear(resource, context);
  const detail = `${subject} is open to the internet on ${describeOpenings(openings)}.${attachmentSentence(attachments, nearby)}${phiNote(resource)}`;
  // Guarding a PHI workload rates the opening as if the group were PHI itself.
  const phiWorkload = phiWorkloadOf(attachments, nearby);
  return phiWorkload ? failServingPhi(detail, phiWorkload) : fail(detail);
}
