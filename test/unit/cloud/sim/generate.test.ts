import { describe, expect, it } from 'vitest';
import { createSimulator, generateScenario } from '../../../../src/cloud/sim';
import { DeskError } from '../../../../src/errors';

const options = {
  awsAccounts: 20,
  regions: 17,
  perRegion: 3,
  azureSubscriptions: 4,
  perSubscription: 25,
  latencyMs: 30,
  seed: 42,
};

describe('generateScenario', () => {
  it('produces the requested counts (the benchmark: 20 accounts × 17 regions)', () => {
    const scenario = generateScenario(options);
    expect(scenario.aws.accounts).toHaveLength(20);
    for (const account of scenario.aws.accounts) {
      expect(account.regions).toHaveLength(17);
      expect(account.buckets).toHaveLength(17 * 3);
      expect(account.accountId).toMatch(/^\d{12}$/);
    }
    expect(new Set(scenario.aws.accounts.map((account) => account.accountId)).size).toBe(20);
    expect(scenario.azure.subscriptions).toHaveLength(4);
    expect(
      scenario.azure.subscriptions.every((subscription) => subscription.storageAccounts.length === 25),
    ).toBe(true);
    expect(scenario.faults).toEqual([
      { provider: 'aws', kind: 'latency', ms: 30 },
      { provider: 'azure', kind: 'latency', ms: 30 },
    ]);
    expect(createSimulator(scenario).targets()).toHaveLength(24);
  });

  it('is deterministic per seed, and differs between seeds', () => {
    expect(generateScenario(options)).toEqual(generateScenario(options));
    expect(JSON.stringify(generateScenario({ ...options, seed: 7 }))).not.toEqual(
      JSON.stringify(generateScenario(options)),
    );
  });

  it('mixes compliant and failing buckets', () => {
    const buckets = generateScenario(options).aws.accounts.flatMap((account) => account.buckets);
    expect(buckets.some((bucket) => bucket.encryption === null)).toBe(true);
    expect(buckets.some((bucket) => bucket.encryption !== null)).toBe(true);
    expect(buckets.some((bucket) => bucket.replication !== null)).toBe(true);
  });

  it('refuses impossible counts', () => {
    expect(() => generateScenario({ ...options, regions: 18 })).toThrow(DeskError);
    expect(() => generateScenario({ ...options, awsAccounts: -1 })).toThrow(/awsAccounts/);
  });
});
