import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

/**
 * 164.308(a)(1)(ii)(A) risk analysis: every data store says, through one of the engagement's
 * classification tag keys, whether it holds ePHI. A key present with any value counts
 * (data-classification=public is a classification).
 */
export const s3DataClassification: Rule = {
  id: 'aws.s3.data-classification',
  title: "S3 buckets carry one of the engagement's data classification tags",
  severity: 'low',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.unclassifiedData,
  rationale:
    'The risk analysis of 164.308(a)(1)(ii)(A) must cover all ePHI the entity creates, receives, maintains or transmits, which starts with knowing where ePHI is. The engagement reads that from classification tag keys (its PHI tag keys, such as phi or data-classification). A bucket with none of those keys is unclassified: nobody has said whether it holds PHI, so the PHI-only checks (access logging, SSE-KMS, versioning) skip it and it may sit outside the risk analysis. Any value counts as classified — data-classification=public is a decision someone made; the missing key is the gap.',
  remediation: {
    text: "Decide what the bucket holds and tag it with one of the engagement's classification keys (for example data-classification=phi, internal or public). Enforce it for new buckets with a tag policy or an AWS Config required-tags rule, and record the classification in the asset inventory behind the risk analysis.",
    terraform: `resource "aws_s3_bucket" "example" {
  bucket = "<bucket-name>"

  tags = {
    data-classification = "internal" # or phi, public, confidential
  }
}`,
    cloudformation: `ExampleBucket:
  Type: AWS::S3::Bucket
  Properties:
    Tags:
      - Key: data-classification
        Value: internal # or phi, public, confidential`,
    cli: `# put-bucket-tagging replaces every tag: include the bucket's existing tags in the TagSet.
aws s3api get-bucket-tagging --bucket <bucket-name>
aws s3api put-bucket-tagging --bucket <bucket-name> \\
  --tagging 'TagSet=[{Key=data-classification,Value=internal}]'`,
  },
  evaluate(resource, context) {
    const { tagsCollected } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (tagsCollected === false) return notAssessed('tags', subject);
    if (context.phiTagKeys.length === 0) {
      return notApplicable(`${subject}: no classification tag keys are set for this engagement.`);
    }
    const wanted = new Set(context.phiTagKeys.map((key) => key.toLowerCase()));
    const found = Object.entries(resource.tags).filter(([key]) => wanted.has(key.toLowerCase()));
    if (found.length === 0) {
      return fail(
        `${subject} has none of the engagement's classification tags (${context.phiTagKeys.join(', ')}), so whether it holds PHI is undecided.`,
      );
    }
    return pass(`${subject} is classified: ${found.map(([key, value]) => `${key}=${value}`).join(', ')}.`);
  },
};
