import { DetectiveServiceException } from '@aws-sdk/client-detective';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { DetectiveProperties } from './resource';
import { detectiveSim } from './sim';
import { detective } from '.';

const prod = '210987654321';
const shared = '345678901234';
const prodGraph = `arn:aws:detective:us-east-1:${prod}:graph:5f2c8a1e9b3d4e6f8a0b2c4d6e8f0a1b`;

type Run = Awaited<ReturnType<typeof collectService>>;
const regionOf = (run: Run, accountId: string, region: string) => {
  const resource = run.resources.find((each) => each.scopeId === accountId && each.region === region);
  if (!resource) throw new Error(`no Detective resource for ${accountId} ${region}`);
  return { resource, properties: resource.properties as DetectiveProperties };
};

describe('the Detective collector against the simulated Detective', () => {
  it('reads administered graphs and memberships per region', async () => {
    const scenario = serviceScenario(detective);
    const run = await collectService(detective, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(5);
    expect(regionOf(run, prod, 'us-east-1').properties).toEqual({
      accountId: prod,
      administeredGraphs: [prodGraph],
      memberships: [],
    });
    expect(regionOf(run, shared, 'us-east-1').properties.memberships).toEqual([
      { graphArn: prodGraph, administratorId: prod, status: 'ENABLED' },
    ]);
    expect(regionOf(run, prod, 'eu-west-1').properties).toEqual({
      accountId: prod,
      administeredGraphs: [],
      memberships: [],
    });
    const results = judge(detective, scenario, run.resources);
    const status = (account: string, region: string) =>
      results.get(`aws.detective.enabled|arn:aws:detective:${region}:${account}:behavior-graphs`)?.status;
    expect([status(prod, 'us-east-1'), status(shared, 'us-east-1'), status(shared, 'us-west-2')]).toEqual([
      'pass',
      'pass',
      'fail',
    ]);
  });

  it('pages ListGraphs and ListInvitations with NextToken', async () => {
    const scenario = serviceScenario(detective);
    const sharedAccount = scenario.aws.accounts.find((each) => each.accountId === shared)!;
    const memberships = sharedAccount.detectiveMemberships as object[];
    memberships.push({
      region: 'us-east-1',
      administratorAccountId: '999988887777',
      graphId: '0123456789abcdef0123456789abcdef',
      status: 'INVITED',
      invitedAt: '2026-01-05T10:00:00Z',
    });
    const paged = await collectService(detective, {
      ...scenario,
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    });
    expect(paged.gaps).toEqual([]);
    expect(regionOf(paged, shared, 'us-east-1').properties.memberships).toHaveLength(2);
    expect(
      paged.evidence.filter(
        (each) => each.operation === 'ListInvitations' && (each.request as { NextToken?: string }).NextToken,
      ),
    ).toHaveLength(1);
  });

  it('a region not enabled for the account yields no resource; a refused ListGraphs leaves graphs unknown', async () => {
    const disabled = await collectService(
      detective,
      serviceScenario(detective, [{ provider: 'aws', region: 'eu-west-1', kind: 'region_disabled' }]),
    );
    expect(disabled.resources.some((each) => each.region === 'eu-west-1')).toBe(false);
    const denied = await collectService(
      detective,
      serviceScenario(detective, [
        { provider: 'aws', service: 'detective', operation: 'ListGraphs', kind: 'access_denied' },
      ]),
    );
    // Refused: a coverage gap, and no resource to judge in that region.
    expect(denied.resources.some((each) => each.scopeId === prod && each.region === 'us-east-1')).toBe(false);
    expect(denied.gaps[0]?.message).toContain('ListGraphs for Detective in us-east-1 of account');
  });
});

describe('the simulated Detective', () => {
  it('answers ValidationException through DetectiveServiceException, and checks the scenario', () => {
    const scenario = serviceScenario(detective);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    let error: unknown;
    try {
      detectiveSim.answers.ListGraphs!({
        account: account as Parameters<(typeof detectiveSim.answers)['ListGraphs']>[0]['account'],
        organisation: {},
        scenario,
        region: 'us-east-1',
        input: { MaxResults: 201 },
        state: undefined,
        error: detectiveSim.error,
        pageSize: 1000,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(DetectiveServiceException);
    expect(error).toMatchObject({ name: 'ValidationException' });
    const registry = serviceRegistry(detective);
    const bad = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { detectiveMemberships: Record<string, unknown>[] }[] };
    };
    bad.aws.accounts[0]!.detectiveMemberships.push({
      region: 'us-east-1',
      administratorAccountId: prod,
      graphId: '5f2c8a1e9b3d4e6f8a0b2c4d6e8f0a1b',
    });
    expect(() => registry.loadScenario(bad)).toThrow(
      /aws\.accounts\[0\]\.detectiveMemberships\[0\]\.administratorAccountId: an account is not a member of its own behavior graph/,
    );
  });
});
