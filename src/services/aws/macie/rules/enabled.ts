import type { NormalizedResource, RuleContext, Rule } from '../../../../kit';
import { fail, failurePatterns, NOT_ASSESSED_PREFIX, notApplicable, pass } from '../../../../kit';
import { macieSession } from '../resource';

/** The S3 buckets of the run in the account of a Macie resource: null when S3 was not assessed there. */
function bucketsOf(resource: NormalizedResource, context: RuleContext) {
  const buckets = context.resources.filter(
    (each) => each.type === 'aws.s3.bucket' && each.scopeId === resource.scopeId,
  );
  if (buckets.length === 0) return null;
  const phi = buckets
    .filter((each) => each.phi && each.region === resource.region)
    .map((each) => each.name)
    .sort();
  return { phi };
}

/**
 * 164.308(a)(1)(ii)(A) risk analysis, 164.308(a)(1)(ii)(D) information system activity review: where
 * the account keeps PHI in S3, sensitive-data discovery says which objects hold it and flags the
 * buckets that expose it.
 */
export const macieEnabled: Rule = {
  id: 'aws.macie.enabled',
  title: 'Macie is enabled in regions that hold PHI-classified S3 buckets',
  severity: 'low',
  exposure: 'internal',
  resourceType: macieSession.type,
  citations: ['164.308(a)(1)(ii)(A)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    '164.308(a)(1)(ii)(A) requires an accurate and thorough assessment of the risks to ePHI, which starts with knowing where ePHI is; 164.308(a)(1)(ii)(D) requires regular review of activity records. Tags say where the shop believes PHI is; Amazon Macie checks it, sampling objects for names, health and payment data (automated sensitive data discovery) and reporting buckets that are public, shared with other accounts or unencrypted as policy findings. It works per region and is not needed where no data is kept. The rule reads GetMacieSession in each region: Macie is enabled when a session exists with status ENABLED, not enabled when the API answers "Macie is not enabled" (an AccessDeniedException that IAM refusals share, so only that message counts; a refusal is a coverage gap), and paused (PAUSED) runs no job or discovery. It judges the regions where the run saw PHI-classified S3 buckets of the account; where the run saw the account\'s buckets but none classified PHI in that region it does not apply, and where S3 was not assessed for the account it reports what it saw of Macie alone. Low severity: Macie improves what the assessment can rely on, it protects nothing by itself.',
  remediation: {
    text: 'Enable Macie in each region that holds PHI buckets (through the Macie delegated administrator for the organization), turn on automated sensitive data discovery, and review its findings with the GuardDuty ones. Resume a paused account.',
    terraform: `resource "aws_macie2_account" "this" {
  finding_publishing_frequency = "FIFTEEN_MINUTES"
  status                       = "ENABLED"
}`,
    cloudformation: `MacieSession:
  Type: AWS::Macie::Session
  Properties:
    FindingPublishingFrequency: FIFTEEN_MINUTES
    Status: ENABLED`,
    cli: `aws macie2 enable-macie --region <region> --finding-publishing-frequency FIFTEEN_MINUTES
# a paused account:
aws macie2 update-macie-session --region <region> --status ENABLED
aws macie2 update-automated-discovery-configuration --region <region> --status ENABLED`,
  },
  evaluate(resource, context) {
    const { session } = macieSession.properties(resource);
    if (session === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether Macie is enabled in ${resource.name} (GetMacieSession) could not be read (see coverage gaps).`,
      );
    const buckets = bucketsOf(resource, context);
    if (buckets !== null && buckets.phi.length === 0)
      return notApplicable(
        `No PHI-classified S3 bucket of the account was seen in ${resource.region} by this run, so Macie in ${resource.name} is not required here (Macie is ${session.enabled ? (session.status ?? 'enabled') : 'not enabled'}).`,
      );
    const where =
      buckets === null
        ? ' S3 buckets of this account were not assessed in this run, so whether the region holds PHI is not known.'
        : ` The region holds ${buckets.phi.length} PHI-classified bucket(s): ${buckets.phi.join(', ')}.`;
    if (!session.enabled)
      return fail(
        `Macie is not enabled in ${resource.name}: GetMacieSession answered "Macie is not enabled".${where}`,
      );
    if (session.status !== 'ENABLED')
      return fail(
        `Macie in ${resource.name} is ${session.status ?? 'in an unknown status'}: it runs no discovery or classification job.${where}`,
      );
    return pass(`Macie is enabled in ${resource.name} (status ENABLED).${where}`);
  },
};
