import type { S3BucketProperties } from '../resource';
import type { NormalizedResource, RuleContext } from '../../../../kit';
import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { isApprovedRegion, listRegions, NO_APPROVED_REGIONS } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

type Destination = NonNullable<S3BucketProperties['replication']>['destinations'][number];

// Bucket ARN and name → region, built once per run's resource list (large organisations).
const regionIndexes = new WeakMap<readonly NormalizedResource[], Map<string, string>>();

function regionIndex(resources: readonly NormalizedResource[]): Map<string, string> {
  let index = regionIndexes.get(resources);
  if (!index) {
    index = new Map();
    for (const r of resources) {
      if (r.type !== S3_BUCKET) continue;
      index.set(r.nativeId, r.region);
      index.set(r.name, r.region);
    }
    regionIndexes.set(resources, index);
  }
  return index;
}

/** The destination's region as collected, else the region of that bucket if this run saw it. */
function destinationRegion(destination: Destination, context: RuleContext): string | null {
  if (destination.region) return destination.region;
  const index = regionIndex(context.resources);
  return index.get(destination.bucketArn) ?? index.get(destination.bucket) ?? null;
}

/**
 * 164.308(a)(7)(ii)(A)/(B) and 164.308(a)(1)(ii)(A): replicas of ePHI stay in the regions the
 * contingency plan and risk analysis cover.
 */
export const s3ReplicationRegion: Rule = {
  id: 'aws.s3.replication-region',
  title: 'S3 replication sends copies only to approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "Replication creates exact copies of ePHI for backup and disaster recovery. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must say where those copies live and how they are restored, and the risk analysis (164.308(a)(1)(ii)(A)) must cover ePHI in every location; OCR expects its scope to include all ePHI the entity creates, receives, maintains or transmits. The engagement's approved regions are the locations those documents cover. A replica in any other region is ePHI outside the plan and the risk analysis, and may also break a data-location commitment in a business associate agreement (164.314(a)) — check the contracts when triaging. A destination whose region cannot be determined is treated as unapproved until shown otherwise.",
  remediation: {
    text: "Point the replication rule at a destination bucket in an approved region, then delete the replica data left in the unapproved region and record its disposal (164.310(d)(2)(i)). If the region is in fact intended, add it to the contingency plan, the risk analysis and the engagement's approved regions instead. Both buckets need versioning; SSE-KMS objects also need source_selection_criteria and a replica KMS key.",
    terraform: `resource "aws_s3_bucket_replication_configuration" "phi" {
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
      # A bucket in an approved region (its provider block sets that region).
      bucket        = aws_s3_bucket.phi_replica.arn
      storage_class = "STANDARD"
    }
  }

  depends_on = [aws_s3_bucket_versioning.phi]
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
            # A bucket in an approved region.
            Bucket: arn:aws:s3:::<replica-bucket-in-approved-region>`,
    cli: `# Inspect the current destinations:
aws s3api get-bucket-replication --bucket <bucket-name>
# Replace them with a destination in an approved region (replication.json as in the CloudFormation rule):
aws s3api put-bucket-replication --bucket <bucket-name> --replication-configuration file://replication.json
# Or stop replicating altogether:
aws s3api delete-bucket-replication --bucket <bucket-name>`,
  },
  evaluate(resource, context) {
    const { replication } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (replication === undefined) return notAssessed('replication configuration', subject);
    const active = replication.enabled
      ? replication.destinations.filter((d) => d.status.toLowerCase() === 'enabled')
      : [];
    if (active.length === 0) return notApplicable(`${subject} has no enabled replication rule.`);
    const resolved = active.map((d) => ({ bucket: d.bucket, region: destinationRegion(d, context) }));
    const where = resolved.map((d) => `${d.bucket} (${d.region ?? 'region unknown'})`).join(', ');
    if (context.approvedRegions.length === 0) {
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its replication to ${where} was not judged.`,
      );
    }
    const unknown = resolved.filter((d) => d.region === null).map((d) => d.bucket);
    const unapproved = resolved
      .filter(
        (d): d is { bucket: string; region: string } =>
          d.region !== null && !isApprovedRegion(d.region, context.approvedRegions),
      )
      .map((d) => `${d.bucket} in ${d.region}`);
    if (unapproved.length > 0 || unknown.length > 0) {
      const parts: string[] = [];
      if (unapproved.length > 0)
        parts.push(
          `replicates to ${unapproved.join(', ')}, outside the approved regions (${listRegions(context.approvedRegions)})`,
        );
      if (unknown.length > 0)
        parts.push(`replicates to ${unknown.join(', ')}, whose region could not be determined`);
      return fail(`${subject} ${parts.join('; and ')}.${phiNote(resource)}`);
    }
    return pass(`${subject} replicates only to approved regions: ${where}.`);
  },
};
