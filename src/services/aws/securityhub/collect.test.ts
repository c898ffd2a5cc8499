import { SecurityHubServiceException } from '@aws-sdk/client-securityhub';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import type { SecurityHubProperties } from './resource';
import { securityHubSim } from './sim';
import { securityhub } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;
const hubOf = (run: Run, accountId: string, region: string) => {
  const resource = run.resources.find((each) => each.scopeId === accountId && each.region === region);
  if (!resource) throw new Error(`no hub resource for ${accountId} ${region}`);
  return { resource, properties: resource.properties as SecurityHubProperties };
};

describe('the Security Hub collector against the simulated Security Hub', () => {
  it('reads a hub and its standards, and "not subscribed" as a fact where DescribeHub says so', async () => {
    const run = await collectService(securityhub, serviceScenario(securityhub));
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(5);
    const east = hubOf(run, prod, 'us-east-1');
    expect(east.resource.nativeId).toBe(`arn:aws:securityhub:us-east-1:${prod}:hub/default`);
    expect(east.properties).toEqual({
      accountId: prod,
      hub: {
        enabled: true,
        subscribedAt: '2023-02-14T16:20:05Z',
        autoEnableControls: true,
        controlFindingGenerator: 'SECURITY_CONTROL',
      },
      standards: [
        {
          standardsArn:
            'arn:aws:securityhub:us-east-1::standards/aws-foundational-security-best-practices/v/1.0.0',
          name: 'AWS Foundational Security Best Practices v1.0.0',
          status: 'READY',
        },
        {
          standardsArn: 'arn:aws:securityhub:us-east-1::standards/nist-800-53/v/5.0.0',
          name: 'NIST SP 800-53 Rev. 5 v5.0.0',
          status: 'READY',
        },
        {
          standardsArn: 'arn:aws:securityhub:us-east-1::standards/cis-aws-foundations-benchmark/v/1.4.0',
          name: 'CIS AWS Foundations Benchmark v1.4.0',
          status: 'INCOMPLETE',
        },
      ],
    });
    const west = hubOf(run, prod, 'us-west-2');
    expect(west.properties).toEqual({
      accountId: prod,
      hub: { enabled: false, subscribedAt: null, autoEnableControls: null, controlFindingGenerator: null },
    });
    const refusal = run.evidence.find(
      (each) => each.region === 'us-west-2' && each.operation === 'DescribeHub',
    );
    expect(refusal).toMatchObject({ outcome: 'ok', errorCode: 'InvalidAccessException' });
    expect(
      run.evidence.filter((each) => each.operation === 'GetEnabledStandards').map((each) => each.region),
    ).toEqual(['us-east-1', 'us-east-1']);
    const results = judge(securityhub, serviceScenario(securityhub), run.resources);
    expect(results.get(`aws.securityhub.enabled|${west.resource.nativeId}`)?.status).toBe('fail');
    expect(
      results.get(`aws.securityhub.standards|${hubOf(run, shared, 'us-east-1').resource.nativeId}`)?.status,
    ).toBe('fail');
  });

  it('pages GetEnabledStandards', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(securityhub),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(securityhub, scenario);
    expect(paged.gaps).toEqual([]);
    expect(hubOf(paged, prod, 'us-east-1').properties.standards).toHaveLength(3);
    expect(
      paged.evidence.filter(
        (each) => each.operation === 'GetEnabledStandards' && each.region === 'us-east-1',
      ),
    ).toHaveLength(4);
  });

  it('AccessDenied on DescribeHub is a gap, never "not enabled"', async () => {
    const run = await collectService(
      securityhub,
      serviceScenario(securityhub, [
        { provider: 'aws', service: 'securityhub', operation: 'DescribeHub', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps).toHaveLength(5);
    expect(run.gaps[0]?.message).toContain('DescribeHub for Security Hub in us-east-1 of account');
    for (const resource of run.resources)
      expect(resource.properties).toEqual({ accountId: resource.scopeId });
  });

  it('a region not enabled for the account yields no resource', async () => {
    const run = await collectService(
      securityhub,
      serviceScenario(securityhub, [{ provider: 'aws', region: 'eu-west-1', kind: 'region_disabled' }]),
    );
    expect(run.resources.some((each) => each.region === 'eu-west-1')).toBe(false);
  });
});

describe('the simulated Security Hub', () => {
  function answer(operation: string, input: Record<string, unknown>, region = 'us-east-1') {
    const scenario = serviceScenario(securityhub);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return securityHubSim.answers[operation]!({
      account: account as Parameters<(typeof securityHubSim.answers)['DescribeHub']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: securityHubSim.error,
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

  it('answers InvalidAccessException (401) where the account is not subscribed', () => {
    const error = thrown(() => answer('DescribeHub', {}, 'us-west-2'));
    expect(error).toBeInstanceOf(SecurityHubServiceException);
    expect(error).toMatchObject({
      name: 'InvalidAccessException',
      $metadata: { httpStatusCode: 401 },
      message: `Account ${prod} is not subscribed to AWS Security Hub`,
    });
    expect(thrown(() => answer('GetEnabledStandards', {}, 'eu-west-1'))).toMatchObject({
      name: 'InvalidAccessException',
    });
    expect(thrown(() => answer('GetEnabledStandards', { MaxResults: 101 }))).toMatchObject({
      name: 'InvalidInputException',
    });
    expect(
      thrown(() => answer('DescribeHub', { HubArn: 'arn:aws:securityhub:us-west-2:1:hub/default' })),
    ).toMatchObject({
      name: 'InvalidInputException',
    });
  });

  it('names a bad scenario field by its path, and generates hubs', async () => {
    const registry = serviceRegistry(securityhub);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { securityHubs: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.securityHubs.push({ region: 'us-east-1' });
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.securityHubs\[1\]\.region: an account has one hub per region/,
    );
    const generated = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 1,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 3,
    });
    const run = await collectService(securityhub, generated);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(4);
  });
});
