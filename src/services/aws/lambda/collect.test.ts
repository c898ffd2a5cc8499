import { LambdaServiceException } from '@aws-sdk/client-lambda';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { LambdaFunctionProperties } from './resource';
import { functionUrl, lambdaSim } from './sim';
import { lambda } from '.';

const prod = '210987654321';
const shared = '345678901234';

/**
 * Every secret-named environment variable value of the demo (…SECRET, …TOKEN, …KEY): none may
 * reach evidence or properties. (Other values, such as table names, also name other resources.)
 */
const demoSecrets = Object.values(
  (lambdaSim.demo.accounts ?? {}) as Record<
    string,
    { lambdaFunctions: { environment?: Record<string, string> }[] }
  >,
).flatMap((account) =>
  account.lambdaFunctions.flatMap((fn) =>
    Object.entries(fn.environment ?? {})
      .filter(([name]) => /SECRET|TOKEN|KEY$/.test(name))
      .map(([, value]) => value),
  ),
);

function functionOf(run: Awaited<ReturnType<typeof collectService>>, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no function ${name}`);
  return { resource, properties: resource.properties as LambdaFunctionProperties };
}

describe('the Lambda collector against the simulated Lambda', () => {
  it('reads functions, URLs, tags and, for AuthType NONE URLs only, the resource-based policy', async () => {
    const run = await collectService(lambda, serviceScenario(lambda));
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(11);
    const webhook = functionOf(run, 'nwv-order-status-webhook');
    expect(webhook.resource).toMatchObject({
      type: 'aws.lambda.function',
      nativeId: `arn:aws:lambda:us-east-1:${prod}:function:nwv-order-status-webhook`,
      region: 'us-east-1',
      scopeId: prod,
      tags: { app: 'orders', 'data-classification': 'confidential', owner: 'fulfilment', env: 'prod' },
    });
    expect(webhook.properties).toMatchObject({
      runtime: 'nodejs20.x',
      packageType: 'Zip',
      environmentVariableNames: ['CARRIER_WEBHOOK_SECRET', 'NOTIFY_QUEUE_URL', 'ORDERS_TABLE'],
      tagsCollected: true,
      urls: [
        {
          url: functionUrl(prod, 'us-east-1', 'nwv-order-status-webhook'),
          qualifier: null,
          authType: 'NONE',
          cors: { allowOrigins: ['*'], allowCredentials: false },
          policy: {
            present: true,
            publicUrlGrants: [{ sid: 'FunctionURLAllowPublicAccess', actions: ['lambda:InvokeFunctionUrl'] }],
          },
        },
      ],
    });
    // AuthType NONE with only an API Gateway grant: a policy, but no public statement.
    expect(functionOf(run, 'nwv-intake-processor').properties.urls?.[0]?.policy).toMatchObject({
      present: true,
      publicUrlGrants: [],
    });
    // AWS_IAM URLs: GetPolicy is not asked.
    const iam = functionOf(run, 'nwv-telehealth-notes-sync').properties.urls?.[0];
    expect(iam).toMatchObject({ authType: 'AWS_IAM' });
    expect(iam?.policy).toBeUndefined();
    const asked = run.evidence
      .filter((each) => each.operation === 'GetPolicy')
      .map((each) => (each.request as { FunctionName: string }).FunctionName)
      .sort();
    expect(asked).toEqual(['nwv-healthcheck', 'nwv-intake-processor', 'nwv-order-status-webhook']);
    // A container image has no Runtime; a function without variables no Environment.
    expect(functionOf(run, 'nwv-export-cleanup').properties).toMatchObject({
      runtime: null,
      packageType: 'Image',
      environmentVariableNames: [],
      urls: [],
    });
    expect(functionOf(run, 'nwv-export-cleanup').resource.tags).toEqual({});
    expect(functionOf(run, 'nwv-cloudtrail-forwarder').resource.scopeId).toBe(shared);
  });

  it('never lets an environment variable value reach evidence or properties: names stay, values become [redacted]', async () => {
    const run = await collectService(lambda, serviceScenario(lambda));
    expect(demoSecrets).toEqual(
      expect.arrayContaining(['whsec_nwv_9f27c1d4e8b3a6f05e1d', 'tk_live_4c8e1a7b2d9f6e3c5a0b']),
    );
    expect(demoSecrets.length).toBeGreaterThanOrEqual(4);
    const everything = JSON.stringify([run.evidence, run.resources, run.gaps]);
    for (const secret of demoSecrets) expect(everything).not.toContain(secret);
    const list = run.evidence.find(
      (each) =>
        each.operation === 'ListFunctions' &&
        each.region === 'us-east-1' &&
        JSON.stringify(each.response).includes('nwv-order-status-webhook'),
    );
    const webhook = (
      list?.response as { Functions: { FunctionName: string; Environment?: unknown }[] }
    ).Functions.find((fn) => fn.FunctionName === 'nwv-order-status-webhook');
    expect(webhook?.Environment).toEqual({
      Variables: {
        ORDERS_TABLE: '[redacted]',
        CARRIER_WEBHOOK_SECRET: '[redacted]',
        NOTIFY_QUEUE_URL: '[redacted]',
      },
    });
  });

  it('pages ListFunctions and ListFunctionUrlConfigs with MaxItems / Marker / NextMarker', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(lambda),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(lambda, scenario);
    const whole = await collectService(lambda, serviceScenario(lambda));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId)).toEqual(
      whole.resources.map((each) => each.nativeId),
    );
    const lists = paged.evidence.filter(
      (each) => each.operation === 'ListFunctions' && each.region === 'us-east-1',
    );
    // Prod us-east-1 holds 7 functions, shared us-east-1 2: one a page, no trailing empty page.
    expect(lists).toHaveLength(9);
    expect(lists.every((each) => (each.request as { MaxItems?: number }).MaxItems === 50)).toBe(true);
    // The first page of each account has no Marker; every later one carries the previous NextMarker.
    expect(
      lists.filter((each) => typeof (each.request as { Marker?: string }).Marker === 'string'),
    ).toHaveLength(7);
    for (const secret of demoSecrets) expect(JSON.stringify(paged.evidence)).not.toContain(secret);
  });

  it('AccessDenied on GetPolicy leaves the policy unknown and names the function', async () => {
    const run = await collectService(
      lambda,
      serviceScenario(lambda, [
        { provider: 'aws', service: 'lambda', operation: 'GetPolicy', kind: 'access_denied' },
      ]),
    );
    const url = functionOf(run, 'nwv-order-status-webhook').properties.urls?.[0];
    expect(url?.authType).toBe('NONE');
    expect(url?.policy).toBeUndefined();
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringMatching(
        /^GetPolicy for nwv-order-status-webhook in us-east-1 failed: AccessDeniedException/,
      ),
    );
    expect(run.gaps.every((gap) => gap.reason === 'access_denied')).toBe(true);
  });

  it('AccessDenied on ListTags leaves tags unknown, not empty; on ListFunctionUrlConfigs the URLs absent', async () => {
    const run = await collectService(
      lambda,
      serviceScenario(lambda, [
        { provider: 'aws', service: 'lambda', operation: 'ListTags', kind: 'access_denied' },
        { provider: 'aws', service: 'lambda', operation: 'ListFunctionUrlConfigs', kind: 'access_denied' },
      ]),
    );
    const { properties } = functionOf(run, 'nwv-telehealth-notes-sync');
    expect(properties.tagsCollected).toBe(false);
    expect(properties.urls).toBeUndefined();
    expect(properties.environmentVariableNames).toEqual(['KMS_KEY_ALIAS', 'NOTES_BUCKET', 'PARTNER_API_KEY']);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringMatching(/^ListFunctionUrlConfigs for nwv-telehealth-notes-sync in us-east-1 failed/),
    );
    expect(run.evidence.some((each) => each.operation === 'GetPolicy')).toBe(false);
  });

  it('drops a function deleted between ListFunctions and its reads', async () => {
    const phantom = defineService({
      ...lambda,
      sim: {
        ...lambdaSim,
        answers: {
          ...lambdaSim.answers,
          ListFunctions: (call) => {
            const answer = lambdaSim.answers.ListFunctions!(call) as { Functions: object[] };
            if (call.region !== 'us-east-1' || call.account.accountId !== prod) return answer;
            return {
              ...answer,
              Functions: [
                ...answer.Functions,
                {
                  FunctionName: 'nwv-deleted-fn',
                  FunctionArn: `arn:aws:lambda:us-east-1:${prod}:function:nwv-deleted-fn`,
                  Runtime: 'nodejs20.x',
                },
              ],
            };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'nwv-deleted-fn')).toBe(false);
    expect(
      run.evidence.some(
        (each) =>
          each.operation === 'ListFunctionUrlConfigs' && each.errorCode === 'ResourceNotFoundException',
      ),
    ).toBe(true);
  });
});

describe('the simulated Lambda', () => {
  function answer(
    operation: keyof typeof lambdaSim.answers,
    input: Record<string, unknown>,
    pageSize = 1000,
  ) {
    const scenario = serviceScenario(lambda);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return lambdaSim.answers[operation]!({
      account: account as Parameters<(typeof lambdaSim.answers)['ListFunctions']>[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input,
      state: undefined,
      error: lambdaSim.error,
      pageSize,
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

  it('answers ListFunctions at most 50 a page, Environment only when set, no Runtime for an image', () => {
    const all = answer('ListFunctions', { MaxItems: 10000 }) as {
      Functions: Record<string, unknown>[];
      NextMarker?: string;
    };
    expect(all.Functions).toHaveLength(7);
    expect(all.NextMarker).toBeUndefined();
    const image = all.Functions.find((fn) => fn.FunctionName === 'nwv-export-cleanup')!;
    expect(image).toMatchObject({ PackageType: 'Image' });
    expect(image.Runtime).toBeUndefined();
    expect(image.Environment).toBeUndefined();
    const first = answer('ListFunctions', { MaxItems: 2 }) as { Functions: object[]; NextMarker?: string };
    expect(first.Functions).toHaveLength(2);
    expect(first.NextMarker).toEqual(expect.any(String));
    expect(thrown(() => answer('ListFunctions', { MaxItems: 0 }))).toMatchObject({
      name: 'InvalidParameterValueException',
    });
    expect(thrown(() => answer('ListFunctions', { Marker: 'nope' }))).toMatchObject({
      name: 'InvalidParameterValueException',
    });
  });

  it('answers FunctionUrlConfigs (empty without a URL), GetPolicy as a JSON string, ResourceNotFoundException without one', () => {
    expect(answer('ListFunctionUrlConfigs', { FunctionName: 'nwv-ticket-router' })).toEqual({
      FunctionUrlConfigs: [],
    });
    const iam = answer('ListFunctionUrlConfigs', {
      FunctionName: `arn:aws:lambda:us-east-1:${prod}:function:nwv-telehealth-notes-sync`,
    }) as { FunctionUrlConfigs: Record<string, unknown>[] };
    expect(iam.FunctionUrlConfigs[0]).toMatchObject({ AuthType: 'AWS_IAM', InvokeMode: 'BUFFERED' });
    expect(iam.FunctionUrlConfigs[0]!.Cors).toBeUndefined();
    expect(
      thrown(() => answer('ListFunctionUrlConfigs', { FunctionName: 'nwv-healthcheck', MaxItems: 51 })),
    ).toMatchObject({
      name: 'InvalidParameterValueException',
    });
    const policy = answer('GetPolicy', { FunctionName: 'nwv-healthcheck' }) as {
      Policy: string;
      RevisionId: string;
    };
    expect(JSON.parse(policy.Policy)).toMatchObject({
      Statement: [{ Principal: '*', Action: 'lambda:InvokeFunctionUrl' }],
    });
    const none = thrown(() => answer('GetPolicy', { FunctionName: 'nwv-telehealth-notes-sync' }));
    expect(none).toBeInstanceOf(LambdaServiceException);
    expect(none).toMatchObject({ name: 'ResourceNotFoundException', $metadata: { httpStatusCode: 404 } });
    expect(
      thrown(() => answer('ListTags', { Resource: `arn:aws:lambda:us-east-1:${prod}:function:nwv-gone` })),
    ).toMatchObject({
      name: 'ResourceNotFoundException',
      message: `Function not found: arn:aws:lambda:us-east-1:${prod}:function:nwv-gone`,
    });
    expect(
      thrown(() =>
        answer('ListTags', { Resource: `arn:aws:lambda:us-east-1:${shared}:function:nwv-config-remediator` }),
      ),
    ).toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(
      answer('ListTags', { Resource: `arn:aws:lambda:us-east-1:${prod}:function:nwv-export-cleanup` }),
    ).toEqual({ Tags: {} });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(lambda);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { lambdaFunctions: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.lambdaFunctions[1] = {
      ...scenario.aws.accounts[0]!.lambdaFunctions[1],
      name: 'bad name!',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.lambdaFunctions\[1\]\.name: must be 1–64/,
    );
    scenario.aws.accounts[0]!.lambdaFunctions[1] = { name: 'nwv-order-status-webhook', region: 'us-east-1' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /lambdaFunctions\[1\]\.name: function nwv-order-status-webhook already exists/,
    );
  });

  it('generates a few functions per region for the benchmark', async () => {
    const registry = serviceRegistry(lambda);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(lambda, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
    expect(JSON.stringify([run.evidence, run.resources])).not.toMatch(/tok_[0-9a-f]{12}/);
  });
});
