import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

/** 164.312(e)(1) transmission security: the bucket refuses requests that are not over TLS. */
export const s3TlsOnlyPolicy: Rule = {
  id: 'aws.s3.tls-only-policy',
  title: 'S3 bucket policies deny requests that do not use TLS (aws:SecureTransport)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'network',
  resourceType: S3_BUCKET,
  citations: ['164.312(e)(1)', '164.312(e)(2)(i)', '164.312(e)(2)(ii)'],
  failurePattern: failurePatterns.weakTransport,
  rationale:
    '164.312(e)(1) requires technical measures against unauthorized access to ePHI transmitted over a network; its addressable specifications call for integrity controls (164.312(e)(2)(i)) and encryption (164.312(e)(2)(ii)) in transit. S3 still answers plain-HTTP requests unless the bucket policy denies them, so a misconfigured client, SDK endpoint override or proxy can move PHI unencrypted and unprotected against tampering. A Deny statement on aws:SecureTransport = false makes TLS a property of the bucket instead of a habit of each client, and is the evidence auditors expect for this control.',
  remediation: {
    text: 'Add a Deny statement for all principals and all S3 actions on the bucket and its objects when aws:SecureTransport is false. Merge it into the existing bucket policy: putting a policy replaces the whole document. Optionally add a second Deny with NumericLessThan s3:TlsVersion 1.2 to refuse TLS versions below 1.2.',
    terraform: `data "aws_iam_policy_document" "phi_tls_only" {
  # Keep the bucket's existing statements here too: aws_s3_bucket_policy replaces the whole policy.
  statement {
    sid       = "DenyInsecureTransport"
    effect    = "Deny"
    actions   = ["s3:*"]
    resources = [aws_s3_bucket.phi.arn, "\${aws_s3_bucket.phi.arn}/*"]

    principals {
      type        = "*"
      identifiers = ["*"]
    }

    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

resource "aws_s3_bucket_policy" "phi" {
  bucket = aws_s3_bucket.phi.id
  policy = data.aws_iam_policy_document.phi_tls_only.json
}`,
    cloudformation: `PhiBucketPolicy:
  Type: AWS::S3::BucketPolicy
  Properties:
    Bucket: !Ref PhiBucket
    PolicyDocument:
      Version: '2012-10-17'
      Statement:
        - Sid: DenyInsecureTransport
          Effect: Deny
          Principal: '*'
          Action: 's3:*'
          Resource:
            - !GetAtt PhiBucket.Arn
            - !Sub '\${PhiBucket.Arn}/*'
          Condition:
            Bool:
              aws:SecureTransport: 'false'`,
    cli: `# 1. Save the current policy (skip if the bucket has none) and add the statement below to it.
aws s3api get-bucket-policy --bucket <bucket-name> --query Policy --output text > policy.json
#    {"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*",
#     "Resource":["arn:aws:s3:::<bucket-name>","arn:aws:s3:::<bucket-name>/*"],
#     "Condition":{"Bool":{"aws:SecureTransport":"false"}}}
# 2. Apply the merged policy.
aws s3api put-bucket-policy --bucket <bucket-name> --policy file://policy.json`,
  },
  evaluate(resource) {
    const { policy } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (policy === undefined) return notAssessed('bucket policy', subject);
    if (!policy.present) {
      return fail(
        `${subject} has no bucket policy, so requests over plain HTTP are not denied.${phiNote(resource)}`,
      );
    }
    if (!policy.denyInsecureTransport) {
      return fail(
        `${subject} has a bucket policy without a Deny on aws:SecureTransport = false, so requests over plain HTTP are not denied.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} denies every request that does not use TLS (aws:SecureTransport = false).`);
  },
};
