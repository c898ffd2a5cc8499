import { describe, expect, it } from 'vitest';
import {
  awsEligibleServices,
  awsEligibleSource,
  awsServiceCodes,
  awsServiceEligibility,
  isAwsServiceEligible,
} from '../../../src/catalog/aws-eligible';

describe('AWS HIPAA eligible services', () => {
  it('holds the 173 entries of the list dated May 22, 2026, with its provenance', () => {
    expect(awsEligibleServices).toHaveLength(173);
    expect(awsEligibleSource.count).toBe(173);
    expect(awsEligibleSource.listDate).toBe('2026-05-22');
    expect(awsEligibleSource.listDateLabel).toBe('May 22, 2026');
    expect(awsEligibleSource.officialUrl).toBe(
      'https://aws.amazon.com/compliance/hipaa-eligible-services-reference/',
    );
    expect(awsEligibleSource.provenance).toContain('not the primary source');
    expect(awsEligibleSource.notes.join(' ')).toContain('Business Associate Addendum');
    expect(new Set(awsEligibleServices.map((s) => s.listing)).size).toBe(173);
  });

  it('separates bracketed qualifiers from names', () => {
    const cloudfront = awsEligibleServices.find((s) => s.name === 'Amazon CloudFront');
    expect(cloudfront?.qualifier).toBe(
      'excludes content delivery through Amazon CloudFront Embedded Point of Presences',
    );
    expect(awsEligibleServices.find((s) => s.name === 'Amazon DynamoDB')?.qualifier).toBeNull();
  });

  it('maps every collector service code to a listed name, or to a stated reason', () => {
    for (const [code, name] of Object.entries(awsServiceCodes)) {
      const result = awsServiceEligibility(code);
      if (name === null) expect(result.status, code).toBe('not_listed');
      else expect(result, code).toMatchObject({ status: 'eligible', service: { name } });
    }
  });

  it('says yes for the services the first collectors and the coverage issues use', () => {
    const codes = [
      's3',
      'sqs',
      'cloudfront',
      'kms',
      'apigateway',
      'dynamodb',
      'rds',
      'lambda',
      'sns',
      'elasticache',
      'opensearch',
      'backup',
      'cloudtrail',
      'ec2',
      'ecs',
      'eks',
      'secretsmanager',
      'logs',
      'config',
    ];
    for (const code of codes) expect(isAwsServiceEligible(code), code).toBe(true);
  });

  it('looks up by published name or listing, case-insensitively, and keeps qualifiers', () => {
    expect(isAwsServiceEligible('Amazon Simple Storage Service (S3)')).toBe(true);
    expect(isAwsServiceEligible('amazon  dynamodb')).toBe(true);
    expect(isAwsServiceEligible('AWS Directory Service [excludes Simple AD]')).toBe(true);
    const rds = awsServiceEligibility('rds');
    expect(rds.status === 'eligible' && rds.service.qualifier).toContain('engines only');
  });

  it('does not call an unknown or unlisted service eligible, and says why', () => {
    expect(awsServiceEligibility('AWS RoboMaker')).toEqual({ status: 'unknown', query: 'AWS RoboMaker' });
    expect(isAwsServiceEligible('robomaker')).toBe(false);
    const iam = awsServiceEligibility('iam');
    expect(iam.status).toBe('not_listed');
    expect(iam.status === 'not_listed' && iam.reason).toContain('Keep PHI out of IAM');
  });
});
