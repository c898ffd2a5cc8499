import type { NormalizedResource, Rule, RuleResult } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { clusterProperties, instanceProperties, RDS_CLUSTER, RDS_INSTANCE, rdsLabel } from './common';

/** Days of automated backups expected: the AWS Foundational Security Best Practices minimum (RDS.11). */
export const MIN_RETENTION_DAYS = 7;

const rationale = (what: string) =>
  `164.308(a)(7)(ii)(A) requires procedures to create and maintain retrievable exact copies of ePHI, and 164.308(a)(7)(ii)(B) procedures to restore any loss of data. RDS automated backups are the database's own copy: daily snapshots plus transaction logs that allow a point-in-time restore to any second within the retention period. BackupRetentionPeriod 0 turns them off altogether (no point-in-time recovery, and manual snapshots become the only copy); a short period means that corruption, a bad migration or ransomware noticed after a long weekend can no longer be undone. HIPAA names no number of days; this rule expects at least ${MIN_RETENTION_DAYS}, the minimum of the AWS Foundational Security Best Practices (RDS.11), and the contingency plan may require more. ${what}`;

const remediation = {
  text: `Set the backup retention period to at least ${MIN_RETENTION_DAYS} days (up to 35), in line with the contingency plan; keep longer-term copies with AWS Backup plans or manual snapshots where the plan asks for them.`,
  terraform: `resource "aws_db_instance" "storefront" {
  identifier              = "nwv-legacy-storefront-db"
  backup_retention_period = 14
  backup_window           = "03:00-04:00"
}

resource "aws_rds_cluster" "telemetry" {
  cluster_identifier      = "nwv-wearable-telemetry"
  backup_retention_period = 14
}`,
  cloudformation: `StorefrontDb:
  Type: AWS::RDS::DBInstance
  Properties:
    BackupRetentionPeriod: 14
TelemetryCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    BackupRetentionPeriod: 14`,
  cli: `aws rds modify-db-instance --db-instance-identifier <db> --backup-retention-period 14 --apply-immediately
aws rds modify-db-cluster --db-cluster-identifier <cluster> --backup-retention-period 14 --apply-immediately`,
};

function judge(resource: NormalizedResource, days: number | undefined): RuleResult {
  const subject = rdsLabel(resource);
  if (days === undefined) return notAssessed('backup retention period (BackupRetentionPeriod)', subject);
  if (days <= 0)
    return fail(
      `${subject} has automated backups turned off (BackupRetentionPeriod 0): there is no point-in-time recovery and no automated snapshot.${phiNote(resource)}`,
    );
  if (days < MIN_RETENTION_DAYS)
    return fail(
      `${subject} keeps automated backups for ${days} day${days === 1 ? '' : 's'}, under the ${MIN_RETENTION_DAYS} days this check expects.${phiNote(resource)}`,
    );
  return pass(`${subject} keeps automated backups with point-in-time recovery for ${days} days.`);
}

/** 164.308(a)(7)(ii)(A)/(B): a DB instance's own automated backups; cluster members and read replicas excepted. */
export const rdsInstanceBackupRetention: Rule = {
  id: 'aws.rds.instance-backup-retention',
  title: `RDS DB instances keep automated backups for at least ${MIN_RETENTION_DAYS} days`,
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: RDS_INSTANCE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  failurePattern: failurePatterns.missingBackups,
  rationale: rationale(
    "Instances that belong to an Aurora or Multi-AZ DB cluster are judged on the cluster, whose retention applies to them; read replicas are not judged either, because the copy that a restore needs is their source database's.",
  ),
  remediation,
  evaluate(resource) {
    const props = instanceProperties(resource);
    const subject = rdsLabel(resource);
    if (props.clusterIdentifier)
      return notApplicable(
        `${subject} is a member of DB cluster ${props.clusterIdentifier}: its backups are the cluster's and are judged there.`,
      );
    if (props.replicaSource)
      return notApplicable(
        `${subject} is a read replica of ${props.replicaSource}: the backups that matter are its source's.`,
      );
    return judge(resource, props.backupRetentionPeriod);
  },
};

/** 164.308(a)(7)(ii)(A)/(B): an Aurora cluster's backups (1–35 days; Aurora cannot turn them off). */
export const rdsClusterBackupRetention: Rule = {
  id: 'aws.rds.cluster-backup-retention',
  title: `RDS DB clusters (Aurora) keep automated backups for at least ${MIN_RETENTION_DAYS} days`,
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: RDS_CLUSTER,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)'],
  failurePattern: failurePatterns.missingBackups,
  rationale: rationale(
    'Aurora keeps continuous backups of the cluster volume for 1 to 35 days (it cannot be turned off), so for a cluster the question is the length of the window.',
  ),
  remediation,
  evaluate(resource) {
    return judge(resource, clusterProperties(resource).backupRetentionPeriod);
  },
};
