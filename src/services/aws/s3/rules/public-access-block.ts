import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

const flagNames = {
  blockPublicAcls: 'BlockPublicAcls',
  ignorePublicAcls: 'IgnorePublicAcls',
  blockPublicPolicy: 'BlockPublicPolicy',
  restrictPublicBuckets: 'RestrictPublicBuckets',
} as const;

/**
 * 164.312(a)(1) access control, hardening: the four Block Public Access settings keep a mistaken
 * ACL or policy edit from making the bucket public. Whether it IS public is aws.s3.public-bucket.
 */
export const s3PublicAccessBlock: Rule = {
  id: 'aws.s3.public-access-block',
  title: 'S3 buckets turn on all four Block Public Access settings',
  severity: 'medium',
  // A missing safeguard, not a path: someone with write access must first make a public grant.
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "164.312(a)(1) requires that only persons or software programs granted access rights can reach ePHI, and 164.308(a)(4)(i) requires access to be authorized under the entity's policies. The four Block Public Access settings make S3 reject public grants (BlockPublicAcls, BlockPublicPolicy) and ignore any that exist (IgnorePublicAcls, RestrictPublicBuckets), so a single mistaken ACL or policy edit cannot expose the bucket. Without them the bucket is not public by that fact alone: this rule reports a hardening gap (medium) and says nothing about who can reach the bucket today. Whether the bucket IS public — S3's policy status or ACL grants to everyone — is reported by aws.s3.public-bucket, critical for a PHI bucket. This rule reads the bucket-level settings; account-level Block Public Access, where set, adds a second layer and should be kept on as well.",
  remediation: {
    text: 'Turn on all four Block Public Access settings for the bucket (and at account level). If something genuinely needs anonymous reads, serve it from a separate bucket that holds no PHI, or through CloudFront with origin access control.',
    terraform: `resource "aws_s3_bucket_public_access_block" "phi" {
  bucket                  = aws_s3_bucket.phi.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      IgnorePublicAcls: true
      BlockPublicPolicy: true
      RestrictPublicBuckets: true`,
    cli: `aws s3api put-public-access-block --bucket <bucket-name> \\
  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true`,
  },
  evaluate(resource) {
    const { publicAccessBlock } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (publicAccessBlock === undefined) return notAssessed('Block Public Access configuration', subject);
    // Only what was seen: a missing block is a missing safeguard; public grants are aws.s3.public-bucket's finding.
    const hardening = ' This is a hardening gap, not a finding that the bucket is public.';
    if (publicAccessBlock === null) {
      return fail(`${subject} has no Block Public Access configuration.${hardening}${phiNote(resource)}`);
    }
    const off = (Object.keys(flagNames) as (keyof typeof flagNames)[])
      .filter((flag) => publicAccessBlock[flag] !== true)
      .map((flag) => flagNames[flag]);
    if (off.length > 0) {
      return fail(
        `${subject} has Block Public Access settings turned off: ${off.join(', ')}.${hardening}${phiNote(resource)}`,
      );
    }
    return pass(`${subject} has all four Block Public Access settings on.`);
  },
};
