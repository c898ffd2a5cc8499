import type { NormalizedResource, Rule, RuleContext, RuleResult } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  NO_APPROVED_REGIONS,
  notApplicable,
  pass,
  phiNote,
} from '../../../../kit';
import { regionOfRdsArn, replicaRegion } from '../normalize';
import { clusterProperties, instanceProperties, RDS_CLUSTER, RDS_INSTANCE, rdsLabel } from './common';

interface Copy {
  /** 'read replica nwv-x', 'replicated automated backups arn:…' */
  what: string;
  region: string | null;
}

const rationale = (what: string) =>
  `164.308(a)(7)(ii)(A) requires retrievable exact copies of ePHI and 164.308(a)(7)(ii)(B) a plan to restore them, and 164.310(d)(2)(iv) requires a retrievable copy before equipment moves; the risk analysis and the contingency plan that satisfy them name where those copies live. A read replica or a replicated backup in another AWS Region is a full copy of the database held under that region's jurisdiction, operations and outage profile: placed in a region outside the engagement's approved regions, it holds ePHI where no data-residency commitment, BAA review or recovery test covered it. ${what} The rule fails for each copy in a region outside the approved regions, and for a replica that itself sits in one (the replica, not only the arrow to it); a database with no replica and no backup replication is not applicable.`;

const remediation = {
  text: 'Delete or promote-and-migrate replicas outside the approved regions, stop automated-backup replication to them (StopDBInstanceAutomatedBackupsReplication) and, if cross-region recovery is needed, replicate to an approved region instead; record the destination region in the contingency plan.',
  terraform: `# A cross-region read replica in an approved region (provider alias for us-west-2)
resource "aws_db_instance" "storefront_dr" {
  provider            = aws.us_west_2
  identifier          = "nwv-legacy-storefront-db-dr"
  replicate_source_db = aws_db_instance.storefront.arn
  storage_encrypted   = true
  kms_key_id          = aws_kms_key.phi_us_west_2.arn
}

resource "aws_db_instance_automated_backups_replication" "storefront" {
  provider               = aws.us_west_2
  source_db_instance_arn = aws_db_instance.storefront.arn
  kms_key_id             = aws_kms_key.phi_us_west_2.arn
}`,
  cloudformation: `# Deploy in the approved destination region (us-west-2)
StorefrontDr:
  Type: AWS::RDS::DBInstance
  Properties:
    DBInstanceIdentifier: nwv-legacy-storefront-db-dr
    SourceDBInstanceIdentifier: arn:aws:rds:us-east-1:<account>:db:nwv-legacy-storefront-db
    SourceRegion: us-east-1
    KmsKeyId: !GetAtt PhiKeyUsWest2.Arn`,
  cli: `# Remove a replica in an unapproved region
aws rds delete-db-instance --region eu-west-1 --db-instance-identifier <replica> --skip-final-snapshot
# Stop automated-backup replication (run in the destination region)
aws rds stop-db-instance-automated-backups-replication --region <destination> --source-db-instance-arn <source-arn>
# Replicate to an approved region instead
aws rds start-db-instance-automated-backups-replication --region us-west-2 --source-db-instance-arn <source-arn> --kms-key-id <us-west-2-key-arn>`,
};

/**
 * `copyOf` says what makes the resource a copy itself ('a replica of X', 'a member of global database
 * G'), null for a primary.
 */
