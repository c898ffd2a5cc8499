import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  listRegions,
  NOT_ASSESSED_PREFIX,
  notApplicable,
  pass,
} from '../../../../kit';
import { accountProperties, CLOUDTRAIL_ACCOUNT } from './common';

/**
 * 164.312(b) audit controls, 164.308(a)(1)(ii)(D) information system activity review: every region
 * of the account records API activity, so a PHI read through the control plane leaves a record.
 */
export const cloudTrailMultiRegionTrail: Rule = {
  id: 'aws.cloudtrail.multi-region-trail',
  title: 'The account has a multi-region CloudTrail trail that is logging',
  severity: 'high',
  exposure: 'internal',
  resourceType: CLOUDTRAIL_ACCOUNT,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    '164.312(b) requires hardware, software or procedural mechanisms that record and examine activity in information systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) requires regular review of records of information system activity such as audit logs and access reports. In AWS that record is CloudTrail: without a trail, management events are kept only 90 days in Event history, no data events are recorded at all, and nothing is delivered to a place the entity controls. A single-region trail leaves every other region unrecorded, including regions nobody meant to use, which is where an intruder would create resources. A multi-region trail records every region, present and future, and must also be logging: a trail whose logging was stopped (StopLogging, a classic step to cover tracks) records nothing. The rule passes when at least one multi-region trail of the account is logging, and reports only the regions and trails it could see.',
  remediation: {
    text: 'Create (or convert an existing trail into) a multi-region trail that delivers to a dedicated, access-restricted S3 bucket, and start logging on it. In an AWS Organization, an organization trail created by the management account covers every member account. Alert on StopLogging and DeleteTrail.',
    terraform: `resource "aws_cloudtrail" "org_audit" {
  name                          = "org-audit"
  s3_bucket_name                = aws_s3_bucket.audit_logs.id
  is_multi_region_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
  kms_key_id                    = aws_kms_key.audit_logs.arn
  enable_logging                = true
}`,
    cloudformation: `AuditTrail:
  Type: AWS::CloudTrail::Trail
  Properties:
    TrailName: org-audit
    S3BucketName: !Ref AuditLogBucket
    IsMultiRegionTrail: true
    IncludeGlobalServiceEvents: true
    EnableLogFileValidation: true
    KMSKeyId: !GetAtt AuditLogKey.Arn
    IsLogging: true`,
    cli: `aws cloudtrail create-trail --name org-audit --s3-bucket-name <audit-bucket> --is-multi-region-trail --enable-log-file-validation --kms-key-id <key-arn> --region us-east-1
aws cloudtrail start-logging --name org-audit --region us-east-1
# or, for an existing trail:
aws cloudtrail update-trail --name <trail> --is-multi-region-trail --region <home-region>`,
  },
  evaluate(resource) {
    const { trails, regionsListed, regionsRefused } = accountProperties(resource);
    const subject = `The ${resource.name}`;
    if (trails === undefined || regionsListed === undefined)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} the trails of ${resource.name} could not be read (see coverage gaps).`,
      );
    const refused = regionsRefused ?? [];
    const logging = trails.filter((trail) => trail.multiRegion && trail.isLogging === true);
    if (logging.length > 0)
      return pass(
        `${subject} has a multi-region trail that is logging: ${logging.map((trail) => `${trail.name} (home ${trail.homeRegion})`).join(', ')}.`,
      );
    if (regionsListed.length === 0)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} DescribeTrails of ${resource.name} was refused in every assessed region (${listRegions(refused)}); its trails could not be read (see coverage gaps).`,
      );
    const unknown = trails.filter((trail) => trail.multiRegion && trail.isLogging === null);
    if (unknown.length > 0)
      return notApplicable(
        `${NOT_ASSESSED_PREFIX} whether the multi-region trails of ${resource.name} are logging (GetTrailStatus) could not be read: ${unknown.map((trail) => trail.name).join(', ')} (see coverage gaps).`,
      );
    const seen =
      trails.length === 0
        ? 'no trail'
        : `only ${trails
            .map(
              (trail) =>
                `${trail.name} (${trail.multiRegion ? 'multi-region' : `single-region, ${trail.homeRegion}`}, ${
                  trail.isLogging === true
                    ? 'logging'
                    : trail.isLogging === false
                      ? 'not logging'
                      : 'logging status unknown'
                })`,
            )
            .join(', ')}`;
    const partial =
      refused.length > 0
        ? ` DescribeTrails was refused in ${listRegions(refused)}, so a trail homed there may have been missed.`
        : '';
    return fail(
      `${subject} has no multi-region trail that is logging: DescribeTrails in ${listRegions(regionsListed)} showed ${seen}.${partial}`,
    );
  },
};
