import { ApiGatewayV2ServiceException } from '@aws-sdk/client-apigatewayv2';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { ApiProperties } from './resource';
import { apigatewayv2Sim } from './sim';
import { apigatewayv2 } from '.';

const prod = '210987654321';

function apiNamed(run: Awaited<ReturnType<typeof collectService>>, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no API ${name}`);
  return { resource, properties: resource.properties as ApiProperties };
}

describe('the API Gateway v2 collector against the simulated API Gateway v2', () => {
  it('reads routes with their authorization and stages through the v2 client', async () => {
    const run = await collectService(apigatewayv2, serviceScenario(apigatewayv2));
    expect(run.gaps).toEqual([]);
    const { resource, properties } = apiNamed(run, 'nwv-wearables-ingest');
    expect(resource).toMatchObject({
      type: 'aws.apigatewayv2.api',
      nativeId: 'arn:aws:apigateway:us-east-1::/apis/w3ar4bl3in',
      scopeId: prod,
      tags: { phi: 'true' },
    });
    expect(properties.routes?.map((route) => [route.routeKey, route.authorizationType])).toEqual([
      ['GET /devices/{deviceId}', 'JWT'],
      ['GET /health', 'NONE'],
      ['POST /readings', 'NONE'],
    ]);
    expect(properties.stages).toEqual([{ name: '$default', autoDeploy: true, accessLogDestination: null }]);
    expect(apiNamed(run, 'nwv-support-chat').properties.protocolType).toBe('WEBSOCKET');
    expect(run.evidence.every((each) => each.service === 'apigatewayv2')).toBe(true);
  });

  it('pages GetRoutes by NextToken with MaxResults as a string', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(apigatewayv2),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(apigatewayv2, scenario);
    const whole = await collectService(apigatewayv2, serviceScenario(apigatewayv2));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const routes = paged.evidence.filter(
      (each) => each.operation === 'GetRoutes' && (each.request as { ApiId: string }).ApiId === 'w3ar4bl3in',
    );
    expect(routes).toHaveLength(3);
    expect(routes.every((each) => (each.request as { MaxResults: unknown }).MaxResults === '500')).toBe(true);
  });

  it('AccessDenied on GetStages: a gap naming the API, routes still read', async () => {
    const run = await collectService(
      apigatewayv2,
      serviceScenario(apigatewayv2, [
        { provider: 'aws', service: 'apigatewayv2', operation: 'GetStages', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps.map((gap) => gap.message).join('\n')).toContain(
      'GetStages for nwv-wearables-ingest (w3ar4bl3in)',
    );
    const { properties } = apiNamed(run, 'nwv-wearables-ingest');
    expect(properties.stages).toBeUndefined();
    expect(properties.routes).toHaveLength(3);
  });

  it('drops an API deleted between GetApis and its reads', async () => {
    const phantom = defineService({
      ...apigatewayv2,
      sim: {
        ...apigatewayv2Sim,
        answers: {
          ...apigatewayv2Sim.answers,
          GetApis: (call) => {
            const answer = apigatewayv2Sim.answers.GetApis!(call) as { Items: object[] };
            return {
              ...answer,
              Items: [...answer.Items, { ApiId: 'g0n3g0n3g0', Name: 'nwv-deleted', ProtocolType: 'HTTP' }],
            };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'nwv-deleted')).toBe(false);
  });
});

describe('the simulated API Gateway v2', () => {
  function answer(operation: keyof typeof apigatewayv2Sim.answers, input: Record<string, unknown>) {
    const scenario = serviceScenario(apigatewayv2);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return apigatewayv2Sim.answers[operation]!({
      account: account as Parameters<(typeof apigatewayv2Sim.answers)['GetApis']>[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input,
      state: undefined,
      error: apigatewayv2Sim.error,
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

  it('leaves AccessLogSettings out when off, and refuses unknown APIs and bad MaxResults', () => {
    const stages = answer('GetStages', { ApiId: 'w3ar4bl3in' }) as { Items: Record<string, unknown>[] };
    expect(stages.Items[0]).not.toHaveProperty('AccessLogSettings');
    const missing = thrown(() => answer('GetRoutes', { ApiId: 'nope000000' }));
    expect(missing).toBeInstanceOf(ApiGatewayV2ServiceException);
    expect(missing).toMatchObject({ name: 'NotFoundException' });
    expect(thrown(() => answer('GetApis', { MaxResults: 'many' }))).toMatchObject({
      name: 'BadRequestException',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(apigatewayv2);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { httpApis: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.httpApis[0] = {
      ...scenario.aws.accounts[0]!.httpApis[0],
      routes: [{ routeKey: 'readings' }],
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.httpApis\[0\]\.routes\[0\]\.routeKey: an HTTP API route key/,
    );
  });

  it('generates APIs for the benchmark', async () => {
    const registry = serviceRegistry(apigatewayv2);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 8,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(apigatewayv2, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