function judge(
  resource: NormalizedResource,
  context: RuleContext,
  copies: readonly Copy[],
  copyOf: string | null,
): RuleResult {
  const subject = rdsLabel(resource);
  if (copies.length === 0 && copyOf === null)
    return notApplicable(
      `${subject} has no read replica and no automated-backup replication to another region.`,
    );
  const where = copies.map((copy) => `${copy.what} (${copy.region ?? 'region unknown'})`);
  if (context.approvedRegions.length === 0)
    return notApplicable(
      `${subject}: ${NO_APPROVED_REGIONS}, so its copies (${where.join(', ') || copyOf}) were not judged.`,
    );
  const problems: string[] = [];
  if (copyOf !== null && !isApprovedRegion(resource.region, context.approvedRegions))
    problems.push(`is itself ${copyOf} located in ${resource.region}`);
  const outside = copies.filter(
    (copy): copy is Copy & { region: string } =>
      copy.region !== null && !isApprovedRegion(copy.region, context.approvedRegions),
  );
  if (outside.length > 0)
    problems.push(`copies its data to ${outside.map((copy) => `${copy.what} in ${copy.region}`).join(', ')}`);
  const unknown = copies.filter((copy) => copy.region === null);
  if (unknown.length > 0)
    problems.push(
      `copies its data to ${unknown.map((copy) => copy.what).join(', ')}, whose region could not be determined`,
    );
  if (problems.length > 0)
    return fail(
      `${subject} ${problems.join('; and ')}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
    );
  const parts = [
    copyOf !== null ? `is ${copyOf} in approved region ${resource.region}` : null,
    copies.length > 0 ? `copies its data only to approved regions: ${where.join(', ')}` : null,
  ].filter((each): each is string => each !== null);
  return pass(`${subject} ${parts.join(' and ')}.`);
}

/** 164.308(a)(7)(ii)(A)/(B), 164.310(d)(2)(iv): read replicas and replicated automated backups of an instance. */
export const rdsInstanceReplicaRegion: Rule = {
  id: 'aws.rds.instance-replica-region',
  title: 'RDS DB instances replicate (read replicas, automated backups) only to approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: RDS_INSTANCE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.310(d)(2)(iv)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale: rationale(
    'For a DB instance the copies are its read replicas (ReadReplicaDBInstanceIdentifiers and ReadReplicaDBClusterIdentifiers: an identifier for a replica in the same region, an ARN whose region is read for one elsewhere) and its replicated automated backups (DBInstanceAutomatedBackupsReplications on DescribeDBInstances and DescribeDBInstanceAutomatedBackups, each an ARN in the destination region).',
  ),
  remediation,
  evaluate(resource, context) {
    const props = instanceProperties(resource);
    const copies: Copy[] = [
      ...(props.readReplicas ?? []).map((ref) => ({
        what: `read replica ${ref}`,
        region: replicaRegion(ref, resource.region),
      })),
      ...(props.backupReplications ?? []).map((each) => ({
        what: `replicated automated backups ${each.arn}`,
        region: each.region ?? regionOfRdsArn(each.arn),
      })),
    ];
    return judge(
      resource,
      context,
      copies,
      props.replicaSource ? `a replica of ${props.replicaSource}` : null,
    );
  },
};

/** 164.308(a)(7)(ii)(A)/(B), 164.310(d)(2)(iv): cross-region read replica clusters of an Aurora cluster. */
export const rdsClusterReplicaRegion: Rule = {
  id: 'aws.rds.cluster-replica-region',
  title: 'RDS DB clusters (Aurora) replicate only to approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: RDS_CLUSTER,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.310(d)(2)(iv)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale: rationale(
    'For an Aurora cluster the copies are its cross-region read replica clusters (ReadReplicaIdentifiers, ARNs), and a replica cluster names its source in ReplicationSourceIdentifier. A member of an Aurora global database (GlobalClusterIdentifier) counts as a copy itself, judged by its own region, since secondary clusters name no source; each member cluster of the run is judged in its region.',
  ),
  remediation,
  evaluate(resource, context) {
    const props = clusterProperties(resource);
    const copies: Copy[] = (props.readReplicas ?? []).map((ref) => ({
      what: `read replica cluster ${ref}`,
      region: replicaRegion(ref, resource.region),
    }));
    // A global database's secondary clusters name no ReplicationSourceIdentifier: membership makes them copies.
    const copyOf = props.replicaSource
      ? `a replica of ${props.replicaSource}`
      : props.globalClusterIdentifier
        ? `a member of global database ${props.globalClusterIdentifier}`
        : null;
    return judge(resource, context, copies, copyOf);
  },
};
