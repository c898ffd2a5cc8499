import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { engineLabel, instanceProperties, RDS_INSTANCE, rdsLabel } from './common';
import { securityGroupExposure } from './security-groups';

/**
 * 164.312(a)(1) access control, 164.312(e)(1) transmission security: a database holding ePHI is
 * reached through the application's private network, not through a public address.
 */
export const rdsInstancePublic: Rule = {
  id: 'aws.rds.instance-public',
  title: 'RDS DB instances are not publicly accessible',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: RDS_INSTANCE,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "PubliclyAccessible true gives the DB instance a DNS name that resolves to a public IP address (from outside the VPC), so the database listener is one security group rule away from anyone on the internet: password guessing, engine exploits and unencrypted logins then need no foothold in the network. 164.312(a)(1) requires that only authorized persons and software reach systems holding ePHI, and 164.312(e)(1) requires guarding ePHI against unauthorized access while it crosses networks; a database on a public address relies on its security groups alone for both. The rule reads PubliclyAccessible from DescribeDBInstances; whether the endpoint answers from the internet also depends on the instance's security groups and its subnets' routes. When the run's EC2 service read those security groups, the failing detail says whether one admits 0.0.0.0/0 or ::/0 on the database port; otherwise it names the groups to review and claims no reachability. A public PHI database is rated critical; a public one not classified as PHI high.",
  remediation: {
    text: "Turn PubliclyAccessible off (the endpoint then resolves to its private address only) and reach the database from inside the VPC: the application subnets, a VPN, AWS Client VPN or Session Manager port forwarding through a bastion. Until then, restrict its security groups to the application's security group and known administrative addresses.",
    terraform: `resource "aws_db_instance" "storefront" {
  identifier             = "nwv-legacy-storefront-db"
  publicly_accessible    = false
  db_subnet_group_name   = aws_db_subnet_group.private.name
  vpc_security_group_ids = [aws_security_group.storefront_db.id]
}`,
    cloudformation: `StorefrontDb:
  Type: AWS::RDS::DBInstance
  Properties:
    DBInstanceIdentifier: nwv-legacy-storefront-db
    PubliclyAccessible: false
    DBSubnetGroupName: !Ref PrivateDbSubnetGroup
    VPCSecurityGroups: [!Ref StorefrontDbSecurityGroup]`,
    cli: `aws rds modify-db-instance --db-instance-identifier <db> --no-publicly-accessible --apply-immediately`,
  },
  evaluate(resource, context) {
    const props = instanceProperties(resource);
    const subject = rdsLabel(resource);
    if (props.publiclyAccessible === undefined)
      return notAssessed('public accessibility (PubliclyAccessible)', subject);
    const engine = engineLabel(props.engine, props.engineVersion);
    if (!props.publiclyAccessible)
      return pass(
        `${subject} (${engine}) is not publicly accessible (PubliclyAccessible false): its endpoint resolves to a private address only.`,
      );
    const endpoint = props.endpointAddress ? `its endpoint ${props.endpointAddress}` : 'its endpoint';
    const groupIds = props.vpcSecurityGroupIds ?? [];
    const port = props.port ?? null;
    const { seen, unseen } = securityGroupExposure(resource, groupIds, port, context);
    const open = [...seen].filter((entry): entry is [string, string] => entry[1] !== null);
    const onPort = port !== null ? ` on port ${port}` : '';
    let reach: string;
    if (open.length > 0)
      reach = ` Its security group${open.length === 1 ? '' : 's'} ${open.map(([id, cidr]) => `${id} (${cidr})`).join(', ')} admit${open.length === 1 ? 's' : ''} everyone${onPort}, so the database listener is open to the internet at the security-group level (network ACLs and routes were not read).`;
    else if (unseen.length === 0 && seen.size > 0)
      reach = ` Its security groups (${[...seen.keys()].join(', ')}) admit no 0.0.0.0/0 or ::/0${onPort}, so only the addresses they name can reach it.`;
    else
      reach = ` Whether it answers from the internet depends on ${groupIds.length > 0 ? `its security groups (${groupIds.join(', ')})` : 'its security groups'} and its subnets' routes, which this run did not read${seen.size > 0 ? ` for ${unseen.join(', ')}` : ''}.`;
    return fail(
      `${subject} (${engine}) is publicly accessible (PubliclyAccessible true): ${endpoint} resolves to a public IP address.${reach}${phiNote(resource)}`,
    );
  },
};
