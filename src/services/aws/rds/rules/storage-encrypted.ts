import type { NormalizedResource, Rule, RuleContext, RuleResult } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import type { RdsClusterProperties } from '../resource';
import {
  clusterProperties,
  engineLabel,
  instanceProperties,
  keyManagerNote,
  RDS_CLUSTER,
  RDS_INSTANCE,
  rdsLabel,
} from './common';

const rationale = (what: string) =>
  `164.312(a)(2)(iv) requires a mechanism to encrypt and decrypt ePHI, or a documented equivalent where encryption is not reasonable and appropriate (addressable, 164.306(d)(3)). ${what} RDS encrypts a database's storage, its automated backups, snapshots and read replicas with a KMS key when StorageEncrypted is true; the setting is chosen at creation and cannot be turned on later, so an unencrypted database holding order history, intake answers or telehealth notes stays unencrypted, together with every snapshot taken of it, until it is restored from an encrypted copy. Encryption also decides breach exposure: ePHI rendered unreadable per HHS guidance is not "unsecured PHI" (164.402), so a lost snapshot or decommissioned disk does not trigger notification. The rule reads StorageEncrypted from the RDS answer; the passing detail names the KMS key and, when the run's KMS service described it, whether it is customer managed (preferred for PHI: its policy can revoke access and CloudTrail logs each use). Severity is high whether or not the database is classified as PHI: the gap is not reachable from outside by itself (that is what critical is kept for), but it cannot be fixed in place and extends to every copy.`;

const remediation = {
  text: 'Storage encryption cannot be switched on for an existing database: take a snapshot, copy it with encryption under a KMS key (preferably customer managed), restore a new encrypted instance or cluster from the copy, move the application to it (or use a blue/green switchover), then delete the unencrypted database and its snapshots. Set storage_encrypted on every new database.',
  terraform: `resource "aws_db_instance" "storefront" {
  identifier        = "nwv-legacy-storefront-db"
  engine            = "mysql"
  storage_encrypted = true
  kms_key_id        = aws_kms_key.phi.arn
  # snapshot_identifier = "<encrypted snapshot copy>"  # when restoring the existing data
}

resource "aws_rds_cluster" "telemetry" {
  cluster_identifier = "nwv-wearable-telemetry"
  engine             = "aurora-mysql"
  storage_encrypted  = true
  kms_key_id         = aws_kms_key.phi.arn
}`,
  cloudformation: `StorefrontDb:
  Type: AWS::RDS::DBInstance
  Properties:
    DBInstanceIdentifier: nwv-legacy-storefront-db
    Engine: mysql
    StorageEncrypted: true
    KmsKeyId: !GetAtt PhiKey.Arn
TelemetryCluster:
  Type: AWS::RDS::DBCluster
  Properties:
    DBClusterIdentifier: nwv-wearable-telemetry
    Engine: aurora-mysql
    StorageEncrypted: true
    KmsKeyId: !GetAtt PhiKey.Arn`,
  cli: `# Instance: snapshot, encrypted copy, restore
aws rds create-db-snapshot --db-instance-identifier <db> --db-snapshot-identifier <db>-plain
aws rds copy-db-snapshot --source-db-snapshot-identifier <db>-plain --target-db-snapshot-identifier <db>-encrypted --kms-key-id <kms-key-arn>
aws rds restore-db-instance-from-db-snapshot --db-instance-identifier <db>-enc --db-snapshot-identifier <db>-encrypted
# Aurora cluster: snapshot, then restore with a key (the restore encrypts)
aws rds create-db-cluster-snapshot --db-cluster-identifier <cluster> --db-cluster-snapshot-identifier <cluster>-plain
aws rds restore-db-cluster-from-snapshot --db-cluster-identifier <cluster>-enc --snapshot-identifier <cluster>-plain --engine aurora-mysql --kms-key-id <kms-key-arn>`,
};

function judge(
  resource: NormalizedResource,
  context: RuleContext,
  facts: {
    storageEncrypted?: boolean | undefined;
    kmsKeyId?: string | null | undefined;
    engine?: string | undefined;
    engineVersion?: string | null | undefined;
  },
): RuleResult {
  const subject = rdsLabel(resource);
  if (facts.storageEncrypted === undefined)
    return notAssessed('storage encryption (StorageEncrypted)', subject);
  const engine = engineLabel(facts.engine, facts.engineVersion);
  if (!facts.storageEncrypted)
    return fail(
      `${subject} (${engine}) does not encrypt its storage (StorageEncrypted false): its data, automated backups and snapshots are stored unencrypted.${phiNote(resource)}`,
    );
  const key = facts.kmsKeyId ?? null;
  return pass(
    key
      ? `${subject} (${engine}) encrypts its storage under KMS key ${key}${keyManagerNote(key, context)}.`
      : `${subject} (${engine}) encrypts its storage (StorageEncrypted true); the answer named no KMS key.`,
  );
}

/** 164.312(a)(2)(iv): the instance's storage; Aurora and Multi-AZ cluster members are judged on the cluster. */
export const rdsInstanceStorageEncrypted: Rule = {
  id: 'aws.rds.instance-storage-encrypted',
  title: 'RDS DB instances encrypt their storage at rest',
  severity: 'high',
  exposure: 'internal',
  resourceType: RDS_INSTANCE,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale: rationale(
    "An RDS DB instance (MySQL, MariaDB, PostgreSQL, SQL Server, Oracle, Db2) keeps its data on storage volumes RDS manages. Instances that belong to an Aurora or Multi-AZ DB cluster are not judged here: their storage is the cluster's, judged by aws.rds.cluster-storage-encrypted.",
  ),
  remediation,
  evaluate(resource, context) {
    const props = instanceProperties(resource);
    if (props.clusterIdentifier)
      return notApplicable(
        `${rdsLabel(resource)} is a member of DB cluster ${props.clusterIdentifier}: its storage is the cluster's and is judged there.`,
      );
    return judge(resource, context, props);
  },
};

/** 164.312(a)(2)(iv): an Aurora (or Multi-AZ) cluster's shared storage volume. */
export const rdsClusterStorageEncrypted: Rule = {
  id: 'aws.rds.cluster-storage-encrypted',
  title: 'RDS DB clusters (Aurora) encrypt their storage at rest',
  severity: 'high',
  exposure: 'internal',
  resourceType: RDS_CLUSTER,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale: rationale(
    'An Aurora DB cluster keeps its data on one cluster volume shared by its instances, so encryption is a property of the cluster (StorageEncrypted on DescribeDBClusters), as for Multi-AZ DB clusters.',
  ),
  remediation,
  evaluate(resource, context) {
    const props: Partial<RdsClusterProperties> = clusterProperties(resource);
    return judge(resource, context, props);
  },
};
