import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { ec2Instance, ec2SecurityGroup } from '../resource';
import { groupsNear, INSTANCE, label, WORLD_V4, WORLD_V6 } from './common';

/** 164.312(e)(1) transmission security, 164.312(a)(1): a PHI workload cannot send anywhere on any port. */
export const ec2InstanceUnrestrictedEgress: Rule = {
  id: 'aws.ec2.instance-unrestricted-egress',
  title: 'PHI-classified instances do not allow all outbound traffic to 0.0.0.0/0 or ::/0',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: INSTANCE,
  citations: ['164.312(e)(1)', '164.312(a)(1)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    "164.312(e)(1) requires guarding ePHI against unauthorized access while it is transmitted, and 164.312(a)(1) limits access to ePHI to authorized programs. A security group created without changes allows all outbound traffic to 0.0.0.0/0 (and often ::/0): a compromised or misconfigured workload holding PHI can then send it to any host on any port (exfiltration over DNS-over-HTTPS, SSH, or a plain HTTP upload) with nothing to stop or flag it. Security group rules are allow-lists unioned across the instance's groups, so one such rule opens everything. The rule applies to instances classified as PHI, reads their security groups (DescribeInstances, DescribeSecurityGroups) and fails when one allows all protocols to 0.0.0.0/0 or ::/0; outbound rules limited to ports (443 to anywhere) or destinations pass. It is a hardening gap, not an exposure seen in use.",
  remediation: {
    text: "Replace the allow-all outbound rule of the PHI workload's security groups with the destinations it needs: HTTPS to the S3/DynamoDB prefix lists and VPC endpoints, the database security group, and the egress proxy or NAT for named third parties. Keep a copy of the old rules to roll back.",
    terraform: `resource "aws_security_group" "intake_app" {
  name   = "nwv-legacy-intake-app"
  vpc_id = aws_vpc.legacy.id
  # no egress {} block with 0.0.0.0/0 and protocol -1: list what the workload needs
}

resource "aws_vpc_security_group_egress_rule" "https_s3" {
  security_group_id = aws_security_group.intake_app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_vpc_endpoint.s3.prefix_list_id
}`,
    cloudformation: `IntakeAppSecurityGroup:
  Type: AWS::EC2::SecurityGroup
  Properties:
    GroupDescription: nwv-legacy-intake-app
    VpcId: !Ref LegacyVpc
    SecurityGroupEgress:
      - IpProtocol: tcp
        FromPort: 443
        ToPort: 443
        DestinationPrefixListId: <s3 prefix list id>`,
    cli: `aws ec2 revoke-security-group-egress --group-id <sg-id> \\
  --ip-permissions 'IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}]' 'IpProtocol=-1,Ipv6Ranges=[{CidrIpv6=::/0}]'
aws ec2 authorize-security-group-egress --group-id <sg-id> \\
  --ip-permissions 'IpProtocol=tcp,FromPort=443,ToPort=443,PrefixListIds=[{PrefixListId=<pl-id>}]'`,
  },
  evaluate(resource, context) {
    const { securityGroupIds } = ec2Instance.properties(resource);
    const subject = label('EC2 instance', resource);
    if (!resource.phi) return notApplicable(`${subject} is not classified as PHI.`);
    if (securityGroupIds === undefined) return notAssessed('security groups (DescribeInstances)', subject);
    const nearby = groupsNear(resource, context);
    const open: string[] = [];
    const unread: string[] = [];
    for (const id of securityGroupIds) {
      const group = nearby.get(id);
      const egress = group ? ec2SecurityGroup.properties(group).egress : undefined;
      if (!group || egress === undefined) {
        unread.push(id);
        continue;
      }
      const world = egress
        .filter((permission) => permission.protocol === 'all')
        .flatMap((permission) => [
          ...permission.ipv4.filter((cidr) => cidr === WORLD_V4),
          ...permission.ipv6.filter((cidr) => cidr === WORLD_V6),
        ]);
      if (world.length > 0) open.push(`${group.name} (all traffic to ${[...new Set(world)].join(' and ')})`);
    }
    if (open.length > 0)
      return fail(
        `${subject} may send all outbound traffic to any address through security group ${open.join('; ')}.${phiNote(resource)}`,
      );
    if (unread.length > 0)
      return notAssessed(`outbound rules of security group(s) ${unread.join(', ')}`, subject);
    if (securityGroupIds.length === 0)
      return pass(`${subject} has no security group allowing outbound traffic.`);
    return pass(`No security group of ${subject} allows all outbound traffic to 0.0.0.0/0 or ::/0.`);
  },
};
