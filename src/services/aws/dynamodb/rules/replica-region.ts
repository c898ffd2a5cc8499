import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  NO_APPROVED_REGIONS,
  notApplicable,
  notAssessed,
  pass,
  phiNote,
} from '../../../../kit';
import { DYNAMODB_TABLE, tableLabel, tableProperties } from './common';

/** 164.308(a)(7)(ii)(A)/(B), 164.310(d)(2)(iv): global table replicas stay in the approved regions. */
export const dynamodbReplicaRegion: Rule = {
  id: 'aws.dynamodb.replica-region',
  title: 'DynamoDB global tables replicate only to approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: DYNAMODB_TABLE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.310(d)(2)(iv)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "164.308(a)(7)(ii)(A) requires retrievable exact copies of ePHI and 164.308(a)(7)(ii)(B) a plan to restore them, and 164.310(d)(2)(iv) a retrievable copy before equipment moves; the contingency plan and risk analysis behind them name where the copies live. A DynamoDB global table (version 2019.11.21) is a full, writable copy of the table in every replica region: a replica in a region outside the engagement's approved regions holds the data where no data-residency commitment, BAA review or recovery test covered it. The rule reads Replicas[].RegionName from DescribeTable; it fails a table with a replica outside the approved regions, and a replica that itself sits in one (each replica is a table of its region, assessed there). Legacy global tables (version 2017.11.29) are not listed by DescribeTable and are not judged.",
  remediation: {
    text: 'Remove the replica in the unapproved region (UpdateTable ReplicaUpdates Delete) after confirming no application writes there, and add a replica in an approved region if multi-region recovery is needed; record the replica regions in the contingency plan.',
    terraform: `resource "aws_dynamodb_table" "wearable_readings" {
  name             = "nwv-wearable-readings"
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
  # Only approved regions
  replica {
    region_name = "us-west-2"
    kms_key_arn = aws_kms_key.phi_us_west_2.arn
  }
}`,
    cloudformation: `WearableReadings:
  Type: AWS::DynamoDB::GlobalTable
  Properties:
    TableName: nwv-wearable-readings
    Replicas:
      - Region: us-east-1
      - Region: us-west-2`,
    cli: `aws dynamodb update-table --table-name <table> --region <home-region> \\
  --replica-updates '[{"Delete":{"RegionName":"eu-west-1"}}]'`,
  },
  evaluate(resource, context) {
    const { replicas } = tableProperties(resource);
    const subject = tableLabel(resource);
    if (replicas === undefined) return notAssessed('replicas (DescribeTable)', subject);
    if (replicas.length === 0)
      return notApplicable(`${subject} is not a global table: it has no replica in another region.`);
    const where = replicas.map((each) => each.region);
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its replicas (${listRegions(where)}) were not judged.`,
      );
    const problems: string[] = [];
    if (!isApprovedRegion(resource.region, context.approvedRegions))
      problems.push(`is itself a global table replica located in ${resource.region}`);
    const outside = where.filter((region) => !isApprovedRegion(region, context.approvedRegions));
    if (outside.length > 0) problems.push(`has replicas in ${listRegions(outside)}`);
    if (problems.length > 0)
      return fail(
        `${subject} ${problems.join(' and ')}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    return pass(`${subject} replicates only to approved regions: ${listRegions(where)}.`);
  },
};
