import { describe, expect, it } from 'vitest';
import { hubArn, hubFrom, standardFrom, standardName } from './normalize';

describe('Security Hub answers', () => {
  it('reads DescribeHub', () => {
    expect(
      hubFrom({
        HubArn: 'arn:aws:securityhub:us-east-1:111122223333:hub/default',
        SubscribedAt: '2023-06-12T10:00:00.000Z',
        AutoEnableControls: true,
        ControlFindingGenerator: 'SECURITY_CONTROL',
      }),
    ).toEqual({
      enabled: true,
      subscribedAt: '2023-06-12T10:00:00.000Z',
      autoEnableControls: true,
      controlFindingGenerator: 'SECURITY_CONTROL',
    });
    expect(hubFrom({})).toMatchObject({ enabled: true, subscribedAt: null, autoEnableControls: null });
    expect(hubArn('aws-us-gov', 'us-gov-west-1', '111122223333')).toBe(
      'arn:aws-us-gov:securityhub:us-gov-west-1:111122223333:hub/default',
    );
  });

  it('names standards from their ARNs, the old CIS ruleset ARN included', () => {
    expect(
      standardName(
        'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
      ),
    ).toBe('AWS Foundational Security Best Practices v1.0.0');
    expect(standardName('arn:aws:securityhub:::ruleset/cis-aws-foundations-benchmark/v/1.2.0')).toBe(
      'CIS AWS Foundations Benchmark v1.2.0',
    );
    expect(standardName('arn:aws:securityhub:us-east-1::standards/some-new-standard/v/2.0.0')).toBe(
      'some-new-standard v2.0.0',
    );
    expect(standardName('odd')).toBe('odd');
    expect(
      standardFrom({
        StandardsSubscriptionArn:
          'arn:aws:securityhub:us-east-1:111122223333:subscription/nist-800-53/v/5.0.0',
        StandardsArn: 'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0',
        StandardsInput: {},
        StandardsStatus: 'PENDING',
      }),
    ).toEqual({
      standardsArn: 'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0',
      name: 'NIST SP 800-53 Rev. 5 v5.0.0',
      status: 'PENDING',
    });
    expect(
      standardFrom({
        StandardsSubscriptionArn: 'x',
        StandardsArn: undefined,
        StandardsInput: {},
        StandardsStatus: 'READY',
      }),
    ).toBeNull();
  });
});
