import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import type { EnabledStandard } from '../resource';
import { hubProperties, SECURITYHUB_HUB } from './common';

const named = (standard: EnabledStandard) =>
  standard.status === 'READY' ? standard.name : `${standard.name} (${standard.status})`;

/**
 * 164.308(a)(8) evaluation: Security Hub's control checks are a standing technical evaluation of the
 * configuration, and only run for an enabled standard.
 */
export const securityHubStandards: Rule = {
  id: 'aws.securityhub.standards',
  title: 'Security Hub runs at least one security standard',
  severity: 'low',
  exposure: 'internal',
  resourceType: SECURITYHUB_HUB,
  citations: ['164.308(a)(8)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    "164.308(a)(8) requires periodic technical and nontechnical evaluation of how well security policies and procedures meet the Security Rule. A Security Hub hub with no standard enabled still collects the findings of GuardDuty, Macie and the other integrated services, but runs no control check of its own: nothing continuously compares the account's configuration with a baseline. With AWS Foundational Security Best Practices, NIST SP 800-53 Rev. 5 (the closest mapping to HIPAA safeguards) or the CIS benchmark enabled, each control is evaluated as resources change and its pass rate is evidence for the evaluation and for the weekly compliance review. The rule reads GetEnabledStandards of every enabled hub and passes when at least one standard is READY; a standard still PENDING, INCOMPLETE or FAILED is named but does not count.",
  remediation: {
    text: 'Enable at least one standard on the hub: AWS Foundational Security Best Practices, and NIST SP 800-53 Rev. 5 for a HIPAA programme. With central configuration, set the standards once in a configuration policy for the organization.',
    terraform: `resource "aws_securityhub_standards_subscription" "nist" {
  depends_on    = [aws_securityhub_account.this]
  standards_arn = "arn:aws:securityhub:\${data.aws_region.current.name}::standards/nist-800-53/v/5.0.0"
}`,
    cloudformation: `Nist80053:
  Type: AWS::SecurityHub::Standard
  Properties:
    StandardsArn: !Sub arn:\${AWS::Partition}:securityhub:\${AWS::Region}::standards/nist-800-53/v/5.0.0`,
    cli: `aws securityhub batch-enable-standards --region <region> \\
  --standards-subscription-requests 'StandardsArn=arn:aws:securityhub:<region>::standards/nist-800-53/v/5.0.0'`,
  },
  evaluate(resource) {
    const { hub, standards } = hubProperties(resource);
    if (hub === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether Security Hub is enabled in ${resource.name} (DescribeHub) could not be read (see coverage gaps).`,
      );
    if (!hub.enabled)
      return notApplicable(
        `Security Hub is not enabled in ${resource.name}; the rule aws.securityhub.enabled reports it.`,
      );
    if (standards === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the standards of Security Hub in ${resource.name} (GetEnabledStandards) could not be read (see coverage gaps).`,
      );
    const ready = standards.filter((standard) => standard.status === 'READY');
    if (ready.length > 0)
      return pass(`Security Hub in ${resource.name} runs ${standards.map(named).join(', ')}.`);
    if (standards.length === 0)
      return fail(
        `Security Hub in ${resource.name} has no standard enabled: it collects integrated findings but runs no control checks.`,
      );
    return fail(
      `Security Hub in ${resource.name} has no standard READY: ${standards.map(named).join(', ')}.`,
    );
  },
};
