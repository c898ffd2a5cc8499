import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { SECURITY_GROUP } from './common';
import { judgeOpenPorts } from './open-ports';

/** MySQL/Aurora, PostgreSQL, SQL Server, Oracle, MongoDB, Redis, OpenSearch/Elasticsearch. */
export const DATABASE_PORTS = [3306, 5432, 1433, 1521, 27017, 6379, 9200] as const;

/** 164.312(a)(1) access control, 164.312(e)(1) transmission security: databases are not reachable from anywhere. */
export const ec2SgOpenDatabasePorts: Rule = {
  id: 'aws.ec2.sg-open-database-ports',
  title: 'Security groups do not allow database ports from 0.0.0.0/0 or ::/0',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: SECURITY_GROUP,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    '164.312(a)(1) requires that only authorized persons or programs reach ePHI, and 164.312(e)(1) requires guarding it against unauthorized access over networks. An inbound rule that allows a database port — 3306 (MySQL/Aurora), 5432 (PostgreSQL), 1433 (SQL Server), 1521 (Oracle), 27017 (MongoDB), 6379 (Redis), 9200 (OpenSearch/Elasticsearch) — or all traffic from 0.0.0.0/0 or ::/0 puts the database listener of every resource using the group (RDS instances, EC2 databases, caches) one password away from anyone on the internet; Redis and Elasticsearch often answer without one. Order history and intake answers are read in bulk through such a listener. The rule reads inbound rules (DescribeSecurityGroups) and says "open to the internet" only for those two sources; a failing detail names the network interfaces using the group (an RDS interface is named by its description), the PHI-classified instances among them and their public IPs. Rules limited to the application\'s security group or private CIDRs pass. A group tagged as PHI fails at the higher severity.',
  remediation: {
    text: 'Replace the 0.0.0.0/0 and ::/0 sources of database ports with the security group of the application tier (or the private CIDR of the VPC), and make the database not publicly accessible. Administrators reach it through Session Manager port forwarding or a VPN.',
    terraform: `resource "aws_vpc_security_group_ingress_rule" "postgres_from_app" {
  security_group_id            = aws_security_group.orders_db.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
  referenced_security_group_id = aws_security_group.app.id
}`,
    cloudformation: `OrdersDbFromApp:
  Type: AWS::EC2::SecurityGroupIngress
  Properties:
    GroupId: !Ref OrdersDbSecurityGroup
    IpProtocol: tcp
    FromPort: 5432
    ToPort: 5432
    SourceSecurityGroupId: !Ref AppSecurityGroup`,
    cli: `aws ec2 revoke-security-group-ingress --group-id <db-sg-id> --protocol tcp --port 5432 --cidr 0.0.0.0/0
aws ec2 authorize-security-group-ingress --group-id <db-sg-id> --protocol tcp --port 5432 --source-group <app-sg-id>`,
  },
  evaluate: (resource, context) => judgeOpenPorts(resource, context, DATABASE_PORTS, 'database'),
};
