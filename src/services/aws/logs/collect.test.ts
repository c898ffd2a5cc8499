import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { LogGroupProperties } from './resource';
import { logsSim } from './sim';
import { logs } from '.';

const prod = '210987654321';
type Run = Awaited<ReturnType<typeof collectService>>;
function groupOf(run: Run, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no log group ${name}`);
  return { resource, properties: resource.properties as LogGroupProperties };
}

describe('the CloudWatch Logs collector against the simulated service', () => {
  it('reads each group with its settings and tags', async () => {
    const run = await collectService(logs, serviceScenario(logs));
    const { resource, properties } = groupOf(run, '/aws/lambda/nwv-support-ticket-intake');
    expect(resource).toMatchObject({
      type: 'aws.logs.log-group',
      nativeId: `arn:aws:logs:us-east-1:${prod}:log-group:/aws/lambda/nwv-support-ticket-intake`,
      tags: { app: 'support-tickets', phi: 'true' },
    });
    expect(properties).toEqual({
      logGroupName: '/aws/lambda/nwv-support-ticket-intake',
      kmsKeyId: null,
      retentionInDays: null,
      logGroupClass: 'STANDARD',
      storedBytes: 7340032000,
      category: 'application',
      tagsCollected: true,
    });
    expect(groupOf(run, '/nwv/vpc/flow-logs').properties).toMatchObject({
      category: 'audit',
      retentionInDays: 30,
    });
  });

  it('judges the demo: each failure beside its compliant twin', async () => {
    const scenario = serviceScenario(logs);
    const run = await collectService(logs, scenario);
    const results = judge(logs, scenario, run.resources);
    const status = (rule: string, name: string) =>
      results.get(`aws.logs.${rule}|${groupOf(run, name).resource.nativeId}`)?.status;
    expect(status('application-logs-cmk', '/aws/lambda/nwv-support-ticket-intake')).toBe('fail');
    expect(status('application-logs-cmk', '/aws/lambda/nwv-telehealth-notes-sync')).toBe('pass');
    expect(status('application-logs-cmk', '/ecs/nwv-checkout-api')).toBe('fail');
    expect(status('application-logs-cmk', '/aws/events/nwv-guardduty-findings')).toBe('not_applicable');
    expect(status('audit-log-retention', '/nwv/vpc/flow-logs')).toBe('fail');
    expect(status('audit-log-retention', 'nwv-prod-cloudtrail')).toBe('pass');
  });

  it('pages DescribeLogGroups with limit / nextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(logs),
      simulation: { awsPageSize: 2, azurePageSize: 1000 },
    };
    const paged = await collectService(logs, scenario);
    expect(paged.gaps).toEqual([]);
    expect(paged.resources).toHaveLength(6);
    const lists = paged.evidence.filter(
      (each) => each.operation === 'DescribeLogGroups' && each.region === 'us-east-1',
    );
    // prod us-east-1: 6 groups, 3 pages; shared us-east-1: one empty page.
    expect(lists).toHaveLength(4);
    expect(lists.every((each) => (each.request as { limit?: number }).limit === 50)).toBe(true);
  });

  it('AccessDenied on ListTagsForResource: tags unknown, AWS service groups not assessed', async () => {
    const scenario = serviceScenario(logs, [
      { provider: 'aws', service: 'logs', operation: 'ListTagsForResource', kind: 'access_denied' },
    ]);
    const run = await collectService(logs, scenario);
    const { resource, properties } = groupOf(run, '/aws/events/nwv-guardduty-findings');
    expect(properties.tagsCollected).toBe(false);
    expect(
      judge(logs, scenario, run.resources).get(`aws.logs.application-logs-cmk|${resource.nativeId}`)?.detail,
    ).toMatch(/^Not assessed:/);
  });
});

describe('the simulated CloudWatch Logs', () => {
  function answer(
    operation: keyof typeof logsSim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(logs);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return logsSim.answers[operation]!({
      account: account as Parameters<(typeof logsSim.answers)['DescribeLogGroups']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: logsSim.error,
      pageSize: scenario.simulation.awsPageSize,
    }) as Record<string, unknown>;
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('answers groups in ASCII order, leaving out kmsKeyId and retentionInDays when unset', () => {
    const groups = answer('DescribeLogGroups', {}).logGroups as Record<string, unknown>[];
    expect(groups.map((each) => each.logGroupName)).toEqual([
      '/aws/events/nwv-guardduty-findings',
      '/aws/lambda/nwv-support-ticket-intake',
      '/aws/lambda/nwv-telehealth-notes-sync',
      '/ecs/nwv-checkout-api',
      '/nwv/vpc/flow-logs',
      'nwv-prod-cloudtrail',
    ]);
    const intake = groups[1]!;
    expect(intake).not.toHaveProperty('kmsKeyId');
    expect(intake).not.toHaveProperty('retentionInDays');
    expect(intake.arn).toBe(`${String(intake.logGroupArn)}:*`);
    expect(answer('DescribeLogGroups', {}, 'us-west-2')).toEqual({ logGroups: [] });
  });

  it("answers CloudWatch Logs' own errors", () => {
    const tooMany = thrown(() => answer('DescribeLogGroups', { limit: 51 }));
    expect(tooMany).toBeInstanceOf(CloudWatchLogsServiceException);
    expect(tooMany).toMatchObject({ name: 'InvalidParameterException' });
    expect(
      thrown(() =>
        answer('ListTagsForResource', { resourceArn: `arn:aws:logs:us-east-1:${prod}:log-group:/gone` }),
      ),
    ).toMatchObject({ name: 'ResourceNotFoundException' });
    // The ARN DescribeLogGroups calls `arn` ends in :* and is not a tagging resource ARN.
    expect(
      thrown(() =>
        answer('ListTagsForResource', {
          resourceArn: `arn:aws:logs:us-east-1:${prod}:log-group:/nwv/vpc/flow-logs:*`,
        }),
      ),
    ).toMatchObject({ name: 'InvalidParameterException' });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(logs);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { logGroups: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.logGroups[0] = { name: '/nwv/x', region: 'us-east-1', retentionInDays: 100 };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.logGroups\[0\]\.retentionInDays: must be one of/,
    );
  });

  it('generates log groups per region for the benchmark', async () => {
    const registry = serviceRegistry(logs);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 3,
    });
    const run = await collectService(logs, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(2 * 2 * 3);
  });
});
