import { describe, expect, it } from 'vitest';
import { logGroupArnOf, logGroupCategory, logGroupFrom, retentionText } from './normalize';

/** Plain objects shaped like DescribeLogGroups entries. */

describe('logGroupCategory', () => {
  it('tells application, audit and AWS service groups apart by name', () => {
    expect(
      [
        '/aws/lambda/nwv-intake',
        '/ecs/nwv-checkout-api',
        '/aws/ecs/containerinsights/x/performance',
        '/aws/eks/nwv/containers',
        'API-Gateway-Execution-Logs_abc123/prod',
        '/aws/rds/instance/nwv-orders/postgresql',
        '/nwv/orders-api',
        'nwv-prod-cloudtrail',
        'aws-cloudtrail-logs-210987654321-1a2b3c4d',
        '/nwv/vpc/flow-logs',
        'vpcflowlogs',
        '/aws/events/rules',
        '/aws/route53/example.com',
      ].map(logGroupCategory),
    ).toEqual([
      'application',
      'application',
      'aws-service',
      'application',
      'application',
      'application',
      'application',
      'audit',
      'audit',
      'audit',
      'audit',
      'aws-service',
      'aws-service',
    ]);
  });
});

describe('logGroupFrom', () => {
  it('reads absent kmsKeyId and retentionInDays as none and never', () => {
    expect(
      logGroupFrom({
        logGroupName: '/aws/lambda/x',
        arn: 'arn:aws:logs:us-east-1:1:log-group:/aws/lambda/x:*',
      }),
    ).toEqual({
      logGroupName: '/aws/lambda/x',
      kmsKeyId: null,
      retentionInDays: null,
      logGroupClass: null,
      storedBytes: null,
      category: 'application',
    });
    expect(logGroupFrom({})).toBeNull();
    expect(retentionText(null)).toBe('events never expire');
    expect(retentionText(30)).toBe('events kept 30 days');
  });

  it('names the group by logGroupArn, or by arn without its trailing :*', () => {
    expect(logGroupArnOf({ logGroupArn: 'arn:aws:logs:us-east-1:1:log-group:a', arn: 'x' })).toBe(
      'arn:aws:logs:us-east-1:1:log-group:a',
    );
    expect(logGroupArnOf({ arn: 'arn:aws:logs:us-east-1:1:log-group:a:*' })).toBe(
      'arn:aws:logs:us-east-1:1:log-group:a',
    );
    expect(logGroupArnOf({})).toBeNull();
  });
});
