import { Macie2ServiceException } from '@aws-sdk/client-macie2';
import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { MacieSessionProperties } from './resource';
import { macieSim } from './sim';
import { macie } from '.';

const prod = '210987654321';
const shared = '345678901234';

type Run = Awaited<ReturnType<typeof collectService>>;
const sessionOf = (run: Run, accountId: string, region: string) => {
  const resource = run.resources.find((each) => each.scopeId === accountId && each.region === region);
  if (!resource) throw new Error(`no Macie resource for ${accountId} ${region}`);
  return { resource, properties: resource.properties as MacieSessionProperties };
};

describe('the Macie collector against the simulated Macie', () => {
  it('reads a session, and "Macie is not enabled" as a fact with no coverage gap', async () => {
    const run = await collectService(macie, serviceScenario(macie));
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(5);
    expect(sessionOf(run, prod, 'us-east-1')).toMatchObject({
      resource: {
        nativeId: `arn:aws:macie2:us-east-1:${prod}:session`,
        name: `us-east-1 of account ${prod}`,
      },
      properties: {
        session: {
          enabled: true,
          status: 'ENABLED',
          findingPublishingFrequency: 'FIFTEEN_MINUTES',
          createdAt: '2023-03-20T15:10:00.000Z',
        },
      },
    });
    expect(sessionOf(run, prod, 'us-west-2').properties.session).toEqual({
      enabled: false,
      status: null,
      findingPublishingFrequency: null,
      createdAt: null,
    });
    expect(sessionOf(run, shared, 'us-west-2').properties.session?.status).toBe('PAUSED');
    const off = run.evidence.find((each) => each.region === 'us-west-2' && each.errorCode);
    expect(off).toMatchObject({
      outcome: 'ok',
      errorCode: 'AccessDeniedException',
      errorMessage: 'Macie is not enabled',
    });
    const results = judge(macie, serviceScenario(macie), run.resources);
    expect(results.get(`aws.macie.enabled|arn:aws:macie2:us-west-2:${prod}:session`)?.status).toBe('fail');
  });

  it('an IAM refusal of GetMacieSession is a coverage gap naming the region, and leaves the session unknown', async () => {
    const run = await collectService(
      macie,
      serviceScenario(macie, [
        {
          provider: 'aws',
          service: 'macie',
          operation: 'GetMacieSession',
          region: 'us-east-1',
          kind: 'access_denied',
        },
      ]),
    );
    expect(run.gaps).toHaveLength(2);
    expect(run.gaps[0]).toMatchObject({
      service: 'macie',
      operation: 'GetMacieSession',
      region: 'us-east-1',
      reason: 'access_denied',
      message: expect.stringContaining('is not authorized to perform: macie2:GetMacieSession'),
    });
    // Refused by IAM: a coverage gap, and no resource to judge in that region.
    expect(run.resources.some((each) => each.scopeId === prod && each.region === 'us-east-1')).toBe(false);
    expect(sessionOf(run, prod, 'us-west-2').properties.session?.enabled).toBe(false);
  });

  it('a region not enabled for the account yields no resource', async () => {
    const run = await collectService(
      macie,
      serviceScenario(macie, [{ provider: 'aws', region: 'eu-west-1', kind: 'region_disabled' }]),
    );
    expect(run.resources.some((each) => each.region === 'eu-west-1')).toBe(false);
    expect(run.gaps.map((gap) => gap.reason)).toEqual(['region_disabled']);
  });
});

describe('the simulated Macie', () => {
  it('answers AccessDeniedException (403) "Macie is not enabled" through Macie2ServiceException', () => {
    const scenario = serviceScenario(macie);
    const account = scenario.aws.accounts.find((each) => each.accountId === prod)!;
    let error: unknown;
    try {
      macieSim.answers.GetMacieSession!({
        account: account as Parameters<(typeof macieSim.answers)['GetMacieSession']>[0]['account'],
        organisation: {},
        scenario,
        region: 'eu-west-1',
        input: {},
        state: undefined,
        error: macieSim.error,
        pageSize: 1000,
      });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(Macie2ServiceException);
    expect(error).toMatchObject({
      name: 'AccessDeniedException',
      message: 'Macie is not enabled',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('refuses two sessions in one region, and generates sessions', async () => {
    const registry = serviceRegistry(macie);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      aws: { accounts: { macieSessions: Record<string, unknown>[] }[] };
    };
    scenario.aws.accounts[0]!.macieSessions.push({ region: 'us-east-1' });
    expect(() => registry.loadScenario(scenario)).toThrow(
      /aws\.accounts\[0\]\.macieSessions\[1\]\.region: an account has one Macie session per region/,
    );
    const generated = registry.generateScenario({
      awsAccounts: 2,
      regions: 2,
      perRegion: 1,
      azureSubscriptions: 0,
      perSubscription: 0,
      latencyMs: 0,
      seed: 5,
    });
    const run = await collectService(macie, generated);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(4);
  });
});
