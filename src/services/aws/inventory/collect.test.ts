import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { InventoryProperties } from './resource';
import { inventory } from '.';

const prod = '210987654321';

describe('the inventory collector against the simulated tagging API', () => {
  it('lists every tagged resource of each region, global ARNs in us-east-1 and buckets in their region', async () => {
    const run = await collectService(inventory, serviceScenario(inventory));
    expect(run.gaps).toEqual([]);
    const byArn = new Map(run.resources.map((each) => [each.nativeId, each]));
    expect(byArn.get(`arn:aws:sqs:us-east-1:${prod}:nwv-support-tickets`)).toMatchObject({
      name: 'nwv-support-tickets',
      region: 'us-east-1',
      scopeId: prod,
      properties: { service: 'sqs', resourceType: 'sqs:queue', region: 'us-east-1', listedIn: 'us-east-1' },
    });
    expect(byArn.get(`arn:aws:cloudfront::${prod}:distribution/E2NWVSTORE7QX1`)).toMatchObject({
      region: 'us-east-1',
      properties: { region: null, listedIn: 'us-east-1' },
    });
    expect(byArn.get('arn:aws:s3:::nwv-prod-telemetry-raw')).toMatchObject({
      region: 'us-west-2',
      properties: { resourceType: 's3:bucket', accountId: null },
    });
    // A resource that had tags and has none now is listed with "Tags": [].
    expect(byArn.get(`arn:aws:sqs:us-east-1:${prod}:nwv-legacy-webhooks`)?.tags).toEqual({});
    // Each resource is listed once, by one region.
    expect(new Set(run.resources.map((each) => each.nativeId)).size).toBe(run.resources.length);
  });

  it('pages GetResources with PaginationToken and stops at the empty token of the last page', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(inventory),
      simulation: { awsPageSize: 2, azurePageSize: 1000 },
    };
    const paged = await collectService(inventory, scenario);
    const whole = await collectService(inventory, serviceScenario(inventory));
    expect(paged.gaps).toEqual([]);
    const arns = (run: typeof paged) => run.resources.map((each) => each.nativeId).sort();
    expect(arns(paged)).toEqual(arns(whole));
    const calls = paged.evidence.filter((each) => each.operation === 'GetResources');
    const firstPages = calls.filter(
      (each) => (each.request as { PaginationToken?: string }).PaginationToken === undefined,
    );
    // One first page per account and region: 3 regions in prod, 2 in shared services.
    expect(firstPages).toHaveLength(5);
    expect(calls.length).toBeGreaterThan(firstPages.length + 10);
    for (const each of calls)
      expect((each.request as { ResourcesPerPage?: number }).ResourcesPerPage).toBe(100);
    const last = calls.filter(
      (each) => (each.response as { PaginationToken?: string }).PaginationToken === '',
    );
    expect(last).toHaveLength(5);
  });

  it('AccessDenied in one region is a gap there and leaves the other regions listed', async () => {
    const run = await collectService(
      inventory,
      serviceScenario(inventory, [
        {
          provider: 'aws',
          service: 'inventory',
          operation: 'GetResources',
          region: 'us-west-2',
          kind: 'access_denied',
        },
      ]),
    );
    expect(run.gaps.map((gap) => [gap.region, gap.reason])).toEqual([
      ['us-west-2', 'access_denied'],
      ['us-west-2', 'access_denied'],
    ]);
    // Resource Explorer still lists prod's us-west-2 (an index there), without its tagging sighting.
    const west = run.resources.filter((each) => each.region === 'us-west-2');
    expect(west.length).toBeGreaterThan(0);
    for (const each of west) {
      expect(each.scopeId).toBe(prod);
      expect((each.properties as InventoryProperties).sources).toEqual(['resource-explorer']);
    }
    expect(run.resources.some((each) => each.region === 'us-east-1')).toBe(true);
    const properties = run.resources[0]!.properties as InventoryProperties;
    expect(properties.arn).toBe(run.resources[0]!.nativeId);
  });
});

const shared = '345678901234';
const sourcesOf = (run: { resources: { nativeId: string; properties: unknown }[] }, arn: string) =>
  (run.resources.find((each) => each.nativeId === arn)?.properties as InventoryProperties | undefined)
    ?.sources;

