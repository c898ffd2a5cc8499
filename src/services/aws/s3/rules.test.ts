import { describe, expect, it } from 'vitest';
import { ruleContext } from '../../../kit';
import { s3Bucket } from './fixtures';
import { s3AccessLogging } from './rules/access-logging';
import { s3ReplicationRegion } from './rules/replication-region';
import { s3 } from '.';

const rulesForType = (type: string) => s3.rules.filter((rule) => rule.resourceType === type);

describe('aws.s3 rules, beyond the fixture table', () => {
  it('keeps the first five S3 checks, in order, and adds the issue-9 ones after them', () => {
    expect(rulesForType('aws.s3.bucket').map((r) => r.id)).toEqual([
      'aws.s3.default-encryption',
      'aws.s3.tls-only-policy',
      'aws.s3.public-access-block',
      'aws.s3.access-logging',
      'aws.s3.replication-region',
      'aws.s3.phi-sse-kms',
      'aws.s3.data-classification',
      'aws.s3.phi-versioning',
      'aws.s3.replication-account',
      'aws.s3.public-bucket',
    ]);
  });

  it('judges access logging on PHI classification, not on tags the rule reads itself', () => {
    const bucket = {
      ...s3Bucket({
        phi: false,
        properties: { logging: { enabled: false, targetBucket: null, targetPrefix: null } },
      }),
      tags: { phi: 'true' },
    };
    expect(s3AccessLogging.evaluate(bucket, ruleContext()).status).toBe('not_applicable');
  });

  it('names every unapproved and unknown destination of a multi-destination replication', () => {
    const bucket = s3Bucket({
      properties: {
        replication: {
          enabled: true,
          destinations: [
            { bucketArn: 'arn:aws:s3:::ok', bucket: 'ok', region: 'us-east-2', status: 'Enabled' },
            { bucketArn: 'arn:aws:s3:::eu', bucket: 'eu', region: 'eu-central-1', status: 'Enabled' },
            { bucketArn: 'arn:aws:s3:::ap', bucket: 'ap', region: 'ap-southeast-2', status: 'Enabled' },
            { bucketArn: 'arn:aws:s3:::lost', bucket: 'lost', region: null, status: 'Enabled' },
          ],
        },
      },
    });
    const result = s3ReplicationRegion.evaluate(bucket, ruleContext());
    expect(result.status).toBe('fail');
    expect(result.detail).toBe(
      'Bucket northwind-patient-docs replicates to eu in eu-central-1, ap in ap-southeast-2, outside the approved regions (us-east-1, us-east-2, eastus, westus); and replicates to lost, whose region could not be determined. It is classified as PHI (tag phi=true).',
    );
  });

  it("looks a destination up by ARN among the run's resources when its region was not collected", () => {
    const bucket = s3Bucket({
      properties: {
        replication: {
          enabled: true,
          destinations: [
            { bucketArn: 'arn:aws:s3:::nw-eu', bucket: 'nw-eu', region: null, status: 'Enabled' },
          ],
        },
      },
    });
    const replica = s3Bucket({ name: 'nw-eu', region: 'eu-west-1' });
    const result = s3ReplicationRegion.evaluate(bucket, ruleContext({ resources: [bucket, replica] }));
    expect(result.status).toBe('fail');
    expect(result.detail).toContain('nw-eu in eu-west-1');
  });

  it('states the no-approved-regions case even when replicating nowhere approved', () => {
    const bucket = s3Bucket({
      properties: {
        replication: {
          enabled: true,
          destinations: [
            { bucketArn: 'arn:aws:s3:::eu', bucket: 'eu', region: 'eu-west-1', status: 'Enabled' },
          ],
        },
      },
    });
    const result = s3ReplicationRegion.evaluate(bucket, ruleContext({ approvedRegions: [] }));
    expect(result).toEqual({
      status: 'not_applicable',
      detail:
        'Bucket northwind-patient-docs: no approved regions set for this engagement, so its replication to eu (eu-west-1) was not judged.',
    });
  });
});
