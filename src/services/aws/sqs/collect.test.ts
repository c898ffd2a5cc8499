import { SQSServiceException } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { SqsQueueProperties } from './resource';
import { sqsSim } from './sim';
import { sqs } from '.';

const prod = '210987654321';
const shared = '345678901234';

function queueOf(run: Awaited<ReturnType<typeof collectService>>, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no queue ${name}`);
  return { resource, properties: resource.properties as SqsQueueProperties };
}

describe('the SQS collector against the simulated SQS', () => {
  it('reads a queue by the URL ListQueues answers, with its attributes and tags', async () => {
    const run = await collectService(sqs, serviceScenario(sqs));
    const { resource, properties } = queueOf(run, 'nwv-support-tickets');
    expect(resource).toMatchObject({
      type: 'aws.sqs.queue',
      nativeId: `arn:aws:sqs:us-east-1:${prod}:nwv-support-tickets`,
      region: 'us-east-1',
      scopeId: prod,
      tags: { app: 'support-tickets', phi: 'true', 'data-classification': 'phi' },
    });
    expect(properties).toMatchObject({
      queueUrl: `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-support-tickets`,
      fifo: false,
      encryption: { kind: 'none', kmsMasterKeyId: null },
      policy: { present: true, publicGrants: [], conditionedPublicGrants: 0, denyInsecureTransport: false },
      messageRetentionPeriodSeconds: 1209600,
      deadLetterTargetArn: `arn:aws:sqs:us-east-1:${prod}:nwv-support-tickets-dlq`,
      tagsCollected: true,
    });
    expect(queueOf(run, 'nwv-shared-security-alerts').properties.encryption).toMatchObject({
      kind: 'sse-kms',
      awsManagedKey: true,
    });
    expect(queueOf(run, 'nwv-legacy-webhooks').resource.tags).toEqual({});
    // Only the three declared operations, each asking for every attribute.
    const asked = run.evidence.filter((each) => each.operation === 'GetQueueAttributes');
    expect(
      asked.every(
        (each) => JSON.stringify((each.request as { AttributeNames: string[] }).AttributeNames) === '["All"]',
      ),
    ).toBe(true);
  });

  it('pages ListQueues with MaxResults / NextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(sqs),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(sqs, scenario);
    const whole = await collectService(sqs, serviceScenario(sqs));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId)).toEqual(
      whole.resources.map((each) => each.nativeId),
    );
    const lists = paged.evidence.filter(
      (each) => each.operation === 'ListQueues' && each.region === 'us-east-1',
    );
    // Prod us-east-1 holds 5 queues, shared us-east-1 holds 1: one page each, no trailing empty page.
    expect(lists).toHaveLength(6);
    expect(lists.every((each) => (each.request as { MaxResults?: number }).MaxResults === 1000)).toBe(true);
  });

  it('AccessDenied on ListQueueTags leaves tags unknown, not empty', async () => {
    const run = await collectService(
      sqs,
      serviceScenario(sqs, [
        { provider: 'aws', service: 'sqs', operation: 'ListQueueTags', kind: 'access_denied' },
      ]),
    );
    const { properties } = queueOf(run, 'nwv-support-tickets');
    expect(properties.tagsCollected).toBe(false);
    expect(properties.encryption).toBeDefined();
    expect(run.gaps.every((gap) => gap.reason === 'access_denied' && gap.operation === 'ListQueueTags')).toBe(
      true,
    );
  });
});

describe('the simulated SQS', () => {
  function answer(
    operation: keyof typeof sqsSim.answers,
    input: Record<string, unknown>,
    accountId = prod,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(sqs);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return sqsSim.answers[operation]!({
      account: account as Parameters<(typeof sqsSim.answers)['ListQueues']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: sqsSim.error,
      pageSize: scenario.simulation.awsPageSize,
    });
  }
  const thrown = (run: () => unknown): unknown => {
    try {
      run();
    } catch (error) {
      return error;
    }
    throw new Error('expected an error answer');
  };

  it('answers queue URLs, NextToken only with MaxResults, and filters by a case-sensitive prefix', () => {
    expect(answer('ListQueues', {})).toEqual({
      QueueUrls: [
        `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-intake-forms-dlq`,
        `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-legacy-webhooks`,
        `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-order-events`,
        `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-support-tickets`,
        `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-support-tickets-dlq`,
      ],
    });
    const first = answer('ListQueues', { MaxResults: 2 }) as { QueueUrls: string[]; NextToken?: string };
    expect(first.QueueUrls).toHaveLength(2);
    expect(first.NextToken).toEqual(expect.any(String));
    expect(answer('ListQueues', { QueueNamePrefix: 'NWV' })).toEqual({});
    expect(answer('ListQueues', { QueueNamePrefix: 'nwv-support' })).toMatchObject({
      QueueUrls: [
        expect.stringMatching(/nwv-support-tickets$/),
        expect.stringMatching(/nwv-support-tickets-dlq$/),
      ],
    });
  });

  it('answers attributes as strings, leaving out what is not set', () => {
    const plain = answer('GetQueueAttributes', {
      QueueUrl: `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-intake-forms-dlq`,
      AttributeNames: ['All'],
    }) as { Attributes: Record<string, string> };
    expect(plain.Attributes).toMatchObject({
      QueueArn: `arn:aws:sqs:us-east-1:${prod}:nwv-intake-forms-dlq`,
      SqsManagedSseEnabled: 'true',
      MessageRetentionPeriod: '345600',
    });
    expect(plain.Attributes.KmsMasterKeyId).toBeUndefined();
    expect(plain.Attributes.Policy).toBeUndefined();
    expect(plain.Attributes.RedrivePolicy).toBeUndefined();
    const kms = answer('GetQueueAttributes', {
      QueueUrl: `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-order-events`,
      AttributeNames: ['KmsMasterKeyId', 'SqsManagedSseEnabled'],
    });
    expect(kms).toEqual({
      Attributes: { KmsMasterKeyId: 'alias/nwv-checkout-orders', SqsManagedSseEnabled: 'false' },
    });
    expect(
      answer('ListQueueTags', {
        QueueUrl: `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-legacy-webhooks`,
      }),
    ).toEqual({});
  });

  it("refuses another account's queue and answers SQS's own errors through SQSServiceException", () => {
    const denied = thrown(() =>
      answer('ListQueueTags', {
        QueueUrl: `https://sqs.us-east-1.amazonaws.com/${shared}/nwv-shared-security-alerts`,
      }),
    );
    expect(denied).toBeInstanceOf(SQSServiceException);
    expect(denied).toMatchObject({ name: 'AccessDenied' });
    // A queue of this account addressed through another region's endpoint does not exist there.
    expect(
      thrown(() =>
        answer(
          'GetQueueAttributes',
          {
            QueueUrl: `https://sqs.us-east-1.amazonaws.com/${prod}/nwv-support-tickets`,
            AttributeNames: ['All'],
          },
          prod,
          'us-west-2',
        ),
      ),
    ).toMatchObject({ name: 'QueueDoesNotExist', Code: 'AWS.SimpleQueueService.NonExistentQueue' });
    expect(thrown(() => answer('ListQueues', { MaxResults: 1001 }))).toMatchObject({
      name: 'InvalidParameterValue',
    });
    expect(thrown(() => answer('ListQueues', { MaxResults: 5, NextToken: 'nope' }))).toMatchObject({
      name: 'InvalidParameterValue',
    });
    expect(thrown(() => answer('ListQueueTags', { QueueUrl: 'nwv-support-tickets' }))).toMatchObject({
      name: 'InvalidAddress',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(sqs);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { queues: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.queues[1] = { ...scenario.aws.accounts[0]!.queues[1], name: 'bad name!' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.queues\[1\]\.name: must be 1–80/,
    );
    scenario.aws.accounts[0]!.queues[1] = { name: 'orders.fifo', region: 'us-east-1', sse: { kind: 'kms' } };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.queues\[1\]\.fifo: FIFO queues, and only they, have names ending in \.fifo/,
    );
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.queues\[1\]\.sse\.kmsKeyId: SSE-KMS/,
    );
  });

  it('generates a few queues per region for the benchmark', async () => {
    const registry = serviceRegistry(sqs);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    for (const account of scenario.aws.accounts) {
      const queues = account.queues as { region: string }[];
      for (const region of account.regions) expect(queues.filter((q) => q.region === region)).toHaveLength(2);
    }
    const run = await collectService(sqs, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
