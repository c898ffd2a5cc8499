import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { SECURITY_GROUP } from './common';
import { judgeOpenPorts } from './open-ports';

/** SSH and RDP: the ports that give an operating-system login. */
export const ADMIN_PORTS = [22, 3389] as const;

/** 164.312(a)(1) access control, 164.312(e)(1) transmission security: no admin login from anywhere. */
export const ec2SgOpenAdminPorts: Rule = {
  id: 'aws.ec2.sg-open-admin-ports',
  title: 'Security groups do not allow SSH (22) or RDP (3389) from 0.0.0.0/0 or ::/0',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: SECURITY_GROUP,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    '164.312(a)(1) requires technical policies that allow access to systems holding ePHI only to authorized persons or programs, and 164.312(e)(1) requires guarding ePHI against unauthorized access over networks. An inbound rule that allows TCP 22 (SSH) or 3389 (RDP), or all traffic, from 0.0.0.0/0 or ::/0 lets any host on the internet reach the operating-system login of every instance that uses the group, where credential stuffing and exploit scans arrive within minutes; a login there reaches disks, memory and application secrets. The rule reads the group\'s inbound rules (DescribeSecurityGroups) and reports "open to the internet" only for these two sources; a failing detail names the network interfaces that use the group and the PHI-classified instances among them (DescribeNetworkInterfaces, DescribeInstances), and whether they have a public IP. Rules from office CIDRs, prefix lists or other security groups pass. A group tagged as PHI fails at the higher severity.',
  remediation: {
    text: 'Remove the 0.0.0.0/0 and ::/0 sources from SSH and RDP rules. Use AWS Systems Manager Session Manager (no inbound port at all) or EC2 Instance Connect Endpoint, or restrict the rule to the office or VPN CIDR or a bastion security group.',
    terraform: `resource "aws_vpc_security_group_ingress_rule" "ssh_office" {
  security_group_id = aws_security_group.bastion.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = "203.0.113.0/24" # office / VPN range, never 0.0.0.0/0
}`,
    cloudformation: `BastionSshFromOffice:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref BastionSecurityGroup
    IpProtocol: tcp
    FromPort: 22
    ToPort: 22
    CidrIp: 203.0.113.0/24 # office / VPN range, never 0.0.0.0/0`,
    cli: `aws ec2 revoke-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr 0.0.0.0/0
aws ec2 revoke-security-group-ingress --group-id <sg-id> \\
  --ip-permissions 'IpProtocol=tcp,FromPort=22,ToPort=22,Ipv6Ranges=[{CidrIpv6=::/0}]'
aws ec2 authorize-security-group-ingress --group-id <sg-id> --protocol tcp --port 22 --cidr <office-cidr>`,
  },
  evaluate: (resource, context) => judgeOpenPorts(resource, context, ADMIN_PORTS, 'administration'),
};
