import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import type { CloudTrailAccountProperties, CloudTrailTrailProperties } from './resource';
import { cloudtrail } from '.';

const prod = '210987654321';
const shared = '345678901234';

describe('the CloudTrail collector against the simulated CloudTrail', () => {
  it('lists a multi-region trail once, in its home region, though every region shows it', async () => {
    const run = await collectService(cloudtrail, serviceScenario(cloudtrail));
    const trails = run.resources.filter((each) => each.type === 'aws.cloudtrail.trail');
    expect(trails.map((each) => `${each.scopeId}|${each.name}|${each.region}`).sort()).toEqual([
      `${prod}|nwv-prod-audit|us-east-1`,
      `${prod}|nwv-prod-payments-debug|us-west-2`,
      `${shared}|nwv-shared-ops|us-east-1`,
    ]);
    const audit = trails.find((each) => each.name === 'nwv-prod-audit')!;
    expect(audit.nativeId).toBe(`arn:aws:cloudtrail:us-east-1:${prod}:trail/nwv-prod-audit`);
    expect(audit.tags).toMatchObject({ app: 'audit-logging' });
    const properties = audit.properties as CloudTrailTrailProperties;
    expect(properties).toMatchObject({ multiRegion: true, isLogging: true, logFileValidation: true });
    expect(properties.s3DataEvents?.[0]?.resources).toHaveLength(7);
    const debug = trails.find((each) => each.name === 'nwv-prod-payments-debug')!.properties;
    expect(debug).toMatchObject({ kmsKeyId: null, cloudWatchLogsLogGroupArn: null, s3DataEvents: [] });
    // Every per-trail call goes to the trail's home region, by ARN.
    for (const each of run.evidence.filter((e) => e.operation !== 'DescribeTrails')) {
      const request = each.request as { Name?: string; TrailName?: string; ResourceIdList?: string[] };
      const asked = request.Name ?? request.TrailName ?? request.ResourceIdList?.[0] ?? '';
      expect(asked.split(':')[3]).toBe(each.region);
    }
    const describes = run.evidence.filter((e) => e.operation === 'DescribeTrails');
    expect(describes).toHaveLength(5);
  });

  it('says which trails the account rule saw', async () => {
    const run = await collectService(cloudtrail, serviceScenario(cloudtrail));
    const account = run.resources.find(
      (each) => each.type === 'aws.cloudtrail.account' && each.scopeId === shared,
    )!;
    expect(account.nativeId).toBe(`arn:aws:cloudtrail::${shared}:account-trails`);
    expect(account.region).toBe('global');
    expect(account.properties as CloudTrailAccountProperties).toMatchObject({
      regionsListed: ['us-east-1', 'us-west-2'],
      regionsRefused: [],
      trails: [{ name: 'nwv-shared-ops', multiRegion: false, isLogging: false }],
    });
  });

  it('still sees a multi-region trail as a shadow when its home region refuses DescribeTrails', async () => {
    const scenario = serviceScenario(cloudtrail, [
      {
        provider: 'aws',
        service: 'cloudtrail',
        operation: 'DescribeTrails',
        region: 'us-east-1',
        kind: 'access_denied',
      },
    ]);
    const run = await collectService(cloudtrail, scenario);
    const audit = run.resources.find((each) => each.name === 'nwv-prod-audit');
    expect(audit?.region).toBe('us-east-1');
    const account = run.resources.find(
      (each) => each.type === 'aws.cloudtrail.account' && each.scopeId === prod,
    )!;
    expect((account.properties as CloudTrailAccountProperties).regionsRefused).toEqual(['us-east-1']);
  });

  it('collects a generated organisation of one or two trails per account without a gap', async () => {
    const scenario = serviceRegistry(cloudtrail).generateScenario({
      awsAccounts: 3,
      regions: 2,
      perRegion: 2,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(cloudtrail, scenario);
    expect(run.gaps).toEqual([]);
    const trails = run.resources.filter((each) => each.type === 'aws.cloudtrail.trail');
    expect(trails.length).toBeGreaterThanOrEqual(3);
    expect(run.resources.filter((each) => each.type === 'aws.cloudtrail.account')).toHaveLength(3);
  });
});
