import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { DynamoDbTableProperties } from './resource';
import { dynamodbSim } from './sim';
import { dynamodb } from '.';

const prod = '210987654321';
type Run = Awaited<ReturnType<typeof collectService>>;

function tableOf(run: Run, name: string, region = 'us-east-1') {
  const resource = run.resources.find((each) => each.name === name && each.region === region);
  if (!resource) throw new Error(`no table ${name} in ${region}`);
  return { resource, properties: resource.properties as DynamoDbTableProperties };
}

describe('the DynamoDB collector against the simulated DynamoDB', () => {
  it('reads encryption, PITR, replicas and tags; a global table is a table in each replica region', async () => {
    const run = await collectService(dynamodb, serviceScenario(dynamodb));
    expect(run.gaps).toEqual([]);
    const readings = tableOf(run, 'nwv-wearable-readings');
    expect(readings.resource).toMatchObject({
      nativeId: `arn:aws:dynamodb:us-east-1:${prod}:table/nwv-wearable-readings`,
      tags: { app: 'wearables', phi: 'true' },
    });
    expect(readings.properties).toMatchObject({
      encryption: { kind: 'aws-owned', kmsKeyArn: null },
      pointInTimeRecovery: { enabled: false, recoveryPeriodInDays: null },
      replicas: [{ region: 'eu-west-1', status: 'ACTIVE' }],
      globalTableVersion: '2019.11.21',
      tagsCollected: true,
    });
    expect(tableOf(run, 'nwv-wearable-readings', 'eu-west-1').properties.replicas).toEqual([
      { region: 'us-east-1', status: 'ACTIVE' },
    ]);
    expect(tableOf(run, 'nwv-telehealth-sessions').properties).toMatchObject({
      encryption: {
        kind: 'kms',
        kmsKeyArn: `arn:aws:kms:us-east-1:${prod}:key/6f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5`,
      },
      pointInTimeRecovery: { enabled: true, recoveryPeriodInDays: 35 },
    });
    // The replica answers with the key of its own region.
    expect(tableOf(run, 'nwv-telehealth-sessions', 'us-west-2').properties.encryption?.kmsKeyArn).toMatch(
      /^arn:aws:kms:us-west-2:/,
    );
  });

  it('the demo fails the wearable readings table (AWS owned key, no PITR, eu-west-1 replica) beside compliant twins', async () => {
    const scenario = serviceScenario(dynamodb);
    const results = judge(dynamodb, scenario, (await collectService(dynamodb, scenario)).resources);
    const status = (rule: string, name: string, region = 'us-east-1') =>
      results.get(`aws.dynamodb.${rule}|arn:aws:dynamodb:${region}:${prod}:table/${name}`)?.status;
    expect(status('phi-customer-managed-key', 'nwv-wearable-readings')).toBe('fail');
    expect(status('point-in-time-recovery', 'nwv-wearable-readings')).toBe('fail');
    expect(status('replica-region', 'nwv-wearable-readings')).toBe('fail');
    expect(status('replica-region', 'nwv-wearable-readings', 'eu-west-1')).toBe('fail');
    expect(status('phi-customer-managed-key', 'nwv-telehealth-sessions')).toBe('pass');
    expect(status('point-in-time-recovery', 'nwv-telehealth-sessions')).toBe('pass');
    expect(status('replica-region', 'nwv-telehealth-sessions')).toBe('pass');
    expect(status('phi-customer-managed-key', 'nwv-carts')).toBe('not_applicable');
  });

  it('pages ListTables by table name and ListTagsOfResource by NextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(dynamodb),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(dynamodb, scenario);
    const whole = await collectService(dynamodb, serviceScenario(dynamodb));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => [each.nativeId, each.tags])).toEqual(
      whole.resources.map((each) => [each.nativeId, each.tags]),
    );
    const lists = paged.evidence.filter(
      (each) => each.operation === 'ListTables' && each.region === 'us-east-1',
    );
    // prod us-east-1 holds 3 tables, shared us-east-1 1: one page each, no trailing empty page.
    expect(lists).toHaveLength(4);
    expect((lists[1]?.request as { ExclusiveStartTableName?: string }).ExclusiveStartTableName).toBe(
      'nwv-carts',
    );
    const tagPages = paged.evidence.filter(
      (each) =>
        each.operation === 'ListTagsOfResource' &&
        (each.request as { ResourceArn: string }).ResourceArn.endsWith('/nwv-wearable-readings'),
    );
    expect(tagPages.length).toBeGreaterThan(4);
  });

  it('AccessDenied on ListTagsOfResource leaves tags unknown and the key rule not assessed', async () => {
    const scenario = serviceScenario(dynamodb, [
      { provider: 'aws', service: 'dynamodb', operation: 'ListTagsOfResource', kind: 'access_denied' },
    ]);
    const run = await collectService(dynamodb, scenario);
    const { properties } = tableOf(run, 'nwv-wearable-readings');
    expect(properties.tagsCollected).toBe(false);
    expect(properties.encryption).toBeDefined();
    expect(run.gaps[0]?.message).toContain('ListTagsOfResource for nwv-');
    const results = judge(dynamodb, scenario, run.resources);
    expect(
      results.get(
        `aws.dynamodb.phi-customer-managed-key|arn:aws:dynamodb:us-east-1:${prod}:table/nwv-wearable-readings`,
      )?.detail,
    ).toMatch(/^Not assessed: the tags/);
  });
});

describe('the simulated DynamoDB', () => {
  function answer(
    operation: keyof typeof dynamodbSim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(dynamodb);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return dynamodbSim.answers[operation]!({
      account: account as Parameters<(typeof dynamodbSim.answers)['ListTables']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: dynamodbSim.error,
      pageSize: 1000,
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

  it('answers like DynamoDB: no SSEDescription for the AWS owned key, name-based paging, its own errors', () => {
    expect(answer('ListTables', { Limit: 2 })).toEqual({
      TableNames: ['nwv-carts', 'nwv-telehealth-sessions'],
      LastEvaluatedTableName: 'nwv-telehealth-sessions',
    });
    expect(answer('ListTables', { ExclusiveStartTableName: 'nwv-telehealth-sessions' })).toEqual({
      TableNames: ['nwv-wearable-readings'],
    });
    const carts = answer('DescribeTable', { TableName: 'nwv-carts' }) as { Table: Record<string, unknown> };
    expect(carts.Table.SSEDescription).toBeUndefined();
    expect(carts.Table.Replicas).toBeUndefined();
    expect(carts.Table.CreationDateTime).toBeInstanceOf(Date);
    const gone = thrown(() => answer('DescribeTable', { TableName: 'nwv-nope' }));
    expect(gone).toBeInstanceOf(DynamoDBServiceException);
    expect(gone).toMatchObject({ name: 'ResourceNotFoundException' });
    expect(thrown(() => answer('DescribeContinuousBackups', { TableName: 'nwv-nope' }))).toMatchObject({
      name: 'TableNotFoundException',
    });
    expect(thrown(() => answer('ListTables', { Limit: 101 }))).toMatchObject({ name: 'ValidationException' });
    // A table of this account is not found through another region's endpoint.
    expect(thrown(() => answer('DescribeTable', { TableName: 'nwv-carts' }, 'us-west-2'))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(dynamodb);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { dynamodbTables: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.dynamodbTables[0] = {
      name: 'nwv-x',
      region: 'us-east-1',
      sse: { type: 'customer' },
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.dynamodbTables\[0\]\.sse\.kmsKeyArn: a customer managed key/,
    );
  });

  it('generates tables per region for the benchmark', async () => {
    const registry = serviceRegistry(dynamodb);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(dynamodb, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
