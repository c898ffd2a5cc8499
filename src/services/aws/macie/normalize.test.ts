import { describe, expect, it } from 'vitest';
import { regionName, saysMacieNotEnabled, sessionArn, sessionFrom } from './normalize';

describe('Macie answers', () => {
  it('reads a session', () => {
    expect(
      sessionFrom({
        status: 'PAUSED',
        findingPublishingFrequency: 'ONE_HOUR',
        createdAt: new Date('2023-09-04T08:00:00Z'),
        serviceRole: 'arn:aws:iam::111122223333:role/x',
      }),
    ).toEqual({
      enabled: true,
      status: 'PAUSED',
      findingPublishingFrequency: 'ONE_HOUR',
      createdAt: '2023-09-04T08:00:00.000Z',
    });
    expect(sessionFrom({})).toEqual({
      enabled: true,
      status: null,
      findingPublishingFrequency: null,
      createdAt: null,
    });
  });

  it('tells "Macie is not enabled" from an IAM refusal by the message only', () => {
    expect(saysMacieNotEnabled('Macie is not enabled')).toBe(true);
    expect(saysMacieNotEnabled('Macie is not enabled.')).toBe(true);
    expect(
      saysMacieNotEnabled(
        'User: arn:aws:sts::111122223333:assumed-role/Audit/x is not authorized to perform: macie2:GetMacieSession',
      ),
    ).toBe(false);
    expect(saysMacieNotEnabled(undefined)).toBe(false);
  });

  it('names the resource', () => {
    expect(sessionArn('aws', 'us-east-1', '111122223333')).toBe(
      'arn:aws:macie2:us-east-1:111122223333:session',
    );
    expect(regionName('us-east-1', '111122223333')).toBe('us-east-1 of account 111122223333');
  });
});
