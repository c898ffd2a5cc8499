import { describe, expect, it } from 'vitest';
import {
  describeTarget,
  detectorFrom,
  findingPatternMatch,
  guardDutyRegionArn,
  patternValueMatches,
  regionName,
  targetKindOf,
  targetName,
} from './normalize';

const ids = { detectorId: 'abc', detectorArn: 'arn:aws:guardduty:us-east-1:111122223333:detector/abc' };

describe('detectorFrom', () => {
  it('reads Status, the features and S3 protection from the S3_DATA_EVENTS feature', () => {
    expect(
      detectorFrom(
        {
          Status: 'ENABLED',
          ServiceRole: 'arn:aws:iam::111122223333:role/x',
          FindingPublishingFrequency: 'SIX_HOURS',
          CreatedAt: '2023-03-01T09:00:00.000Z',
          Features: [
            { Name: 'S3_DATA_EVENTS', Status: 'ENABLED' },
            { Name: 'EKS_AUDIT_LOGS', Status: 'DISABLED' },
          ],
          // The feature wins over the deprecated data source when both answer.
          DataSources: { S3Logs: { Status: 'DISABLED' } } as never,
        },
        ids,
      ),
    ).toEqual({
      ...ids,
      status: 'ENABLED',
      features: { S3_DATA_EVENTS: 'ENABLED', EKS_AUDIT_LOGS: 'DISABLED' },
      s3Protection: true,
      findingPublishingFrequency: 'SIX_HOURS',
      createdAt: '2023-03-01T09:00:00.000Z',
    });
  });

  it('falls back to DataSources.S3Logs, and says null when neither answers', () => {
    const older = detectorFrom(
      { Status: 'DISABLED', ServiceRole: 'r', DataSources: { S3Logs: { Status: 'DISABLED' } } as never },
      ids,
    );
    expect(older).toMatchObject({
      status: 'DISABLED',
      s3Protection: false,
      findingPublishingFrequency: null,
    });
    expect(detectorFrom({ Status: 'ENABLED', ServiceRole: 'r' }, ids).s3Protection).toBeNull();
  });
});

describe('event patterns', () => {
  const match = (pattern: object) => findingPatternMatch(JSON.stringify(pattern));

  it('matches GuardDuty findings by source and detail-type, exact or by prefix', () => {
    expect(match({ source: ['aws.guardduty'], 'detail-type': ['GuardDuty Finding'] })).toEqual({
      via: 'guardduty',
      filtered: false,
    });
    expect(match({ source: ['aws.guardduty'] })).toEqual({ via: 'guardduty', filtered: false });
    expect(match({ 'detail-type': ['GuardDuty Finding'] })).toEqual({ via: 'guardduty', filtered: false });
    expect(match({ source: [{ prefix: 'aws.' }] })?.via).toBe('guardduty');
    expect(match({ source: ['aws.guardduty'], detail: { severity: [{ numeric: ['>=', 7] }] } })).toEqual({
      via: 'guardduty',
      filtered: true,
    });
  });

  it('matches Security Hub imported findings, and nothing else', () => {
    expect(
      match({ source: ['aws.securityhub'], 'detail-type': ['Security Hub Findings - Imported'] }),
    ).toEqual({ via: 'securityhub', filtered: false });
    expect(match({ source: ['nwv.checkout'], 'detail-type': ['OrderPlaced'] })).toBeNull();
    // Malware scan results are GuardDuty events, not findings.
    expect(
      match({
        source: ['aws.guardduty'],
        'detail-type': ['GuardDuty Malware Protection Object Scan Result'],
      }),
    ).toBeNull();
    expect(findingPatternMatch(undefined)).toBeNull();
    expect(findingPatternMatch('{not json')).toBeNull();
  });

  it('reads prefix, wildcard and anything-but', () => {
    expect(patternValueMatches([{ wildcard: 'aws.guard*' }], 'aws.guardduty')).toBe(true);
    expect(patternValueMatches([{ 'anything-but': ['aws.guardduty'] }], 'aws.guardduty')).toBe(false);
    expect(patternValueMatches([{ 'anything-but': 'aws.ec2' }], 'aws.guardduty')).toBe(true);
    expect(patternValueMatches([{ 'anything-but': { prefix: 'aws.' } }], 'aws.guardduty')).toBe(false);
    expect(patternValueMatches([{ numeric: ['>', 1] }], 'aws.guardduty')).toBe(false);
    expect(patternValueMatches('aws.guardduty', 'aws.guardduty')).toBe(true);
  });
});

describe('targets', () => {
  it('reads the kind and name of each target ARN', () => {
    const cases: [string, string][] = [
      ['arn:aws:sns:us-east-1:111122223333:security-alerts', 'SNS topic security-alerts'],
      ['arn:aws:sqs:us-east-1:111122223333:alerts', 'SQS queue alerts'],
      ['arn:aws:lambda:us-east-1:111122223333:function:ticket:live', 'Lambda function ticket'],
      [
        'arn:aws:events:us-east-1:111122223333:event-bus/default',
        'event bus default in us-east-1 of account 111122223333',
      ],
      ['arn:aws:events:us-east-1:111122223333:api-destination/jira/0a1b', 'API destination jira'],
      ['arn:aws:states:us-east-1:111122223333:stateMachine:triage', 'Step Functions state machine triage'],
      [
        'arn:aws:ssm-incidents::111122223333:response-plan/phi-breach',
        'Incident Manager response plan phi-breach',
      ],
      [
        'arn:aws:logs:us-east-1:111122223333:log-group:/aws/events/gd:*',
        'CloudWatch Logs group /aws/events/gd',
      ],
      [
        'arn:aws:codebuild:us-east-1:111122223333:project/x',
        'target arn:aws:codebuild:us-east-1:111122223333:project/x',
      ],
    ];
    for (const [arn, text] of cases) expect(describeTarget({ arn, kind: targetKindOf(arn) })).toBe(text);
    expect(targetKindOf('not an arn')).toBe('other');
    expect(targetName('not an arn')).toBe('not an arn');
  });
});

describe('names', () => {
  it('one stable id per account and region', () => {
    expect(guardDutyRegionArn('aws-us-gov', 'us-gov-west-1', '111122223333')).toBe(
      'arn:aws-us-gov:guardduty:us-gov-west-1:111122223333:detectors',
    );
    expect(regionName('us-west-2', '111122223333')).toBe('us-west-2 of account 111122223333');
  });
});
