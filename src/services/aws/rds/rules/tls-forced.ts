import type { NormalizedResource, Rule, RuleResult } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { RdsTlsParameter } from '../resource';
import { clusterProperties, instanceProperties, RDS_CLUSTER, RDS_INSTANCE, rdsLabel } from './common';

const rationale = (what: string) =>
  `164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network, and 164.312(e)(2)(ii) calls for encrypting it where reasonable and appropriate (addressable); 164.312(e)(2)(i) asks that transmitted ePHI cannot be modified undetected. RDS endpoints offer TLS, but the engines accept plain connections unless told otherwise: a client, report tool or migration script that does not ask for TLS sends queries and result rows (names, orders, notes) in clear text across the VPC and any peered or VPN network. The parameter group decides: rds.force_ssl = 1 for PostgreSQL, Aurora PostgreSQL and SQL Server, require_secure_transport = ON (or 1) for MySQL, MariaDB and Aurora MySQL. ${what} The rule reads the group with DescribeDB(Cluster)Parameters and judges the value it holds; where the group leaves the parameter unset it applies the engine's documented default (on for RDS for PostgreSQL 15 and later, off otherwise) and says so. Engines that force TLS elsewhere (Oracle's SSL option in an option group, Db2, Neptune, DocumentDB) are not judged.`;

const remediation = {
  text: 'Use a custom parameter group (default groups cannot be changed) with rds.force_ssl = 1 (PostgreSQL, Aurora PostgreSQL, SQL Server) or require_secure_transport = ON (MySQL, MariaDB, Aurora MySQL), attach it to the instance or cluster, and reboot if the parameter is static for the engine (SQL Server). Check first that every client connects with TLS and trusts the RDS certificate authority.',
  terraform: `resource "aws_db_parameter_group" "mysql_tls" {
  name   = "nwv-mysql80-tls"
  family = "mysql8.0"
  parameter {
    name  = "require_secure_transport"
    value = "1"
  }
}

resource "aws_rds_cluster_parameter_group" "aurora_pg_tls" {
  name   = "nwv-aurora-pg16-tls"
  family = "aurora-postgresql16"
  parameter {
    name  = "rds.force_ssl"
    value = "1"
  }
}`,
  cloudformation: `MysqlTlsParameters:
  Type: AWS::RDS::DBParameterGroup
  Properties:
    Family: mysql8.0
    Description: TLS only
    Parameters:
      require_secure_transport: '1'
AuroraPgTlsParameters:
  Type: AWS::RDS::DBClusterParameterGroup
  Properties:
    Family: aurora-postgresql16
    Description: TLS only
    Parameters:
      rds.force_ssl: '1'`,
  cli: `aws rds create-db-parameter-group --db-parameter-group-name nwv-mysql80-tls --db-parameter-group-family mysql8.0 --description "TLS only"
aws rds modify-db-parameter-group --db-parameter-group-name nwv-mysql80-tls --parameters "ParameterName=require_secure_transport,ParameterValue=1,ApplyMethod=immediate"
aws rds modify-db-instance --db-instance-identifier <db> --db-parameter-group-name nwv-mysql80-tls --apply-immediately
# Aurora: the cluster parameter group
aws rds modify-db-cluster-parameter-group --db-cluster-parameter-group-name <group> --parameters "ParameterName=rds.force_ssl,ParameterValue=1,ApplyMethod=immediate"`,
};

function judge(
  resource: NormalizedResource,
  tls: RdsTlsParameter | undefined,
  operation: string,
): RuleResult {
  const subject = rdsLabel(resource);
  if (tls === undefined) return notAssessed(`parameter group (${operation})`, subject);
  if (tls.parameter === null)
    return notApplicable(`${subject}: ${tls.reading}; TLS enforcement was not judged.`);
  if (tls.forced)
    return pass(
      `${subject} refuses connections without TLS: in parameter group ${tls.group}, ${tls.reading}.`,
    );
  return fail(
    `${subject} accepts connections without TLS: in parameter group ${tls.group}, ${tls.reading}.${phiNote(resource)}`,
  );
}

/** 164.312(e)(1), (e)(2)(i), (e)(2)(ii): the instance's DB parameter group; cluster members are judged on the cluster. */
export const rdsInstanceTlsForced: Rule = {
  id: 'aws.rds.instance-tls-forced',
  title: 'RDS DB instances refuse connections without TLS (rds.force_ssl / require_secure_transport)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: RDS_INSTANCE,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale: rationale(
    'For a DB instance the parameter lives in its DB parameter group; members of an Aurora or Multi-AZ DB cluster take it from the cluster parameter group and are judged by aws.rds.cluster-tls-forced.',
  ),
  remediation,
  evaluate(resource) {
    const props = instanceProperties(resource);
    if (props.clusterIdentifier)
      return notApplicable(
        `${rdsLabel(resource)} is a member of DB cluster ${props.clusterIdentifier}: its TLS parameter is in the cluster parameter group and is judged there.`,
      );
    return judge(resource, props.tls, 'DescribeDBParameters');
  },
};

/** 164.312(e)(1), (e)(2)(i), (e)(2)(ii): the cluster parameter group of an Aurora or Multi-AZ DB cluster. */
export const rdsClusterTlsForced: Rule = {
  id: 'aws.rds.cluster-tls-forced',
  title: 'RDS DB clusters (Aurora) refuse connections without TLS (rds.force_ssl / require_secure_transport)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: RDS_CLUSTER,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale: rationale(
    'For an Aurora (or Multi-AZ) DB cluster the parameter lives in the DB cluster parameter group, and applies to every instance of the cluster.',
  ),
  remediation,
  evaluate(resource) {
    return judge(resource, clusterProperties(resource).tls, 'DescribeDBClusterParameters');
  },
};
