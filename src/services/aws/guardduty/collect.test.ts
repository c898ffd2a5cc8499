import { EventBridgeServiceException } from '@aws-sdk/client-eventbridge';
import { GuardDutyServiceException } from '@aws-sdk/client-guardduty';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { defineService, type ScenarioBase } from '../../../kit';
import type { GuardDutyRegionProperties } from './resource';
import { guardDutySim } from './sim';
import { guardduty } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;

function regionOf(run: Run, accountId: string, region: string) {
  const resource = run.resources.find((each) => each.scopeId === accountId && each.region === region);
  if (!resource) throw new Error(`no GuardDuty resource for ${accountId} ${region}`);
  return { resource, properties: resource.properties as GuardDutyRegionProperties };
}

describe('the GuardDuty collector against the simulated GuardDuty and EventBridge', () => {
  it('gives one resource per account region, detector or not', async () => {
    const run = await collectService(guardduty, serviceScenario(guardduty));
    expect(run.gaps).toEqual([]);
    expect(run.resources.map((each) => each.name).sort()).toEqual([
      `eu-west-1 of account ${prod}`,
      `us-east-1 of account ${prod}`,
      `us-east-1 of account ${shared}`,
      `us-west-2 of account ${prod}`,
      `us-west-2 of account ${shared}`,
    ]);
    const east = regionOf(run, prod, 'us-east-1');
    expect(east.resource).toMatchObject({
      type: 'aws.guardduty.region',
      nativeId: `arn:aws:guardduty:us-east-1:${prod}:detectors`,
      tags: {},
    });
    expect(east.properties).toMatchObject({
      detectorIds: ['4ec1a8f2b7d94c0e9a3f6b2d8e1c7a05'],
      detector: {
        detectorArn: `arn:aws:guardduty:us-east-1:${prod}:detector/4ec1a8f2b7d94c0e9a3f6b2d8e1c7a05`,
        status: 'ENABLED',
        s3Protection: true,
        findingPublishingFrequency: 'FIFTEEN_MINUTES',
      },
      rulesListed: 3,
      findingRoutes: [
        {
          ruleName: 'nwv-guardduty-findings-to-security',
          via: 'guardduty',
          filtered: false,
          targets: [
            { id: 'security-oncall', kind: 'sns' },
            { id: 'service-desk', kind: 'api-destination' },
          ],
        },
      ],
    });
    // No detector: nothing else is asked there.
    const europe = regionOf(run, prod, 'eu-west-1');
    expect(europe.properties).toEqual({ accountId: prod, detectorIds: [] });
    expect(run.evidence.filter((each) => each.region === 'eu-west-1').map((each) => each.operation)).toEqual([
      'ListDetectors',
    ]);
    // Targets are read only for the rules that match GuardDuty findings.
    const targetsAsked = run.evidence
      .filter((each) => each.operation === 'ListTargetsByRule')
      .map((each) => (each.request as { Rule: string }).Rule)
      .sort();
    expect(targetsAsked).toEqual([
      'nwv-guardduty-findings-to-security',
      'nwv-guardduty-findings-usw2',
      'nwv-shared-guardduty-forward',
      'nwv-shared-securityhub-findings',
    ]);
  });

  it('judges the demo: enabled, S3 protection and routing per region', async () => {
    const scenario = serviceScenario(guardduty);
    const results = judge(guardduty, scenario, (await collectService(guardduty, scenario)).resources);
    const status = (rule: string, account: string, region: string) =>
      results.get(`aws.guardduty.${rule}|arn:aws:guardduty:${region}:${account}:detectors`);
    expect(status('enabled', prod, 'eu-west-1')).toMatchObject({
      status: 'fail',
      detail: `GuardDuty is not enabled in eu-west-1 of account ${prod}: ListDetectors answered no detector.`,
    });
    expect(status('enabled', prod, 'us-west-2')?.status).toBe('pass');
    expect(status('s3-protection', prod, 'us-west-2')?.status).toBe('fail');
    expect(status('findings-routed', prod, 'us-west-2')).toMatchObject({
      status: 'fail',
      detail: expect.stringContaining('nwv-guardduty-findings-usw2 match them but are DISABLED'),
    });
    expect(status('findings-routed', prod, 'us-east-1')?.detail).toContain(
      'to SNS topic nwv-security-alerts, API destination nwv-servicedesk-tickets',
    );
    expect(status('findings-routed', shared, 'us-east-1')?.detail).toContain(
      '(Security Hub imported findings) to SQS queue nwv-shared-security-alerts, filtered on finding details',
    );
    expect(status('findings-routed', shared, 'us-west-2')?.detail).toContain('to event bus default');
    expect(status('findings-routed', prod, 'eu-west-1')?.status).toBe('not_applicable');
  });

  it('pages ListDetectors, ListRules and ListTargetsByRule with NextToken', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(guardduty),
      simulation: { awsPageSize: 1, azurePageSize: 1000 },
    };
    const paged = await collectService(guardduty, scenario);
    const whole = await collectService(guardduty, serviceScenario(guardduty));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.properties)).toEqual(
      whole.resources.map((each) => each.properties),
    );
    const rules = paged.evidence.filter(
      (each) =>
        each.operation === 'ListRules' &&
        each.region === 'us-east-1' &&
        (each.request as { NextToken?: string }).NextToken,
    );
    expect(rules.length).toBeGreaterThan(0);
    const targets = paged.evidence.filter((each) => each.operation === 'ListTargetsByRule');
    expect(targets.length).toBe(5); // the prod us-east-1 rule has two targets: two pages
  });

  it('AccessDenied on ListTargetsByRule leaves the route targets unknown, and routing not assessed', async () => {
    const scenario = serviceScenario(guardduty, [
      { provider: 'aws', service: 'guardduty', operation: 'ListTargetsByRule', kind: 'access_denied' },
    ]);
    const run = await collectService(guardduty, scenario);
    const east = regionOf(run, prod, 'us-east-1');
    expect(east.properties.findingRoutes?.[0]?.targets).toBeNull();
    expect(run.gaps.map((gap) => gap.message).join('\n')).toContain('nwv-guardduty-findings-to-security');
    const results = judge(guardduty, scenario, run.resources);
    expect(results.get(`aws.guardduty.findings-routed|${east.resource.nativeId}`)?.detail).toMatch(
      /^Not assessed: the targets of EventBridge rule\(s\) nwv-guardduty-findings-to-security/,
    );
  });

  it('a region not enabled for the account yields no resource, nor does a refused ListDetectors (a gap)', async () => {
    const disabled = await collectService(
      guardduty,
      serviceScenario(guardduty, [{ provider: 'aws', region: 'eu-west-1', kind: 'region_disabled' }]),
    );
    expect(disabled.resources.some((each) => each.region === 'eu-west-1')).toBe(false);
    expect(disabled.gaps.map((gap) => gap.reason)).toEqual(['region_disabled']);
    const denied = await collectService(
      guardduty,
      serviceScenario(guardduty, [
        {
          provider: 'aws',
          service: 'guardduty',
          operation: 'ListDetectors',
          region: 'eu-west-1',
          kind: 'access_denied',
        },
      ]),
    );
    expect(denied.resources.some((each) => each.scopeId === prod && each.region === 'eu-west-1')).toBe(false);
    expect(denied.gaps.map((gap) => [gap.operation, gap.region, gap.reason])).toEqual([
      ['ListDetectors', 'eu-west-1', 'access_denied'],
    ]);
  });

  it('drops a rule deleted between ListRules and ListTargetsByRule', async () => {
    const phantom = defineService({
      ...guardduty,
      sim: {
        ...guardDutySim,
        answers: {
          ...guardDutySim.answers,
          ListRules: (call) => {
            const answer = guardDutySim.answers.ListRules!(call) as { Rules: object[] };
            return {
              ...answer,
              Rules: [
                ...answer.Rules,
                {
                  Name: 'nwv-deleted-meanwhile',
                  EventPattern: '{"source":["aws.guardduty"]}',
                  State: 'ENABLED',
                },
              ],
            };
          },
        },
      },
    });
    const run = await collectService(phantom, serviceScenario(phantom));
    expect(run.gaps).toEqual([]);
    const routes = regionOf(run, prod, 'us-east-1').properties.findingRoutes ?? [];
    expect(routes.map((route) => route.ruleName)).toEqual(['nwv-guardduty-findings-to-security']);
    expect(
      run.evidence.some(
        (each) => each.operation === 'ListTargetsByRule' && each.errorCode === 'ResourceNotFoundException',
      ),
    ).toBe(true);
  });
});

