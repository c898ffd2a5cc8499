import { APIGatewayServiceException } from '@aws-sdk/client-api-gateway';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { DomainNameProperties, RestApiProperties } from './resource';
import { apigatewaySim } from './sim';
import { apigateway } from '.';

const prod = '210987654321';

function resourceNamed(run: Awaited<ReturnType<typeof collectService>>, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no resource ${name}`);
  return resource;
}

describe('the API Gateway collector against the simulated API Gateway', () => {
  it('reads each method with its authorization, the stages and the custom domains', async () => {
    const run = await collectService(apigateway, serviceScenario(apigateway));
    expect(run.gaps).toEqual([]);
    const api = resourceNamed(run, 'nwv-storefront-api');
    expect(api).toMatchObject({
      type: 'aws.apigateway.rest-api',
      nativeId: 'arn:aws:apigateway:us-east-1::/restapis/k7x2m9q4ab',
      region: 'us-east-1',
      scopeId: prod,
      tags: { app: 'storefront-api' },
    });
    const properties = api.properties as RestApiProperties;
    expect(properties.methods).toContainEqual({
      path: '/account',
      httpMethod: 'GET',
      authorizationType: 'NONE',
      apiKeyRequired: false,
    });
    expect(properties.methods).toContainEqual({
      path: '/orders/{orderId}',
      httpMethod: 'GET',
      authorizationType: 'COGNITO_USER_POOLS',
      apiKeyRequired: false,
    });
    expect(properties.stages).toEqual([{ name: 'prod', deploymentId: 'dk7x2m', accessLogDestination: null }]);
    expect((resourceNamed(run, 'nwv-device-sync-api').properties as RestApiProperties).endpointTypes).toEqual(
      ['PRIVATE'],
    );
    const domain = resourceNamed(run, 'api-legacy.northwindvitals.example');
    expect(domain.nativeId).toBe(
      'arn:aws:apigateway:us-east-1::/domainnames/api-legacy.northwindvitals.example',
    );
    expect(domain.properties as DomainNameProperties).toEqual({
      securityPolicy: 'TLS_1_0',
      endpointTypes: ['REGIONAL'],
      mutualTls: false,
      status: 'AVAILABLE',
    });
    // Every GetResources asks for the methods embedded.
    expect(
      run.evidence
        .filter((each) => each.operation === 'GetResources')
        .every((each) => JSON.stringify((each.request as { embed: string[] }).embed) === '["methods"]'),
    ).toBe(true);
  });

  it('pages GetRestApis and GetResources by position', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(apigateway),
      simulation: { awsPageSize: 2, azurePageSize: 1000 },
    };
    const paged = await collectService(apigateway, scenario);
    const whole = await collectService(apigateway, serviceScenario(apigateway));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    // nwv-storefront-api has 6 resources ('/' included): three pages of two.
    const storefront = paged.evidence.filter(
      (each) =>
        each.operation === 'GetResources' &&
        (each.request as { restApiId: string }).restApiId === 'k7x2m9q4ab',
    );
    expect(storefront).toHaveLength(3);
  });

  it('AccessDenied on GetResources: a gap naming the API, methods not assessed, stages still read', async () => {
    const run = await collectService(
      apigateway,
      serviceScenario(apigateway, [
        { provider: 'aws', service: 'apigateway', operation: 'GetResources', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps.map((gap) => gap.message).join('\n')).toContain(
      'GetResources for nwv-storefront-api (k7x2m9q4ab)',
    );
    const properties = resourceNamed(run, 'nwv-storefront-api').properties as RestApiProperties;
    expect(properties.methods).toBeUndefined();
    expect(properties.stages).toHaveLength(1);
  });

  it('drops an API deleted between GetRestApis and its reads', async () => {
    const phantom = defineService({
      ...apigateway,
      sim: {
        ...apigatewaySim,
        answers: {
          ...apigatewaySim.answers,
          GetRestApis: (call) => {
            const answer = apigatewaySim.answers.GetRestApis!(call) as { items: object[] };
            if (call.region !== 'us-east-1') return answer;
            return { ...answer, items: [...answer.items, { id: 'g0n3g0n3g0', name: 'nwv-deleted-api' }] };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'nwv-deleted-api')).toBe(false);
    expect(
      run.evidence.some((each) => each.operation === 'GetStages' && each.errorCode === 'NotFoundException'),
    ).toBe(true);
  });
});

describe('the simulated API Gateway', () => {
  function answer(
    operation: keyof typeof apigatewaySim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(apigateway);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return apigatewaySim.answers[operation]!({
      account: account as Parameters<(typeof apigatewaySim.answers)['GetRestApis']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: apigatewaySim.error,
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

  it('embeds methods only when asked, and answers stages as item without access logs when off', () => {
    const bare = answer('GetResources', { restApiId: 'k7x2m9q4ab' }) as {
      items: { path: string; resourceMethods?: Record<string, object> }[];
    };
    expect(bare.items.find((each) => each.path === '/account')?.resourceMethods).toEqual({
      GET: {},
      OPTIONS: {},
    });
    expect(bare.items.find((each) => each.path === '/')?.resourceMethods).toBeUndefined();
    const stages = answer('GetStages', { restApiId: 'k7x2m9q4ab' }) as { item: Record<string, unknown>[] };
    expect(stages.item[0]).not.toHaveProperty('accessLogSettings');
    // The default limit is 25 and the answer carries no position on the last page.
    expect(answer('GetRestApis', {})).not.toHaveProperty('position');
  });

  it("answers API Gateway's own errors through APIGatewayServiceException", () => {
    const missing = thrown(() => answer('GetStages', { restApiId: 'nope000000' }));
    expect(missing).toBeInstanceOf(APIGatewayServiceException);
    expect(missing).toMatchObject({ name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });
    expect(thrown(() => answer('GetRestApis', { limit: 501 }))).toMatchObject({
      name: 'BadRequestException',
    });
    expect(thrown(() => answer('GetDomainNames', { position: 'not-a-token' }))).toMatchObject({
      name: 'BadRequestException',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(apigateway);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { restApis: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.restApis[0] = { ...scenario.aws.accounts[0]!.restApis[0], id: 'UPPER' };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.restApis\[0\]\.id: must be 10 lower-case/,
    );
  });

  it('generates APIs for the benchmark', async () => {
    const registry = serviceRegistry(apigateway);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 8,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(apigateway, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
