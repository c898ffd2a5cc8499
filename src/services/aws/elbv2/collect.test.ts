import { ElasticLoadBalancingV2ServiceException } from '@aws-sdk/client-elastic-load-balancing-v2';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { Elbv2LoadBalancerProperties } from './resource';
import { elbv2Sim } from './sim';
import { elbv2 } from '.';

const prod = '210987654321';

function loadBalancerOf(run: Awaited<ReturnType<typeof collectService>>, name: string) {
  const resource = run.resources.find((each) => each.name === name);
  if (!resource) throw new Error(`no load balancer ${name}`);
  return { resource, properties: resource.properties as Elbv2LoadBalancerProperties };
}

describe('the ELBv2 collector against the simulated Elastic Load Balancing', () => {
  it('reads listeners with their default actions and policy protocols, access logs and tags', async () => {
    const run = await collectService(elbv2, serviceScenario(elbv2));
    expect(run.gaps).toEqual([]);
    const { resource, properties } = loadBalancerOf(run, 'nwv-telehealth-alb');
    expect(resource).toMatchObject({
      type: 'aws.elbv2.load-balancer',
      nativeId: expect.stringMatching(
        new RegExp(
          `^arn:aws:elasticloadbalancing:us-east-1:${prod}:loadbalancer/app/nwv-telehealth-alb/[0-9a-f]{16}$`,
        ),
      ),
      region: 'us-east-1',
      tags: { app: 'telehealth', phi: 'true' },
    });
    expect(properties.listeners).toEqual([
      {
        port: 80,
        protocol: 'HTTP',
        sslPolicy: null,
        defaultActions: ['authenticate-oidc', 'forward'],
        redirectProtocol: null,
      },
      {
        port: 443,
        protocol: 'HTTPS',
        sslPolicy: 'ELBSecurityPolicy-2016-08',
        sslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'],
        defaultActions: ['authenticate-oidc', 'forward'],
        redirectProtocol: null,
      },
    ]);
    expect(properties.accessLogs).toEqual({
      enabled: true,
      bucket: 'nwv-lb-logs-210987654321-us-east-1',
      prefix: 'telehealth',
    });
    expect(loadBalancerOf(run, 'nwv-telemetry-nlb').properties).toMatchObject({
      type: 'network',
      accessLogs: { enabled: false, bucket: null, prefix: null },
    });
    expect(loadBalancerOf(run, 'nwv-storefront-alb').properties.dnsName).toBe(
      'nwv-storefront-alb-1487512963.us-east-1.elb.amazonaws.com',
    );
    // One DescribeSSLPolicies per region that has HTTPS/TLS listeners, naming the policies used.
    const policies = run.evidence.filter((each) => each.operation === 'DescribeSSLPolicies');
    expect(policies.map((each) => (each.request as { Names: string[] }).Names)).toContainEqual([
      'ELBSecurityPolicy-2016-08',
      'ELBSecurityPolicy-TLS13-1-2-2021-06',
    ]);
  });

  it('pages DescribeLoadBalancers and DescribeListeners by Marker / NextMarker', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(elbv2),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(elbv2, scenario);
    const whole = await collectService(elbv2, serviceScenario(elbv2));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const lists = paged.evidence.filter(
      (each) => each.operation === 'DescribeLoadBalancers' && each.region === 'us-east-1',
    );
    // Prod us-east-1 holds 3 load balancers, shared services 1.
    expect(lists).toHaveLength(4);
    const telehealthListeners = paged.evidence.filter(
      (each) =>
        each.operation === 'DescribeListeners' &&
        String((each.request as { LoadBalancerArn: string }).LoadBalancerArn).includes('nwv-telehealth-alb'),
    );
    expect(telehealthListeners).toHaveLength(2);
  });

  it('AccessDenied on DescribeSSLPolicies leaves the protocols unknown, not weak', async () => {
    const run = await collectService(
      elbv2,
      serviceScenario(elbv2, [
        { provider: 'aws', service: 'elbv2', operation: 'DescribeSSLPolicies', kind: 'access_denied' },
      ]),
    );
    const listener = loadBalancerOf(run, 'nwv-telehealth-alb').properties.listeners?.[1];
    expect(listener?.sslPolicy).toBe('ELBSecurityPolicy-2016-08');
    expect(listener?.sslProtocols).toBeUndefined();
    expect(
      run.gaps.every((gap) => gap.operation === 'DescribeSSLPolicies' && gap.reason === 'access_denied'),
    ).toBe(true);
  });

  it('AccessDenied on DescribeListeners names the load balancer in the gap', async () => {
    const run = await collectService(
      elbv2,
      serviceScenario(elbv2, [
        { provider: 'aws', service: 'elbv2', operation: 'DescribeListeners', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps.map((gap) => gap.message).join('\n')).toContain(
      'DescribeListeners for nwv-telehealth-alb',
    );
    expect(loadBalancerOf(run, 'nwv-telehealth-alb').properties.listeners).toBeUndefined();
  });

  it('drops a load balancer deleted between DescribeLoadBalancers and its reads', async () => {
    const phantom = defineService({
      ...elbv2,
      sim: {
        ...elbv2Sim,
        answers: {
          ...elbv2Sim.answers,
          DescribeLoadBalancers: (call) => {
            const answer = elbv2Sim.answers.DescribeLoadBalancers!(call) as {
              LoadBalancers: Record<string, unknown>[];
            };
            if (call.region !== 'us-east-1' || call.account.accountId !== prod) return answer;
            return {
              ...answer,
              LoadBalancers: [
                ...answer.LoadBalancers,
                {
                  LoadBalancerArn: `arn:aws:elasticloadbalancing:us-east-1:${prod}:loadbalancer/app/nwv-deleted/0123456789abcdef`,
                  LoadBalancerName: 'nwv-deleted',
                  Type: 'application',
                  Scheme: 'internet-facing',
                  DNSName: 'nwv-deleted-1.us-east-1.elb.amazonaws.com',
                },
              ],
            };
          },
          // The tags call also names the deleted one; ELB refuses the whole batch.
          DescribeTags: (call) => {
            const arns = (call.input.ResourceArns as string[]).filter((arn) => !arn.includes('nwv-deleted'));
            return elbv2Sim.answers.DescribeTags!({ ...call, input: { ResourceArns: arns } });
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'nwv-deleted')).toBe(false);
    expect(
      run.evidence.some(
        (each) =>
          each.operation === 'DescribeLoadBalancerAttributes' &&
          each.errorCode === 'LoadBalancerNotFoundException',
      ),
    ).toBe(true);
  });
});

describe('the simulated Elastic Load Balancing', () => {
  function answer(
    operation: keyof typeof elbv2Sim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(elbv2);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return elbv2Sim.answers[operation]!({
      account: account as Parameters<(typeof elbv2Sim.answers)['DescribeLoadBalancers']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: elbv2Sim.error,
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

  it('answers attributes as strings, and none for access logs on a gateway load balancer', () => {
    const lbs = (
      answer('DescribeLoadBalancers', {}) as {
        LoadBalancers: { LoadBalancerArn: string; LoadBalancerName: string }[];
      }
    ).LoadBalancers;
    const nlb = lbs.find((each) => each.LoadBalancerName === 'nwv-telemetry-nlb')!;
    expect(answer('DescribeLoadBalancerAttributes', { LoadBalancerArn: nlb.LoadBalancerArn })).toMatchObject({
      Attributes: expect.arrayContaining([{ Key: 'access_logs.s3.enabled', Value: 'false' }]),
    });
    expect(answer('DescribeLoadBalancers', {}, 'eu-west-1')).toEqual({ LoadBalancers: [] });
  });

  it('knows which predefined policies allow TLS 1.0 and 1.1, and refuses unknown ones', () => {
    expect(answer('DescribeSSLPolicies', { Names: ['ELBSecurityPolicy-2016-08'] })).toMatchObject({
      SslPolicies: [{ Name: 'ELBSecurityPolicy-2016-08', SslProtocols: ['TLSv1', 'TLSv1.1', 'TLSv1.2'] }],
    });
    const error = thrown(() => answer('DescribeSSLPolicies', { Names: ['my-custom-policy'] }));
    expect(error).toBeInstanceOf(ElasticLoadBalancingV2ServiceException);
    expect(error).toMatchObject({ name: 'SSLPolicyNotFoundException' });
    expect(
      thrown(() =>
        answer('DescribeListeners', {
          LoadBalancerArn: 'arn:aws:elasticloadbalancing:us-east-1:1:loadbalancer/app/x/1',
        }),
      ),
    ).toMatchObject({
      name: 'LoadBalancerNotFoundException',
    });
    expect(thrown(() => answer('DescribeLoadBalancers', { PageSize: 401 }))).toMatchObject({
      name: 'ValidationError',
    });
    expect(thrown(() => answer('DescribeTags', { ResourceArns: [] }))).toMatchObject({
      name: 'ValidationError',
    });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(elbv2);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { loadBalancers: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.loadBalancers[0] = {
      name: 'nwv-bad',
      region: 'us-east-1',
      listeners: [{ port: 443, protocol: 'HTTPS', defaultAction: { type: 'forward', targetGroup: 'x' } }],
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.loadBalancers\[0\]\.listeners\[0\]: an HTTPS or TLS listener needs an sslPolicy/,
    );
  });

  it('generates load balancers for the benchmark', async () => {
    const registry = serviceRegistry(elbv2);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 8,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(elbv2, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(8);
  });
});
