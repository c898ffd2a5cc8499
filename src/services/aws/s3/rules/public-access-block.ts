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

/** 164.312(a)(1) access control: no path for anonymous access to the bucket's objects. */
export const s3PublicAccessBlock: Rule = {
  id: 'aws.s3.public-access-block',
  title: 'S3 buckets turn on all four Block Public Access settings',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: S3_BUCKET,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "164.312(a)(1) requires that only persons or software programs granted access rights can reach ePHI, and 164.308(a)(4)(i) requires access to be authorized under the entity's policies. Public ACLs and public bucket policies grant access to anyone on the internet, outside any authorization. The four Block Public Access settings make S3 reject such grants (BlockPublicAcls, BlockPublicPolicy) and ignore any that exist (IgnorePublicAcls, RestrictPublicBuckets), so a single mistaken ACL or policy edit cannot expose PHI. This rule reads the bucket-level settings; account-level Block Public Access, where set, adds a second layer and should be kept on as well.",
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
    const { publicAccessBlock, policy } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (publicAccessBlock === undefined) return notAssessed('Block Public Access configuration', subject);
    const publicPolicy = policy?.allowsPublicPrincipal
      ? ' Its bucket policy also grants access to a public principal.'
      : '';
    if (publicAccessBlock === null) {
      return fail(`${subject} has no Block Public Access configuration.${publicPolicy}${phiNote(resource)}`);
    }
    const off = (Object.keys(flagNames) as (keyof typeof flagNames)[])
      .filter((flag) => publicAccessBlock[flag] !== true)
      .map((flag) => flagNames[flag]);
    if (off.length > 0) {
      return fail(
        `${subject} has Block Public Access settings turned off: ${off.join(', ')}.${publicPolicy}${phiNote(resource)}`,
      );
    }
    return pass(`${subject} has all four Block Public Access settings on.`);
  },
};
