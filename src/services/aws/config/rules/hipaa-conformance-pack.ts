import type { Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { configRegion } from '../resource';

/**
 * 164.308(a)(8) evaluation, 164.308(a)(1)(ii)(D) review: the HIPAA Security conformance pack gives the
 * weekly compliance review a standing, dated evaluation of the region against HIPAA-mapped rules.
 */
export const configHipaaConformancePack: Rule = {
  id: 'aws.config.hipaa-conformance-pack',
  title: 'The AWS Config HIPAA Security conformance pack evaluates the region',
  severity: 'low',
  exposure: 'internal',
  resourceType: configRegion.type,
  citations: ['164.308(a)(8)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    "164.308(a)(8) requires periodic technical evaluation of how well the safeguards meet the Security Rule, and 164.308(a)(1)(ii)(D) regular review of activity records. AWS publishes a conformance pack, Operational Best Practices for HIPAA Security, whose Config rules are mapped to Security Rule citations; deployed in a region it re-evaluates every recorded resource as it changes, and its compliance history is the evidence for the engagement's weekly compliance review. The rule reads DescribeConformancePacks and DescribeConformancePackCompliance where a recorder is recording, passes where a pack named or templated as HIPAA runs and reports how many of its rules are NON_COMPLIANT (this assessment does not re-judge them; the count is evidence for the review), and fails where none is deployed. It does not apply where no recorder records, since a pack then evaluates nothing (aws.config.recorder-recording reports that).",
  remediation: {
    text: 'Deploy the "Operational Best Practices for HIPAA Security" conformance pack (an organization conformance pack from the delegated administrator covers every account) in each region that holds PHI, and review its non-compliant rules weekly.',
    terraform: `resource "aws_config_conformance_pack" "hipaa" {
  name          = "Operational-Best-Practices-for-HIPAA-Security"
  template_body = file("\${path.module}/Operational-Best-Practices-for-HIPAA-Security.yaml")
  depends_on    = [aws_config_configuration_recorder.this]
}`,
    cloudformation: `HipaaConformancePack:
  Type: AWS::Config::ConformancePack
  Properties:
    ConformancePackName: Operational-Best-Practices-for-HIPAA-Security
    TemplateS3Uri: s3://<bucket>/Operational-Best-Practices-for-HIPAA-Security.yaml`,
    cli: `curl -sO https://raw.githubusercontent.com/awslabs/aws-config-rules/master/aws-config-conformance-packs/Operational-Best-Practices-for-HIPAA-Security.yaml
aws configservice put-conformance-pack --region <region> \\
  --conformance-pack-name Operational-Best-Practices-for-HIPAA-Security \\
  --template-body file://Operational-Best-Practices-for-HIPAA-Security.yaml`,
  },
  evaluate(resource) {
    const { recorders, conformancePacks } = configRegion.properties(resource);
    if (
      recorders?.some((each) => each.recording === null) &&
      !recorders.some((each) => each.recording === true)
    )
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether the AWS Config recorder of ${resource.name} is recording could not be read (see coverage gaps).`,
      );
    if (recorders !== undefined && !recorders.some((each) => each.recording === true))
      return notApplicable(
        `No AWS Config recorder is recording in ${resource.name}, so a conformance pack evaluates nothing there; aws.config.recorder-recording reports it.`,
      );
    if (conformancePacks === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the conformance packs of ${resource.name} could not be read (see coverage gaps).`,
      );
    const hipaa = conformancePacks.filter((pack) => pack.hipaa);
    if (hipaa.length === 0)
      return fail(
        `No HIPAA conformance pack is deployed in ${resource.name}${conformancePacks.length > 0 ? ` (packs: ${conformancePacks.map((pack) => pack.name).join(', ')})` : ''}.`,
      );
    const unread = hipaa.filter((pack) => pack.compliance === null);
    if (unread.length > 0)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the rule compliance of conformance pack ${unread.map((pack) => pack.name).join(', ')} in ${resource.name} could not be read (see coverage gaps).`,
      );
    const described = hipaa.map((pack) =>
      pack.compliance === null
        ? pack.name
        : `${pack.name}: ${pack.compliance.nonCompliant.length} of ${pack.compliance.rules} rules NON_COMPLIANT${pack.compliance.nonCompliant.length > 0 ? ` (${pack.compliance.nonCompliant.slice(0, 5).join(', ')}${pack.compliance.nonCompliant.length > 5 ? ', …' : ''})` : ''}`,
    );
    return pass(`The HIPAA conformance pack runs in ${resource.name}: ${described.join('; ')}.`);
  },
};