describe('the simulated GuardDuty and EventBridge', () => {
  function answer(
    operation: keyof typeof guardDutySim.answers,
    input: Record<string, unknown>,
    region = 'us-east-1',
  ) {
    const scenario = serviceScenario(guardduty);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    return guardDutySim.answers[operation]!({
      account: account as Parameters<(typeof guardDutySim.answers)['ListDetectors']>[0]['account'],
      organisation: {},
      scenario,
      region,
      input,
      state: undefined,
      error: guardDutySim.error,
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

  it('answers each API through its own exception class', () => {
    expect(answer('ListDetectors', {}, 'eu-west-1')).toEqual({ DetectorIds: [] });
    const unknown = thrown(() => answer('GetDetector', { DetectorId: '9b27d0c4e6a14f38b5c2e7f0a9d3b161' }));
    expect(unknown).toBeInstanceOf(GuardDutyServiceException);
    expect(unknown).toMatchObject({ name: 'BadRequestException' });
    expect(thrown(() => answer('ListDetectors', { MaxResults: 51 }))).toMatchObject({
      name: 'BadRequestException',
    });
    const rule = thrown(() => answer('ListTargetsByRule', { Rule: 'nope' }));
    expect(rule).toBeInstanceOf(EventBridgeServiceException);
    expect(rule).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'Rule nope does not exist on EventBus default.',
    });
    expect(thrown(() => answer('ListRules', { EventBusName: 'orders' }))).toMatchObject({
      name: 'ResourceNotFoundException',
    });
    expect(thrown(() => answer('ListRules', { Limit: 101 }))).toMatchObject({ name: 'ValidationException' });
  });

  it('answers the detector with features beside the deprecated data sources, and patterns as JSON strings', () => {
    const detector = answer(
      'GetDetector',
      { DetectorId: '9b27d0c4e6a14f38b5c2e7f0a9d3b161' },
      'us-west-2',
    ) as {
      Status: string;
      Features: { Name: string; Status: string }[];
      DataSources: { S3Logs: { Status: string } };
    };
    expect(detector.Status).toBe('ENABLED');
    expect(detector.Features.find((each) => each.Name === 'S3_DATA_EVENTS')?.Status).toBe('DISABLED');
    expect(detector.DataSources.S3Logs.Status).toBe('DISABLED');
    const rules = answer('ListRules', { NamePrefix: 'nwv-nightly' }) as { Rules: Record<string, unknown>[] };
    expect(rules.Rules).toEqual([
      expect.objectContaining({ Name: 'nwv-nightly-order-export', ScheduleExpression: 'cron(0 4 * * ? *)' }),
    ]);
    expect(rules.Rules[0]?.EventPattern).toBeUndefined();
  });

  it('names a bad scenario field by its path', () => {
    const registry = serviceRegistry(guardduty);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { guardDutyDetectors: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.guardDutyDetectors[1] = {
      ...scenario.aws.accounts[0]!.guardDutyDetectors[1],
      region: 'us-east-1',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.guardDutyDetectors\[1\]\.region: GuardDuty allows one detector per region/,
    );
  });

  it('generates detectors and rules for the benchmark', async () => {
    const registry = serviceRegistry(guardduty);
    const scenario = registry.generateScenario({
      awsAccounts: 2,
      regions: 3,
      perRegion: 4,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 11,
    });
    const run = await collectService(guardduty, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(6);
  });
});
