import { describe, expect, it } from 'vitest';
import {
  bucketCoverage,
  regionOfTrailArn,
  s3DataEventsFrom,
  s3ScopeOf,
  statusFrom,
  tagsFromResourceTags,
  trailFrom,
  trailNameOf,
} from './normalize';

/** Plain objects shaped like the CloudTrail answers, fields left out as the API reference allows. */

const arn = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit';

describe('trailFrom', () => {
  it('reads a DescribeTrails Trail without KmsKeyId or CloudWatchLogsLogGroupArn as null', () => {
    expect(
      trailFrom({
        Name: 'org-audit',
        S3BucketName: 'audit-logs',
        IsMultiRegionTrail: true,
        HomeRegion: 'us-east-1',
        TrailARN: arn,
        LogFileValidationEnabled: false,
        IsOrganizationTrail: false,
      }),
    ).toEqual({
      trailArn: arn,
      homeRegion: 'us-east-1',
      multiRegion: true,
      organizationTrail: false,
      logFileValidation: false,
      kmsKeyId: null,
      cloudWatchLogsLogGroupArn: null,
      s3BucketName: 'audit-logs',
    });
  });

  it('keeps a KMS key and a log group, and takes the home region from the ARN when missing', () => {
    const facts = trailFrom({
      TrailARN: 'arn:aws:cloudtrail:eu-west-1:111122223333:trail/eu',
      KmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      CloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:eu:*',
    });
    expect(facts).toMatchObject({
      homeRegion: 'eu-west-1',
      kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/k',
      cloudWatchLogsLogGroupArn: 'arn:aws:logs:eu-west-1:111122223333:log-group:eu:*',
    });
    // An absent boolean stays absent (not assessed), never false.
    expect(facts).not.toHaveProperty('logFileValidation');
  });

  it('skips a trail without an ARN', () => {
    expect(trailFrom({ Name: 'x' })).toBeNull();
  });

  it('names a trail by Name, else by its ARN', () => {
    expect(trailNameOf({ TrailARN: arn })).toBe('org-audit');
    expect(regionOfTrailArn(arn)).toBe('us-east-1');
    expect(regionOfTrailArn('not-an-arn')).toBeNull();
  });
});

describe('statusFrom', () => {
  it('reads IsLogging and the delivery error', () => {
    expect(statusFrom({ IsLogging: true })).toEqual({ isLogging: true, latestDeliveryError: null });
    expect(statusFrom({ IsLogging: false, LatestDeliveryError: 'AccessDenied' })).toEqual({
      isLogging: false,
      latestDeliveryError: 'AccessDenied',
    });
  });
});

describe('s3ScopeOf', () => {
  it('reads all-bucket, bucket and prefix values', () => {
    expect(s3ScopeOf('arn:aws:s3')).toBe('all');
    expect(s3ScopeOf('arn:aws:s3:::')).toBe('all');
    expect(s3ScopeOf('arn:aws:s3:::phi-bucket/')).toEqual({ bucket: 'phi-bucket', prefix: '' });
    expect(s3ScopeOf('arn:aws:s3:::phi-bucket/exports/')).toEqual({
      bucket: 'phi-bucket',
      prefix: 'exports/',
    });
    expect(s3ScopeOf('arn:aws:lambda')).toBeNull();
  });
});

describe('s3DataEventsFrom', () => {
  it('reads the default classic selector as no S3 data events', () => {
    expect(
      s3DataEventsFrom({
        EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [] }],
      }),
    ).toEqual([]);
  });

  it('reads classic S3 data resources with their ReadWriteType, ignoring Lambda', () => {
    const selectors = s3DataEventsFrom({
      EventSelectors: [
        {
          ReadWriteType: 'ReadOnly',
          DataResources: [
            { Type: 'AWS::S3::Object', Values: ['arn:aws:s3:::phi-a/', 'arn:aws:s3:::phi-b/scans/'] },
            { Type: 'AWS::Lambda::Function', Values: ['arn:aws:lambda'] },
          ],
        },
      ],
    });
    expect(selectors).toEqual([
      {
        source: 'EventSelectors',
        name: null,
        readEvents: true,
        writeEvents: false,
        allBuckets: false,
        resources: [
          { bucket: 'phi-a', prefix: '' },
          { bucket: 'phi-b', prefix: 'scans/' },
        ],
        excluded: [],
        narrowed: false,
      },
    ]);
    expect(bucketCoverage(selectors, 'phi-a')).toEqual({ read: true, write: false });
    // A prefix is not the whole bucket.
    expect(bucketCoverage(selectors, 'phi-b')).toEqual({ read: false, write: false });
  });

  it('reads advanced selectors: all buckets with an exclusion, readOnly, and eventName narrowing', () => {
    const selectors = s3DataEventsFrom({
      AdvancedEventSelectors: [
        { Name: 'Management', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
        {
          Name: 'S3 all but scratch',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'resources.ARN', NotStartsWith: ['arn:aws:s3:::scratch/'] },
          ],
        },
        {
          Name: 'S3 reads of phi',
          FieldSelectors: [
            { Field: 'eventCategory', Equals: ['Data'] },
            { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            { Field: 'readOnly', Equals: ['true'] },
            { Field: 'eventName', Equals: ['GetObject'] },
            { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::phi/'] },
          ],
        },
      ],
    });
    expect(selectors).toHaveLength(2);
    expect(selectors[0]).toMatchObject({
      name: 'S3 all but scratch',
      allBuckets: true,
      readEvents: true,
      writeEvents: true,
      excluded: [{ bucket: 'scratch', prefix: '' }],
      narrowed: false,
    });
    expect(selectors[1]).toMatchObject({
      allBuckets: false,
      readEvents: true,
      writeEvents: false,
      resources: [{ bucket: 'phi', prefix: '' }],
      narrowed: true,
    });
    expect(bucketCoverage(selectors, 'scratch')).toEqual({ read: false, write: false });
    expect(bucketCoverage(selectors, 'phi')).toEqual({ read: true, write: true });
  });
});

describe('tagsFromResourceTags', () => {
  it('reads the tags of the asked trail only', () => {
    expect(
      tagsFromResourceTags(
        [
          { ResourceId: arn, TagsList: [{ Key: 'phi', Value: 'true' }, { Key: 'empty' }] },
          {
            ResourceId: 'arn:aws:cloudtrail:us-east-1:111122223333:trail/other',
            TagsList: [{ Key: 'x', Value: 'y' }],
          },
        ],
        arn,
      ),
    ).toEqual({ phi: 'true', empty: '' });
  });
});
