import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { hubProperties, SECURITYHUB_HUB } from './common';

/**
 * 164.308(a)(1)(ii)(D) information system activity review, 164.308(a)(8) evaluation: one place where
 * the region's security findings and control checks are collected and reviewed.
 */
export const securityHubEnabled: Rule = {
  id: 'aws.securityhub.enabled',
  title: 'Security Hub is enabled in every assessed region of the account',
  severity: 'medium',
  exposure: 'internal',
  resourceType: SECURITYHUB_HUB,
  citations: ['164.308(a)(1)(ii)(D)', '164.308(a)(8)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    '164.308(a)(1)(ii)(D) requires regular review of records of information system activity, such as security incident tracking reports, and 164.308(a)(8) requires periodic technical evaluation of how well the safeguards meet the Security Rule. Security Hub (now Security Hub CSPM) is where an AWS account collects GuardDuty, Macie, Inspector and IAM Access Analyzer findings in one normalized list, and runs continuous control checks of standards such as AWS Foundational Security Best Practices or NIST SP 800-53 against the configuration: the evidence behind a weekly security review and a standing technical evaluation. It works per region. The rule passes where DescribeHub answers a hub, and fails where it answers InvalidAccessException (the account is not subscribed in that region); the standards it runs are judged by aws.securityhub.standards. A missing IAM permission (AccessDeniedException) is a coverage gap, never read as "not enabled".',
  remediation: {
    text: 'Enable Security Hub in every region of the account, preferably through the delegated administrator with central configuration for the whole organization, with at least AWS Foundational Security Best Practices (NIST SP 800-53 Rev. 5 maps best to HIPAA safeguards), and a finding aggregation region so the review happens in one place.',
    terraform: `resource "aws_securityhub_account" "this" {
  enable_default_standards = false
  auto_enable_controls     = true
}

resource "aws_securityhub_standards_subscription" "fsbp" {
  depends_on    = [aws_securityhub_account.this]
  standards_arn = "arn:aws:securityhub:\${data.aws_region.current.name}::standards/aws-foundational-security-best-practices/v/1.0.0"
}`,
    cloudformation: `SecurityHub:
  Type: AWS::SecurityHub::Hub
  Properties:
    AutoEnableControls: true
    ControlFindingGenerator: SECURITY_CONTROL
    EnableDefaultStandards: false

FoundationalBestPractices:
  Type: AWS::SecurityHub::Standard
  DependsOn: SecurityHub
  Properties:
    StandardsArn: !Sub arn:\${AWS::Partition}:securityhub:\${AWS::Region}::standards/aws-foundational-security-best-practices/v/1.0.0`,
    cli: `aws securityhub enable-security-hub --region <region> --no-enable-default-standards --control-finding-generator SECURITY_CONTROL
aws securityhub batch-enable-standards --region <region> \\
  --standards-subscription-requests 'StandardsArn=arn:aws:securityhub:<region>::standards/aws-foundational-security-best-practices/v/1.0.0'`,
  },
  evaluate(resource) {
    const { hub } = hubProperties(resource);
    if (hub === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether Security Hub is enabled in ${resource.name} (DescribeHub) could not be read (see coverage gaps).`,
      );
    if (!hub.enabled)
      return fail(
        `Security Hub is not enabled in ${resource.name}: DescribeHub answered that the account is not subscribed there.`,
      );
    const since = hub.subscribedAt ? ` since ${hub.subscribedAt.slice(0, 10)}` : '';
    return pass(
      `Security Hub is enabled in ${resource.name}${since}; the rule aws.securityhub.standards reports its standards.`,
    );
  },
};
