import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { GUARDDUTY_REGION, regionProperties } from './common';

/**
 * 164.308(a)(1)(ii)(D) information system activity review, 164.308(a)(6)(ii) response and reporting:
 * every region the account can use has a running threat detector, so suspicious activity is noticed.
 */
export const guardDutyEnabled: Rule = {
  id: 'aws.guardduty.enabled',
  title: 'GuardDuty is enabled in every assessed region of the account',
  severity: 'high',
  exposure: 'internal',
  resourceType: GUARDDUTY_REGION,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    '164.308(a)(1)(ii)(D) requires procedures to regularly review records of information system activity, and 164.308(a)(6)(ii) requires that security incidents be identified and responded to. Nobody reads every CloudTrail, VPC flow and DNS log line by hand: GuardDuty is the AWS service that reads them continuously and raises findings for credential exfiltration, cryptomining, calls from known-malicious addresses and unusual access to S3 data. It works per region, through one detector per account and region, and a detector that was suspended (Status DISABLED) watches nothing. A region without a running detector is exactly where an intruder with stolen keys would start resources unnoticed, including regions the shop does not use. The rule is judged per region the assessment covered: it passes where ListDetectors shows a detector whose GetDetector Status is ENABLED, and fails where there is none or it is suspended. In an AWS Organization a delegated administrator can enable GuardDuty for every member; this rule reads the member account itself.',
  remediation: {
    text: 'Enable GuardDuty in every region of the account (through the delegated administrator with auto-enable for the whole organization, where there is one), or resume a suspended detector. Keep its findings routed to the incident response process (see aws.guardduty.findings-routed).',
    terraform: `# One provider alias per region; repeat for each region of the account.
resource "aws_guardduty_detector" "this" {
  enable                       = true
  finding_publishing_frequency = "FIFTEEN_MINUTES"
}

# Organization-wide, from the delegated administrator account:
resource "aws_guardduty_organization_configuration" "this" {
  detector_id                      = aws_guardduty_detector.this.id
  auto_enable_organization_members = "ALL"
}`,
    cloudformation: `# Deploy in each region (a StackSet across regions and accounts).
GuardDutyDetector:
  Type: AWS::GuardDuty::Detector
  Properties:
    Enable: true
    FindingPublishingFrequency: FIFTEEN_MINUTES`,
    cli: `for region in $(aws ec2 describe-regions --query 'Regions[].RegionName' --output text); do
  aws guardduty create-detector --enable --finding-publishing-frequency FIFTEEN_MINUTES --region "$region"
done
# a suspended detector:
aws guardduty update-detector --detector-id <detector-id> --enable --region <region>`,
  },
  evaluate(resource) {
    const { detectorIds, detector } = regionProperties(resource);
    if (detectorIds === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the GuardDuty detectors of ${resource.name} could not be listed (see coverage gaps).`,
      );
    if (detectorIds.length === 0)
      return fail(`GuardDuty is not enabled in ${resource.name}: ListDetectors answered no detector.`);
    if (detector === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the status of GuardDuty detector ${detectorIds[0] ?? ''} in ${resource.name} could not be read (see coverage gaps).`,
      );
    if (detector.status !== 'ENABLED')
      return fail(
        `GuardDuty detector ${detector.detectorId} in ${resource.name} exists but its Status is ${detector.status}: it is suspended and watches nothing.`,
      );
    return pass(
      `GuardDuty is enabled in ${resource.name} (detector ${detector.detectorId}, Status ENABLED${
        detector.findingPublishingFrequency
          ? `, findings updated every ${detector.findingPublishingFrequency.toLowerCase().replace(/_/g, ' ')}`
          : ''
      }).`,
    );
  },
};
