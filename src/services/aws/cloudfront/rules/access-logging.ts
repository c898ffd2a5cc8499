import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { CLOUDFRONT_DISTRIBUTION, cloudfrontProperties, distributionLabel } from './common';

/** 164.312(b) audit controls: every request CloudFront answers (cached ones included) leaves a record. */
export const cloudfrontAccessLogging: Rule = {
  id: 'aws.cloudfront.access-logging',
  title: 'CloudFront distributions write standard access logs',
  severity: 'medium',
  exposure: 'internal',
  resourceType: CLOUDFRONT_DISTRIBUTION,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires mechanisms that record and examine activity in systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) regular review of records such as access reports. A response served from the edge cache never reaches the origin, so the origin's own logs miss it: only CloudFront's access logs show who fetched which URL, from where and when, which is what scoping a breach (164.402's four-factor assessment) needs. CloudTrail records configuration changes, not viewer requests. This rule reads GetDistributionConfig's Logging (standard logs to an S3 bucket); standard logging v2 (delivery to CloudWatch Logs, S3 or Firehose configured through CloudWatch Logs) and real-time logs are configured elsewhere and are not read by this check, so a distribution using them can be marked so in triage.",
  remediation: {
    text: 'Turn on standard logging to a dedicated, access-restricted log bucket (ACLs enabled for the awslogsdelivery account, as standard logs require) with a prefix per distribution and a retention that matches the documentation period (six years, 164.316(b)(2)(i)); or configure standard logging v2 to CloudWatch Logs. Do not include cookies unless the log store is treated as PHI. Feed the logs into the activity review.',
    terraform: `logging_config {
  bucket          = "nwv-cdn-logs.s3.amazonaws.com"
  prefix          = "cloudfront/storefront/"
  include_cookies = false
}`,
    cloudformation: `Logging:
  Bucket: nwv-cdn-logs.s3.amazonaws.com
  Prefix: cloudfront/storefront/
  IncludeCookies: false`,
    cli: `aws cloudfront get-distribution-config --id <distribution-id> > dist.json
# Set DistributionConfig.Logging to
#   {"Enabled":true,"IncludeCookies":false,"Bucket":"<log-bucket>.s3.amazonaws.com","Prefix":"cloudfront/<name>/"}
aws cloudfront update-distribution --id <distribution-id> --if-match <ETag from dist.json> \\
  --distribution-config file://config.json`,
  },
  evaluate(resource) {
    const subject = distributionLabel(resource);
    const { logging } = cloudfrontProperties(resource);
    if (logging === undefined) return notAssessed('logging configuration (GetDistributionConfig)', subject);
    if (!logging.enabled)
      return fail(
        `${subject} has standard access logging turned off in its configuration, so requests answered from the edge are not recorded unless standard logging v2 or real-time logs (not read here) cover it.${phiNote(resource)}`,
      );
    return pass(
      `${subject} writes standard access logs to ${logging.bucket ?? 'an unreported bucket'}${logging.prefix ? `/${logging.prefix}` : ''}.`,
    );
  },
};
