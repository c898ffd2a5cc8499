import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { enabledDetector, GUARDDUTY_REGION, isResult, phiBucketsIn } from './common';

/**
 * 164.308(a)(1)(ii)(D) information system activity review: reads of S3 objects (where exports, intake
 * files and telemetry are kept) are watched for anomalies, not only control-plane calls.
 */
export const guardDutyS3Protection: Rule = {
  id: 'aws.guardduty.s3-protection',
  title: 'GuardDuty S3 protection watches S3 data events',
  severity: 'low',
  exposure: 'internal',
  resourceType: GUARDDUTY_REGION,
  citations: ['164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    "164.308(a)(1)(ii)(D) requires regular review of information system activity. GuardDuty's foundational sources are CloudTrail management events, VPC flow logs and DNS logs: on their own they see who changed a bucket policy, not who downloaded ten thousand objects from it. S3 protection (the feature S3_DATA_EVENTS, formerly the S3Logs data source) adds S3 data events, so GuardDuty raises findings for anomalous GetObject volumes, reads from Tor or known-malicious addresses and disabled block-public-access followed by reads: the patterns of PHI being taken out of a bucket. The rule reads GetDetector's Features (or the older DataSources) of each running detector and passes when S3 protection is ENABLED. It is low severity because it extends a detector that already runs; the failing detail names the PHI buckets of that region the run saw, which is where it matters most.",
  remediation: {
    text: 'Turn on S3 protection on the detector of the region (and in the organization configuration, so new members get it). It is billed by the volume of S3 data events analysed.',
    terraform: `resource "aws_guardduty_detector_feature" "s3" {
  detector_id = aws_guardduty_detector.this.id
  name        = "S3_DATA_EVENTS"
  status      = "ENABLED"
}`,
    cloudformation: `GuardDutyDetector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    Features:
      - Name: S3_DATA_EVENTS
        Status: ENABLED`,
    cli: `aws guardduty update-detector --detector-id <detector-id> --region <region> \\
  --features '[{"Name":"S3_DATA_EVENTS","Status":"ENABLED"}]'`,
  },
  evaluate(resource, context) {
    const detector = enabledDetector(resource);
    if (isResult(detector)) return detector;
    if (detector.s3Protection === null)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} GetDetector of GuardDuty detector ${detector.detectorId} in ${resource.name} answered neither the S3_DATA_EVENTS feature nor the S3Logs data source, so S3 protection is not known.`,
      );
    if (detector.s3Protection)
      return pass(`GuardDuty in ${resource.name} has S3 protection on (S3_DATA_EVENTS ENABLED).`);
    const buckets = phiBucketsIn(resource, context);
    const phi =
      buckets.length > 0
        ? ` The region holds ${buckets.length} PHI-classified bucket(s) this run assessed: ${buckets.join(', ')}.`
        : '';
    return fail(
      `GuardDuty in ${resource.name} has S3 protection off (S3_DATA_EVENTS DISABLED): reads of S3 objects are not analysed.${phi}`,
    );
  },
};
