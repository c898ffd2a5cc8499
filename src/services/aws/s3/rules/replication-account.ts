import type { S3BucketProperties } from '../resource';
import type { NormalizedResource, RuleContext } from '../../../../kit';
import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

type Destination = NonNullable<S3BucketProperties['replication']>['destinations'][number];

interface OwnerIndex {
  /** Bucket ARN and name → the account the run collected it in */
  owners: Map<string, string>;
  /** Every AWS account this run collected resources in */
  accounts: Set<string>;
}

// Built once per run's resource list (large organisations).
const ownerIndexes = new WeakMap<readonly NormalizedResource[], OwnerIndex>();

function ownerIndex(resources: readonly NormalizedResource[]): OwnerIndex {
  let index = ownerIndexes.get(resources);
  if (!index) {
    index = { owners: new Map(), accounts: new Set() };
    for (const r of resources) {
      if (r.provider !== 'aws') continue;
      index.accounts.add(r.scopeId);
      if (r.type !== S3_BUCKET) continue;
      index.owners.set(r.nativeId, r.scopeId);
      index.owners.set(r.name, r.scopeId);
    }
    ownerIndexes.set(resources, index);
  }
  return index;
}

/** The rule's Destination.Account (or this account for its own bucket), else the account this run saw the bucket in. */
function destinationOwner(destination: Destination, index: OwnerIndex): string | null {
  return (
    destination.account ??
    index.owners.get(destination.bucketArn) ??
    index.owners.get(destination.bucket) ??
    null
  );
}

/**
 * 164.308(b)(1) and 164.314(a)(1): a replica in an AWS account outside the entity's own is ePHI
 * held by someone else, who must be under a business associate agreement.
 */
export const s3ReplicationAccount: Rule = {
  id: 'aws.s3.replication-account',
  title: "S3 replication sends copies only to the engagement's own AWS accounts",
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.308(b)(1)', '164.314(a)(1)', '164.308(a)(7)(ii)(A)'],
  failurePattern: failurePatterns.phiOutsideBaa,
  rationale:
    "S3 replication can copy every object of a bucket into a bucket owned by another AWS account — a DR vendor, a managed-service provider, an analytics partner. Whoever controls that account creates, receives or maintains ePHI on the entity's behalf and is a business associate: 164.308(b)(1) permits this only with satisfactory assurances, and 164.314(a)(1) says what the business associate agreement must contain. The contingency plan (164.308(a)(7)(ii)(A)) must also know the copy is there. The rule reads each enabled replication rule's destination: its Destination.Account when the rule names one (S3 verifies it when replica ownership is changed with AccessControlTranslation), else the account this run saw the destination bucket in. A destination in an account assessed in this run (the entity's own organisation) passes. A destination in any other account fails so it is recorded in the BAA register; a destination whose owner could not be determined fails too, until someone confirms who owns it.",
  remediation: {
    text: "If the destination account belongs to a third party, record it as a business associate in the BAA register, check that the signed BAA covers replicated PHI (and its deletion at the end of the relationship), and keep the replica under a KMS key the entity controls. If it is the entity's own account, add it to the engagement's assessed accounts. If the copy is not needed, delete the replication rule and have the replica deleted, recording its disposal (164.310(d)(2)(i)).",
    terraform: `# Name the destination owner explicitly and keep replicas owned by it only under a BAA:
resource "aws_s3_bucket_replication_configuration" "phi" {
  bucket = aws_s3_bucket.phi.id
  role   = aws_iam_role.replication.arn

  rule {
    id     = "phi-dr"
    status = "Enabled"
    filter {}

    delete_marker_replication {
      status = "Disabled"
    }

    destination {
      bucket  = "arn:aws:s3:::<destination-bucket>"
      account = "<destination-account-id>" # recorded in the BAA register

      access_control_translation {
        owner = "Destination"
      }
    }
  }
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration:
      Status: Enabled
    ReplicationConfiguration:
      Role: !GetAtt ReplicationRole.Arn
      Rules:
        - Id: phi-dr
          Status: Enabled
          Priority: 1
          Filter:
            Prefix: ''
          DeleteMarkerReplication:
            Status: Disabled
          Destination:
            Bucket: arn:aws:s3:::<destination-bucket>
            Account: '<destination-account-id>' # recorded in the BAA register
            AccessControlTranslation:
              Owner: Destination`,
    cli: `# See where each rule sends copies, and which account it names:
aws s3api get-bucket-replication --bucket <bucket-name> \\
  --query 'ReplicationConfiguration.Rules[].{id:ID,status:Status,bucket:Destination.Bucket,account:Destination.Account}'
# Stop replicating to a destination that should not hold PHI:
aws s3api delete-bucket-replication --bucket <bucket-name>`,
  },
  evaluate(resource, context: RuleContext) {
    const { replication } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (replication === undefined) return notAssessed('replication configuration', subject);
    const active = replication.enabled
      ? replication.destinations.filter((d) => d.status.toLowerCase() === 'enabled')
      : [];
    if (active.length === 0) return notApplicable(`${subject} has no enabled replication rule.`);
    const index = ownerIndex(context.resources);
    const assessed = new Set([...index.accounts, resource.scopeId]);
    const resolved = active.map((d) => ({ bucket: d.bucket, owner: destinationOwner(d, index) }));
    const outside = resolved.filter((d) => d.owner !== null && !assessed.has(d.owner));
    const unknown = resolved.filter((d) => d.owner === null);
    if (outside.length > 0 || unknown.length > 0) {
      const parts: string[] = [];
      if (outside.length > 0)
        parts.push(
          `replicates to ${outside.map((d) => `${d.bucket} in another AWS account (${d.owner})`).join(', ')}, outside the accounts of this assessment: record it as a business associate in the BAA register (164.308(b)(1))`,
        );
      if (unknown.length > 0)
        parts.push(
          `replicates to ${unknown.map((d) => d.bucket).join(', ')}, whose owning account could not be determined (the rule names no Destination.Account and this run did not see the bucket): confirm the owner, and if it is another account record it in the BAA register`,
        );
      return fail(`${subject} ${parts.join('; and ')}.${phiNote(resource)}`);
    }
    const where = resolved
      .map((d) =>
        d.owner === resource.scopeId ? `${d.bucket} (same account)` : `${d.bucket} (account ${d.owner})`,
      )
      .join(', ');
    return pass(`${subject} replicates only to accounts of this assessment: ${where}.`);
  },
};
