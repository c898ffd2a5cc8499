import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

const groupNames: Record<string, string> = {
  AllUsers: 'AllUsers (anyone on the internet)',
  AuthenticatedUsers: 'AuthenticatedUsers (any AWS account)',
};

/**
 * 164.312(a)(1) access control: a bucket S3 itself reports as public (policy status) or whose ACL
 * grants to everyone is reachable without the entity's authorization.
 */
export const s3PublicBucket: Rule = {
  id: 'aws.s3.public-bucket',
  title: 'S3 buckets are not public through their bucket policy or ACL',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: S3_BUCKET,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "164.312(a)(1) allows access to ePHI only to persons or software programs granted access rights, and 164.308(a)(4)(i) requires that access be authorized. This rule reports a bucket as public only when S3 says so: GetBucketPolicyStatus returns IsPublic = true (S3's own evaluation of the bucket policy), or GetBucketAcl shows a grant to the AllUsers or AuthenticatedUsers group (anyone, or any AWS customer). A public policy neutralised by the bucket's RestrictPublicBuckets setting, or a public ACL grant neutralised by IgnorePublicAcls, is reported as such and passes. Account-level Block Public Access is not read by this rule; where it is on, it may neutralise what is reported here, which the triage can record. A missing Block Public Access configuration on a bucket that is not public is a hardening gap, reported by aws.s3.public-access-block, not here.",
  remediation: {
    text: 'Remove the public grant: drop the bucket-policy statements that allow Principal "*" without a restricting condition and the ACL grants to AllUsers/AuthenticatedUsers (or set Object Ownership to "bucket owner enforced", which disables ACLs), then turn on all four Block Public Access settings. If content must be public, serve it from a separate bucket that holds no PHI, or through CloudFront with origin access control. Treat a public PHI bucket as a possible breach: review the server access logs or CloudTrail data events for anonymous reads (164.308(a)(6)(ii), 164.402).',
    terraform: `resource "aws_s3_bucket_ownership_controls" "phi" {
  bucket = aws_s3_bucket.phi.id
  rule {
    object_ownership = "BucketOwnerEnforced" # disables ACLs
  }
}

resource "aws_s3_bucket_public_access_block" "phi" {
  bucket                  = aws_s3_bucket.phi.id
  block_public_acls       = true
  ignore_public_acls      = true
  block_public_policy     = true
  restrict_public_buckets = true
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    OwnershipControls:
      Rules:
        - ObjectOwnership: BucketOwnerEnforced
    PublicAccessBlockConfiguration:
      BlockPublicAcls: true
      IgnorePublicAcls: true
      BlockPublicPolicy: true
      RestrictPublicBuckets: true`,
    cli: `# What S3 says, and why:
aws s3api get-bucket-policy-status --bucket <bucket-name>
aws s3api get-bucket-acl --bucket <bucket-name>
# Disable ACLs (removes the group grants) and block public access:
aws s3api put-bucket-ownership-controls --bucket <bucket-name> \\
  --ownership-controls 'Rules=[{ObjectOwnership=BucketOwnerEnforced}]'
aws s3api put-public-access-block --bucket <bucket-name> \\
  --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true
# Then edit the bucket policy to remove the public statement (put-bucket-policy replaces it whole).`,
  },
  evaluate(resource) {
    const { policyStatus, acl, publicAccessBlock } = s3Properties(resource);
    const subject = bucketLabel(resource);
    const restrictPublicBuckets = publicAccessBlock?.restrictPublicBuckets === true;
    const ignorePublicAcls = publicAccessBlock?.ignorePublicAcls === true;
    const policyPublic = policyStatus?.isPublic === true && !restrictPublicBuckets;
    const aclGrants = ignorePublicAcls ? [] : (acl?.publicGrants ?? []);

    const seen: string[] = [];
    if (policyPublic) seen.push('S3 reports its bucket policy as public (GetBucketPolicyStatus IsPublic)');
    if (aclGrants.length > 0)
      seen.push(
        `its ACL grants ${aclGrants.map((g) => `${g.permission} to ${groupNames[g.group] ?? g.group}`).join(', ')}`,
      );
    if (seen.length > 0) return fail(`${subject} is public: ${seen.join('; and ')}.${phiNote(resource)}`);

    // Nothing public was seen; a read that failed cannot pass.
    if (policyStatus === undefined) return notAssessed('bucket policy status', subject);
    if (acl === undefined) return notAssessed('access control list', subject);

    const neutralised: string[] = [];
    if (policyStatus.isPublic)
      neutralised.push('its bucket policy is public but RestrictPublicBuckets is on');
    if (acl.publicGrants.length > 0) neutralised.push('its ACL has public grants but IgnorePublicAcls is on');
    if (neutralised.length > 0)
      return pass(
        `${subject} is not public as configured: ${neutralised.join('; and ')}, so S3 does not honour those grants.`,
      );
    return pass(
      `${subject} is not public: S3 reports its bucket policy as not public (or it has none) and its ACL grants nothing to AllUsers or AuthenticatedUsers.`,
    );
  },
};
