import type { Scenario, ScenarioAccount, ScenarioBucket } from './scenario';
import { FaultInjector, SimCallCounter } from './faults';

export interface OwnedBucket {
  bucket: ScenarioBucket;
  account: ScenarioAccount;
}

/** The scenario indexed for answering, plus the simulator's mutable state (call counts, fault hits). */
export interface SimWorld {
  scenario: Scenario;
  calls: SimCallCounter;
  faults: FaultInjector;
  accounts: ReadonlyMap<string, ScenarioAccount>;
  buckets: ReadonlyMap<string, OwnedBucket>;
  /** Buckets outside the scenario's accounts (replication targets), name → region */
  externalBuckets: ReadonlyMap<string, string>;
}

export function createWorld(scenario: Scenario): SimWorld {
  const buckets = new Map<string, OwnedBucket>();
  for (const account of scenario.aws.accounts)
    for (const bucket of account.buckets) buckets.set(bucket.name, { bucket, account });
  return {
    scenario,
    calls: new SimCallCounter(),
    faults: new FaultInjector(scenario.faults),
    accounts: new Map(scenario.aws.accounts.map((account) => [account.accountId, account])),
    buckets,
    externalBuckets: new Map(scenario.aws.externalBuckets.map((bucket) => [bucket.name, bucket.region])),
  };
}
