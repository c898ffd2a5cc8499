import { SNSServiceException } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { SnsTopicProperties } from './resource';
import { snsSim } from './sim';
import { sns } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;
function topicOf(run: Run, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no topic ${name}`);
  return { resource, properties: resource.properties as SnsTopicProperties };
}

describe('the SNS collector against the simulated SNS', () => {
  it('reads a topic by its ARN, with its attributes and tags', async () => {
    const run = await collectService(sns, serviceScenario(sns));
    const { resource, properties } = topicOf(run, 'nwv-support-ticket-created');
    expect(resource).toMatchObject({
      type: 'aws.sns.topic',
      nativeId: `arn:aws:sns:us-east-1:${prod}:nwv-support-ticket-created`,
      scopeId: prod,
      region: 'us-east-1',
      tags: { app: 'support-tickets', phi: 'true' },
    });
    expect(properties).toMatchObject({
      fifo: false,
      encryption: { kmsMasterKeyId: null, awsManagedKey: false },
      policy: { present: true, publicGrants: [], conditionedPublicGrants: 1, denyInsecureTransport: 'none' },
      subscriptionsConfirmed: 3,
      tagsCollected: true,
    });
    expect(topicOf(run, 'nwv-shared-security-alerts').properties.policy?.denyInsecureTransport).toBe(
      'all-actions',
    );
  });

  it('judges the demo: each failure beside its compliant twin', async () => {
    const scenario = serviceScenario(sns);
    const run = await collectService(sns, scenario);
    const results = judge(sns, scenario, run.resources);
    const status = (rule: string, name: string) =>
      results.get(`aws.sns.${rule}|${topicOf(run, name).resource.nativeId}`)?.status;
    expect(status('encryption-at-rest', 'nwv-support-ticket-created')).toBe('fail');
    expect(status('encryption-at-rest', 'nwv-telehealth-appointment-events')).toBe('pass');
    expect(status('policy-public', 'nwv-order-status-webhooks')).toBe('fail');
    expect(status('policy-public', 'nwv-support-ticket-created')).toBe('pass');
    expect(status('tls-only-policy', 'nwv-support-ticket-created')).toBe('fail');
    expect(status('tls-only-policy', 'nwv-telehealth-appointment-events')).toBe('pass');
  });

  it('pages ListTopics with NextToken (no page size sent)', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(sns),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(sns, scenario);
    const whole = await collectService(sns, serviceScenario(sns));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      whole.resources.map((each) => each.nativeId).sort(),
    );
    const lists = paged.evidence.filter(
      (each) => each.operation === 'ListTopics' && each.region === 'us-east-1',
    );
    // prod us-east-1: 3 topics, 3 pages; shared us-east-1: 1 topic, 1 page.
    expect(lists).toHaveLength(4);
    expect(lists.every((each) => !('MaxResults' in (each.request as object)))).toBe(true);
  });

  it('AuthorizationError on ListTagsForResource leaves tags unknown, not empty', async () => {
    const run = await collectService(
      sns,
      serviceScenario(sns, [
        { provider: 'aws', service: 'sns', operation: 'ListTagsForResource', kind: 'access_denied' },
      ]),
    );
    const { resource, properties } = topicOf(run, 'nwv-support-ticket-created');
    expect(properties.tagsCollected).toBe(false);
    expect(resource.tags).toEqual({});
    expect(properties.encryption).toBeDefined();
    expect(
      run.gaps.every((gap) => gap.reason === 'access_denied' && gap.operation === 'ListTagsForResource'),
    ).toBe(true);
  });
});

describe('the simulated SNS', () => {
  function answer(
    operation: keyof typeof snsSim.answers,
    input: Record<string, unknown>,
    accountId = prod,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(sns);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return snsSim.answers[operation]!({
      account: account as Parameters<(typeof snsSim.answers)['ListTopics']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: snsSim.error,
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

  it('answers ARNs, [] for an empty region, and leaves KmsMasterKeyId out without SSE', () => {
    expect(answer('ListTopics', {}, prod, 'us-west-2')).toEqual({ Topics: [] });
    const attributes = answer('GetTopicAttributes', {
      TopicArn: `arn:aws:sns:us-east-1:${prod}:nwv-support-ticket-created`,
    }).Attributes as Record<string, string>;
    expect(attributes).not.toHaveProperty('KmsMasterKeyId');
    expect(JSON.parse(attributes.Policy!)).toMatchObject({ Id: '__default_policy_ID' });
    expect(
      answer(
        'ListTagsForResource',
        { ResourceArn: `arn:aws:sns:us-east-1:${shared}:nwv-shared-security-alerts` },
        shared,
      ),
    ).toEqual({
      Tags: [
        { Key: 'app', Value: 'security' },
        { Key: 'owner', Value: 'platform' },
      ],
    });
  });

  it("answers SNS's own errors through SNSServiceException", () => {
    const missing = thrown(() =>
      answer('GetTopicAttributes', { TopicArn: `arn:aws:sns:us-east-1:${prod}:nwv-gone` }),
    );
    expect(missing).toBeInstanceOf(SNSServiceException);
    expect(missing).toMatchObject({ name: 'NotFoundException', Code: 'NotFound' });
    expect(
      thrown(() => answer('ListTagsForResource', { ResourceArn: `arn:aws:sns:us-east-1:${prod}:nwv-gone` })),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(
      thrown(() =>
        answer('GetTopicAttributes', {
          TopicArn: `arn:aws:sns:us-east-1:${shared}:nwv-shared-security-alerts`,
        }),
      ),
    ).toMatchObject({
      name: 'AuthorizationErrorException',
    });
    expect(thrown(() => answer('ListTopics', { NextToken: 'nope' }))).toMatchObject({
      name: 'InvalidParameterException',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(sns);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { snsTopics: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.snsTopics[0] = { name: 'tickets.fifo', region: 'us-east-1' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.snsTopics\[0\]\.fifo: FIFO topics/,
    );
  });

  it('generates topics per region for the benchmark', async () => {
    const registry = serviceRegistry(sns);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 8,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 5,
    });
    const run = await collectService(sns, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
