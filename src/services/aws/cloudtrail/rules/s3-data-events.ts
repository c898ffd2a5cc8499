import type { NormalizedResource, Rule, RuleContext } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketCoverage } from '../normalize';
import type { S3DataEventSelector } from '../resource';
import { CLOUDTRAIL_TRAIL, stoppedNote, trailLabel, trailProperties } from './common';

/** The S3 service's bucket resource type: read from the run, never imported (services import only the kit). */
const S3_BUCKET = 'aws.s3.bucket';

function phiBucketsOf(resource: NormalizedResource, context: RuleContext): NormalizedResource[] {
  return context.resources
    .filter((each) => each.type === S3_BUCKET && each.phi && each.scopeId === resource.scopeId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** What the selectors record, in words, for a trail that covers no bucket fully. */
function describeSelectors(selectors: readonly S3DataEventSelector[]): string {
  return selectors
    .map((selector) => {
      const events =
        selector.readEvents && selector.writeEvents
          ? 'read and write'
          : selector.readEvents
            ? 'read-only'
            : 'write-only';
      const scope = selector.allBuckets
        ? 'all buckets'
        : selector.resources.map((each) => `${each.bucket}/${each.prefix}`).join(', ') || 'no bucket';
      const excluded =
        selector.excluded.length > 0
          ? ` except ${selector.excluded.map((each) => `${each.bucket}/${each.prefix}`).join(', ')}`
          : '';
      const narrowed = selector.narrowed ? ', narrowed by further conditions' : '';
      return `${events} events for ${scope}${excluded}${narrowed}`;
    })
    .join('; ');
}

/**
 * 164.312(b) audit controls, 164.308(a)(1)(ii)(D) activity review: a read of a PHI object
 * (GetObject) is a data event; management events alone never record it.
 */
export const cloudTrailS3DataEvents: Rule = {
  id: 'aws.cloudtrail.s3-data-events',
  title: 'CloudTrail trails record S3 object-level read and write events for PHI buckets',
  severity: 'high',
  exposure: 'internal',
  resourceType: CLOUDTRAIL_TRAIL,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "CloudTrail records management events (CreateBucket, PutBucketPolicy) by default, but the reads and writes of the objects themselves (GetObject, PutObject, DeleteObject) are data events, recorded only for the buckets a trail's event selectors name. A trail without them shows that a PHI bucket exists but never who downloaded a patient's record. 164.312(b) requires mechanisms that record and examine activity in systems that contain ePHI, and 164.308(a)(1)(ii)(D) requires regular review of access reports: both need the object-level read events of every bucket that holds ePHI. Data events are logged in the region of the bucket, so a single-region trail covers only buckets in its home region. The rule checks each PHI-classified S3 bucket of the same account in the run against the trail's classic or advanced selectors (read and write, whole bucket, not narrowed by eventName filters); when no bucket of the run is classified, it passes a trail that covers all buckets or names specific ones, and lists them.",
  remediation: {
    text: 'Add S3 data events (read and write) to a multi-region trail, for all current and future buckets or at least every bucket that holds PHI. Advanced event selectors let the trail limit data events to the PHI buckets by resources.ARN to control cost.',
    terraform: `resource "aws_cloudtrail" "audit" {
  name                  = "org-audit"
  s3_bucket_name        = aws_s3_bucket.audit_logs.id
  is_multi_region_trail = true

  advanced_event_selector {
    name = "PHI bucket object access"
    field_selector {
      field  = "eventCategory"
      equals = ["Data"]
    }
    field_selector {
      field  = "resources.type"
      equals = ["AWS::S3::Object"]
    }
    field_selector {
      field       = "resources.ARN"
      starts_with = ["\${aws_s3_bucket.patient_exports.arn}/"]
    }
  }
}`,
    cloudformation: `AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    S3BucketName: !Ref AuditLogBucket
    IsLogging: true
    IsMultiRegionTrail: true
    AdvancedEventSelectors:
      - Name: PHI bucket object access
        FieldSelectors:
          - Field: eventCategory
            Equals: [Data]
          - Field: resources.type
            Equals: ['AWS::S3::Object']
          - Field: resources.ARN
            StartsWith: [!Sub '\${PatientExportsBucket.Arn}/']`,
    cli: `aws cloudtrail put-event-selectors --trail-name <trail> --region <home-region> --advanced-event-selectors '[{"Name":"PHI bucket object access","FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]},{"Field":"resources.ARN","StartsWith":["arn:aws:s3:::<phi-bucket>/"]}]}]'`,
  },
  evaluate(resource, context) {
    const { s3DataEvents, multiRegion, isLogging } = trailProperties(resource);
    const subject = trailLabel(resource);
    if (s3DataEvents === undefined) return notAssessed('event selectors (GetEventSelectors)', subject);
    const stopped = stoppedNote(isLogging);
    if (s3DataEvents.length === 0)
      return fail(
        `${subject} records no S3 data events: reads of PHI objects (GetObject) leave no record.${stopped}${phiNote(resource)}`,
      );
    const phiBuckets = phiBucketsOf(resource, context);
    if (phiBuckets.length > 0) {
      const uncovered = phiBuckets.flatMap((bucket) => {
        const coverage = bucketCoverage(s3DataEvents, bucket.name);
        const missing = [coverage.read ? null : 'read', coverage.write ? null : 'write'].filter(
          (each): each is string => each !== null,
        );
        // Data events are logged in the bucket's region: a single-region trail sees only its own.
        const elsewhere = multiRegion !== true && bucket.region !== resource.region;
        if (missing.length === 0 && !elsewhere) return [];
        const why = [
          missing.length > 0 ? `no ${missing.join(' or ')} events` : null,
          elsewhere ? `in ${bucket.region}, outside this single-region trail` : null,
        ].filter((each): each is string => each !== null);
        return [`${bucket.name} (${why.join(', ')})`];
      });
      if (uncovered.length > 0)
        return fail(
          `${subject} does not record S3 object-level events for ${uncovered.length} of ${phiBuckets.length} PHI-classified buckets of the account: ${uncovered.join('; ')}.${stopped}${phiNote(resource)}`,
        );
      return pass(
        `${subject} records S3 object-level read and write events for every PHI-classified bucket of the account (${phiBuckets.map((bucket) => bucket.name).join(', ')}).${stopped}`,
      );
    }
    const everyBucket = (events: 'readEvents' | 'writeEvents') =>
      s3DataEvents.some(
        (selector) =>
          selector[events] && selector.allBuckets && !selector.narrowed && selector.excluded.length === 0,
      );
    if (everyBucket('readEvents') && everyBucket('writeEvents'))
      return pass(`${subject} records S3 object-level read and write events for all buckets.${stopped}`);
    const named = [
      ...new Set(s3DataEvents.flatMap((selector) => selector.resources.map((scope) => scope.bucket))),
    ]
      .filter((bucket) => {
        const coverage = bucketCoverage(s3DataEvents, bucket);
        return coverage.read && coverage.write;
      })
      .sort();
    if (named.length > 0)
      return pass(
        `${subject} records S3 object-level read and write events for the buckets it names: ${named.join(', ')}. No PHI-classified bucket of the account was in the run to check them against.${stopped}`,
      );
    return fail(
      `${subject} records no complete S3 object-level read and write events for any bucket (${describeSelectors(s3DataEvents)}).${stopped}${phiNote(resource)}`,
    );
  },
};
