import { CloudFrontServiceException } from '@aws-sdk/client-cloudfront';
import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { CloudFrontDistributionProperties } from './resource';
import { cloudfrontSim } from './sim';
import { cloudfront } from '.';

const prod = '210987654321';
const shared = '345678901234';

function distributionOf(run: Awaited<ReturnType<typeof collectService>>, id: string) {
  const resource = run.resources.find((each) => each.name === id);
  if (!resource) throw new Error(`no distribution ${id}`);
  return { resource, properties: resource.properties as CloudFrontDistributionProperties };
}

describe('the CloudFront collector against the simulated CloudFront', () => {
  it('reads behaviours in precedence order with their cache policies, origins, certificate, logging and tags', async () => {
    const run = await collectService(cloudfront, serviceScenario(cloudfront));
    expect(run.gaps).toEqual([]);
    const { resource, properties } = distributionOf(run, 'E2NWVSTORE7QX1');
    expect(resource).toMatchObject({
      type: 'aws.cloudfront.distribution',
      nativeId: `arn:aws:cloudfront::${prod}:distribution/E2NWVSTORE7QX1`,
      region: 'global',
      scopeId: prod,
      tags: { app: 'storefront', 'data-classification': 'public' },
    });
    expect(properties.behaviours.map((each) => each.pathPattern)).toEqual(['/static/*', '/account/*', '*']);
    expect(properties.behaviours[1]?.cache).toMatchObject({
      source: 'cache-policy',
      policyName: 'nwv-account-pages',
      managed: false,
      defaultTtl: 86400,
      authorizationInKey: false,
      cookiesInKey: 'none',
    });
    expect(properties.behaviours[2]?.cache).toMatchObject({
      policyName: 'Managed-CachingDisabled',
      maxTtl: 0,
    });
    expect(properties.origins.map((each) => each.kind)).toEqual(['custom', 's3']);
    expect(properties.logging).toEqual({
      enabled: true,
      bucket: 'nwv-cdn-logs.s3.amazonaws.com',
      prefix: 'cloudfront/storefront/',
      includeCookies: false,
    });
    const promo = distributionOf(run, 'E3NWVPROMO0LGC').properties;
    expect(promo.viewerCertificate).toEqual({
      defaultCertificate: true,
      source: 'cloudfront',
      minimumProtocolVersion: 'TLSv1',
      sslSupportMethod: 'vip',
    });
    expect(promo.behaviours[1]?.cache).toMatchObject({
      source: 'legacy',
      defaultTtl: 0,
      cookiesInKey: 'all',
    });
    expect(promo.logging?.enabled).toBe(false);
    expect(promo.aliases).toEqual([]);
    const support = distributionOf(run, 'E2NWVSUPPORT9T');
    expect(support.resource.scopeId).toBe(shared);
    expect(support.properties.originGroups).toEqual([
      { id: 'support-failover', members: ['support-app', 'support-app-dr'] },
    ]);
    // Cache policies are listed once per account, not per distribution.
    expect(run.evidence.filter((each) => each.operation === 'ListCachePolicies')).toHaveLength(2);
  });

  it('pages ListDistributions by Marker / NextMarker inside DistributionList, and ListCachePolicies too', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(cloudfront),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(cloudfront, scenario);
    const whole = await collectService(cloudfront, serviceScenario(cloudfront));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      whole.resources.map((each) => each.nativeId).sort(),
    );
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const lists = paged.evidence.filter((each) => each.operation === 'ListDistributions');
    // Prod holds 3 distributions, shared services 1: one page each, no trailing empty page.
    expect(lists).toHaveLength(4);
    expect(lists.map((each) => (each.request as { Marker?: string }).Marker)).toEqual([
      undefined,
      'E1NWVAPIEDGE4K',
      'E2NWVSTORE7QX1',
      undefined,
    ]);
    // 4 managed + 1 custom in prod, 4 managed in shared services.
    expect(paged.evidence.filter((each) => each.operation === 'ListCachePolicies')).toHaveLength(9);
  });

  it('an account without distributions: DistributionList without Items, nothing else asked', async () => {
    const scenario = serviceScenario(cloudfront);
    const accounts = scenario.aws.accounts.map((each) =>
      each.accountId === shared ? { ...each, cloudfrontDistributions: [] } : each,
    );
    const run = await collectService(cloudfront, { ...scenario, aws: { ...scenario.aws, accounts } });
    expect(run.resources.some((each) => each.scopeId === shared)).toBe(false);
    const count = (operation: string) => run.evidence.filter((each) => each.operation === operation).length;
    // Both accounts list distributions; only prod goes on to list cache policies.
    expect(count('ListDistributions')).toBe(2);
    expect(count('ListCachePolicies')).toBe(1);
    const empty = run.evidence.find(
      (each) =>
        each.operation === 'ListDistributions' &&
        (each.response as { DistributionList?: { Quantity?: number } })?.DistributionList?.Quantity === 0,
    );
    expect(
      (empty?.response as { DistributionList: Record<string, unknown> }).DistributionList.Items,
    ).toBeUndefined();
  });

  it('AccessDenied on GetDistributionConfig: a gap naming the distribution, logging not assessed, the rest read', async () => {
    const run = await collectService(
      cloudfront,
      serviceScenario(cloudfront, [
        { provider: 'aws', service: 'cloudfront', operation: 'GetDistributionConfig', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps.map((gap) => gap.message).join('\n')).toContain(
      'GetDistributionConfig for E3NWVPROMO0LGC',
    );
    const { properties } = distributionOf(run, 'E3NWVPROMO0LGC');
    expect(properties.logging).toBeUndefined();
    expect(properties.behaviours).toHaveLength(2);
  });

  it('AccessDenied on ListCachePolicies leaves policy-based caches unknown, CachingDisabled still known by id', async () => {
    const run = await collectService(
      cloudfront,
      serviceScenario(cloudfront, [
        { provider: 'aws', service: 'cloudfront', operation: 'ListCachePolicies', kind: 'access_denied' },
      ]),
    );
    const { properties } = distributionOf(run, 'E2NWVSTORE7QX1');
    expect(properties.behaviours.map((each) => each.cache?.policyName ?? null)).toEqual([
      null,
      null,
      'Managed-CachingDisabled',
    ]);
    // Legacy behaviours do not need the policies.
    expect(distributionOf(run, 'E3NWVPROMO0LGC').properties.behaviours[0]?.cache?.source).toBe('legacy');
  });

  it('drops a distribution deleted between ListDistributions and GetDistributionConfig', async () => {
    const phantom = defineService({
      ...cloudfront,
      sim: {
        ...cloudfrontSim,
        answers: {
          ...cloudfrontSim.answers,
          ListDistributions: (call) => {
            const answer = cloudfrontSim.answers.ListDistributions!(call) as {
              DistributionList: { Items?: object[]; Quantity: number };
            };
            const items = answer.DistributionList.Items ?? [];
            const ghost = { ...(items[0] as { Id: string; ARN: string }) };
            ghost.Id = 'E9NWVDELETED01';
            ghost.ARN = `arn:aws:cloudfront::${call.account.accountId}:distribution/E9NWVDELETED01`;
            return { DistributionList: { ...answer.DistributionList, Items: [...items, ghost] } };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    expect(run.resources.some((each) => each.name === 'E9NWVDELETED01')).toBe(false);
    expect(run.resources).toHaveLength(4);
    expect(
      run.evidence.some(
        (each) => each.operation === 'GetDistributionConfig' && each.errorCode === 'NoSuchDistribution',
      ),
    ).toBe(true);
  });
});

describe('the simulated CloudFront', () => {
  function answer(
    operation: keyof typeof cloudfrontSim.answers,
    input: Record<string, unknown>,
    accountId = prod,
  ) {
    const scenario = serviceScenario(cloudfront);
    const account = scenario.aws.accounts.find((each) => each.accountId === accountId)!;
    return cloudfrontSim.answers[operation]!({
      account: account as Parameters<(typeof cloudfrontSim.answers)['ListDistributions']>[0]['account'],
      organisation: {},
      scenario,
      region: 'us-east-1',
      input,
      state: undefined,
      error: cloudfrontSim.error,
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

  it('answers DistributionList with IsTruncated and NextMarker only when truncated', () => {
    const first = answer('ListDistributions', { MaxItems: 2 }) as {
      DistributionList: { IsTruncated: boolean; NextMarker?: string; Quantity: number; Marker: string };
    };
    expect(first.DistributionList).toMatchObject({
      IsTruncated: true,
      Quantity: 2,
      Marker: '',
      NextMarker: 'E2NWVSTORE7QX1',
    });
    const last = answer('ListDistributions', { MaxItems: 2, Marker: 'E2NWVSTORE7QX1' }) as {
      DistributionList: Record<string, unknown>;
    };
    expect(last.DistributionList).toMatchObject({ IsTruncated: false, Quantity: 1 });
    expect(last.DistributionList.NextMarker).toBeUndefined();
    const none = answer('ListDistributions', { Marker: 'EZZZZZZZZZZZZZ' }) as {
      DistributionList: Record<string, unknown>;
    };
    expect(none.DistributionList.Items).toBeUndefined();
    expect(none.DistributionList.Quantity).toBe(0);
  });

  it('leaves Logging out of the summary and answers it in the configuration', () => {
    const list = answer('ListDistributions', {}) as {
      DistributionList: { Items: Record<string, unknown>[] };
    };
    expect(list.DistributionList.Items.every((each) => !('Logging' in each))).toBe(true);
    expect(answer('GetDistributionConfig', { Id: 'E3NWVPROMO0LGC' })).toMatchObject({
      DistributionConfig: { Logging: { Enabled: false, Bucket: '', Prefix: '' } },
      ETag: expect.any(String),
    });
  });

  it('filters cache policies by Type managed | custom and refuses anything else', () => {
    const custom = answer('ListCachePolicies', { Type: 'custom' }) as {
      CachePolicyList: { Quantity: number };
    };
    expect(custom.CachePolicyList.Quantity).toBe(1);
    const managed = answer('ListCachePolicies', { Type: 'managed' }) as {
      CachePolicyList: { Quantity: number };
    };
    expect(managed.CachePolicyList.Quantity).toBe(4);
    expect(thrown(() => answer('ListCachePolicies', { Type: 'all' }))).toMatchObject({
      name: 'InvalidArgument',
    });
  });

  it("answers CloudFront's own errors through CloudFrontServiceException", () => {
    const missing = thrown(() => answer('GetDistributionConfig', { Id: 'E9NOSUCHTHING1' }));
    expect(missing).toBeInstanceOf(CloudFrontServiceException);
    expect(missing).toMatchObject({ name: 'NoSuchDistribution', $metadata: { httpStatusCode: 404 } });
    expect(thrown(() => answer('ListTagsForResource', { Resource: 'E2NWVSTORE7QX1' }))).toMatchObject({
      name: 'InvalidArgument',
    });
    expect(
      thrown(() =>
        answer('ListTagsForResource', {
          Resource: `arn:aws:cloudfront::${shared}:distribution/E2NWVSUPPORT9T`,
        }),
      ),
    ).toMatchObject({ name: 'NoSuchResource' });
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(cloudfront);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { cloudfrontDistributions: Record<string, unknown>[] }[] };
    };
    const first = scenario.aws.accounts[0]!.cloudfrontDistributions[0]!;
    scenario.aws.accounts[0]!.cloudfrontDistributions[0] = {
      ...first,
      defaultBehaviour: { targetOriginId: 'nowhere', cachePolicyId: '00000000-0000-4000-8000-000000000000' },
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.cloudfrontDistributions\[0\]\.defaultBehaviour\.targetOriginId: no origin or origin group nowhere/,
    );
    expect(() => registry.loadScenario(scenario)).toThrow(
      /defaultBehaviour\.cachePolicyId: no managed or account cache policy/,
    );
  });

  it('generates distributions for the benchmark', async () => {
    const registry = serviceRegistry(cloudfront);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 6,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 7,
    });
    const run = await collectService(cloudfront, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(4);
  });
});