describe('the inventory collector with Resource Explorer and AWS Config', () => {
  it('finds never-tagged resources through Resource Explorer (prod), Config (prod us-east-1 and shared), once per ARN', async () => {
    const run = await collectService(inventory, serviceScenario(inventory));
    expect(new Set(run.resources.map((each) => each.nativeId)).size).toBe(run.resources.length);
    // Prod: an aggregator in us-east-1 and a local index in us-west-2; eu-west-1 has none. A Config
    // recorder records prod us-east-1 too (the AWS Config service's demo agrees).
    expect(sourcesOf(run, `arn:aws:sqs:us-east-1:${prod}:nwv-intake-forms-dlq`)).toEqual([
      'resource-explorer',
      'config',
    ]);
    expect(
      sourcesOf(run, `arn:aws:logs:us-west-2:${prod}:log-group:/aws/lambda/nwv-telemetry-normalizer`),
    ).toEqual(['resource-explorer']);
    expect(sourcesOf(run, `arn:aws:sqs:eu-west-1:${prod}:nwv-care-portal-exports-dlq`)).toBeUndefined();
    expect(sourcesOf(run, `arn:aws:sqs:us-east-1:${prod}:nwv-support-tickets`)).toEqual([
      'resource-explorer',
      'config',
      'tagging',
    ]);
    expect(sourcesOf(run, `arn:aws:dynamodb:eu-west-1:${prod}:table/nwv-care-portal-exports-index`)).toEqual([
      'tagging',
    ]);
    // The CloudFront distribution ('global') is listed by the home region's view, once.
    expect(sourcesOf(run, `arn:aws:cloudfront::${prod}:distribution/E2NWVSTORE7QX1`)).toEqual([
      'resource-explorer',
      'config',
      'tagging',
    ]);
    // Shared services: a Config recorder in us-east-1 only.
    expect(sourcesOf(run, `arn:aws:sns:us-east-1:${shared}:nwv-shared-ops-pager`)).toEqual(['config']);
    expect(sourcesOf(run, `arn:aws:sqs:us-east-1:${shared}:nwv-shared-security-alerts`)).toEqual([
      'config',
      'tagging',
    ]);
    expect(sourcesOf(run, `arn:aws:sqs:us-west-2:${shared}:nwv-shared-replay-dlq`)).toBeUndefined();
    // Tags of a resource only Resource Explorer saw are those of its 'tags' property: none.
    expect(
      run.resources.find((each) => each.nativeId === `arn:aws:sqs:us-east-1:${prod}:nwv-intake-forms-dlq`)
        ?.tags,
    ).toEqual({});
  });

  it('pages ListResources and SelectResourceConfig with NextToken and lists the same', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(inventory),
      simulation: { awsPageSize: 2, azurePageSize: 1000 },
    };
    const paged = await collectService(inventory, scenario);
    const whole = await collectService(inventory, serviceScenario(inventory));
    expect(paged.gaps).toEqual([]);
    const arns = (run: typeof paged) =>
      run.resources.map((each) => `${each.nativeId} ${String(sourcesOf(run, each.nativeId))}`).sort();
    expect(arns(paged)).toEqual(arns(whole));
    for (const operation of ['ListResources', 'SelectResourceConfig']) {
      const calls = paged.evidence.filter((each) => each.operation === operation);
      expect(
        calls.filter((each) => (each.request as { NextToken?: string }).NextToken !== undefined).length,
      ).toBeGreaterThan(0);
    }
  });

  it('AccessDenied on ListIndexes is a gap; Config and the tagging API still list', async () => {
    const run = await collectService(
      inventory,
      serviceScenario(inventory, [
        { provider: 'aws', service: 'inventory', operation: 'ListIndexes', kind: 'access_denied' },
      ]),
    );
    expect(new Set(run.gaps.map((gap) => `${gap.operation} ${gap.reason}`))).toEqual(
      new Set(['ListIndexes access_denied']),
    );
    expect(run.evidence.some((each) => each.operation === 'ListResources')).toBe(false);
    expect(sourcesOf(run, `arn:aws:sns:us-east-1:${shared}:nwv-shared-ops-pager`)).toEqual(['config']);
    expect(sourcesOf(run, `arn:aws:sqs:us-east-1:${prod}:nwv-support-tickets`)).toEqual([
      'config',
      'tagging',
    ]);
  });

  it('a region without an index or recorder asks no more than whether one exists', async () => {
    const run = await collectService(inventory, serviceScenario(inventory));
    const inRegion = (region: string) =>
      new Set(run.evidence.filter((each) => each.region === region).map((each) => each.operation));
    // eu-west-1 is prod's only: no index, no recorder.
    expect(inRegion('eu-west-1')).toEqual(
      new Set(['ListIndexes', 'DescribeConfigurationRecorderStatus', 'GetResources']),
    );
    // The one recorder (shared services, us-east-1) is the only region queried through Config.
    expect(
      new Set(
        run.evidence.filter((each) => each.operation === 'SelectResourceConfig').map((each) => each.region),
      ),
    ).toEqual(new Set(['us-east-1']));
  });
});

describe('the simulated tagging API scenario', () => {
  it('names an ARN of another account or region by its path', () => {
    const registry = serviceRegistry(inventory);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { taggedResources: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.taggedResources[1] = {
      arn: 'arn:aws:sqs:us-east-1:999999999999:elsewhere',
      tags: {},
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.taggedResources\[1\]\.arn: account 999999999999 is not this account \(210987654321\)/,
    );
    scenario.aws.accounts[0]!.taggedResources[1] = {
      arn: 'arn:aws:sqs:ap-south-1:210987654321:far-away',
      tags: {},
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.taggedResources\[1\]\.arn: region ap-south-1 is not one of the account's regions/,
    );
    scenario.aws.accounts[0]!.taggedResources[1] = {
      arn: 'arn:aws:s3:::nwv-x',
      region: 'ap-south-1',
      tags: {},
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.taggedResources\[1\]\.region: a region-less ARN is listed by ap-south-1/,
    );
  });
});
