import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bucketLabel, S3_BUCKET, s3Properties } from './common';

/**
 * 164.308(a)(7)(ii)(A) data backup plan and 164.312(c)(1) integrity: an overwrite or delete of a
 * PHI object keeps the prior version, so it can be restored.
 */
export const s3PhiVersioning: Rule = {
  id: 'aws.s3.phi-versioning',
  title: 'S3 buckets holding PHI keep object versions (versioning enabled)',
  severity: 'medium',
  exposure: 'internal',
  resourceType: S3_BUCKET,
  citations: ['164.308(a)(7)(ii)(A)', '164.312(c)(1)'],
  failurePattern: failurePatterns.missingBackups,
  rationale:
    '164.308(a)(7)(ii)(A) requires procedures to create and maintain retrievable exact copies of ePHI, and 164.312(c)(1) requires protecting ePHI from improper alteration or destruction. Without versioning, an overwrite or delete in an S3 bucket is final: a faulty deployment, a compromised credential or ransomware that rewrites objects leaves nothing to restore from inside S3. Versioning keeps every prior version (and turns deletes into delete markers) so the exact copy the backup plan promises exists; it is also a prerequisite of S3 replication and Object Lock. The rule applies to buckets classified as PHI and reads GetBucketVersioning: Enabled passes; Suspended (enabled once, then stopped: new writes keep no prior version) and never enabled fail. An AWS Backup plan for S3 also needs versioning on, so it is not an alternative.',
  remediation: {
    text: 'Enable versioning on the PHI bucket, and add a lifecycle rule that expires noncurrent versions after the retention the backup plan sets (so storage does not grow without bound). Consider MFA delete or Object Lock for the buckets whose loss would be hardest to recover from, and document the restore procedure in the data backup plan.',
    terraform: `resource "aws_s3_bucket_versioning" "phi" {
  bucket = aws_s3_bucket.phi.id

  versioning_configuration {
    status = "Enabled"
  }
}`,
    cloudformation: `PhiBucket:
  Type: AWS::S3::Bucket
  Properties:
    VersioningConfiguration:
      Status: Enabled`,
    cli: `aws s3api put-bucket-versioning --bucket <bucket-name> --versioning-configuration Status=Enabled`,
  },
  evaluate(resource) {
    const { versioning, tagsCollected } = s3Properties(resource);
    const subject = bucketLabel(resource);
    if (!resource.phi && tagsCollected === false) {
      // Unread tags are unknown, not empty: the bucket may hold PHI.
      return notAssessed('tags (and so the PHI classification)', subject);
    }
    if (!resource.phi) {
      return notApplicable(
        `${subject} is not classified as PHI; versioning is required here only for PHI buckets.`,
      );
    }
    if (versioning === undefined) return notAssessed('versioning configuration', subject);
    if (versioning.status === 'Enabled') {
      const mfa = versioning.mfaDelete ? ', with MFA delete' : '';
      return pass(`${subject} has versioning enabled${mfa}.`);
    }
    if (versioning.status === 'Suspended') {
      return fail(
        `${subject} has versioning suspended, so overwrites and deletes since then keep no prior version.${phiNote(resource)}`,
      );
    }
    if (versioning.status === null) {
      return fail(
        `${subject} has never had versioning enabled, so an overwrite or delete cannot be undone from S3.${phiNote(resource)}`,
      );
    }
    return fail(
      `${subject} reports versioning status ${versioning.status}, not Enabled.${phiNote(resource)}`,
    );
  },
};
