/**
 * Rule fixtures, the shape every service's fixtures.ts fills: a table of passing, failing and
 * not-applicable resources per rule id. describeService (test/support/describe-service.ts) runs
 * them and demands a pass and a fail case for every rule.
 */
import type { NormalizedResource, RuleContext } from './model';
import { DEFAULT_PHI_URL_PATHS } from './paths';

export interface FixtureCase {
  name: string;
  resource: NormalizedResource;
  /** Overrides of the default ruleContext(). */
  context?: Partial<RuleContext>;
  /** What the detail message must say (substring or pattern). */
  detail: string | RegExp;
}

/** Every rule has at least one pass and one fail case; notApplicable covers gaps and scope. */
export interface RuleFixtureSet {
  pass: FixtureCase[];
  fail: FixtureCase[];
  notApplicable?: FixtureCase[];
}

export type ServiceFixtures = Record<string, RuleFixtureSet>;

/** Approved regions of the fixtures' engagement, AWS and Azure. */
export const FIXTURE_APPROVED_REGIONS = ['us-east-1', 'us-east-2', 'eastus', 'westus'];

export function ruleContext(overrides: Partial<RuleContext> = {}): RuleContext {
  return {
    approvedRegions: FIXTURE_APPROVED_REGIONS,
    phiTagKeys: ['phi', 'data-classification'],
    phiUrlPaths: DEFAULT_PHI_URL_PATHS,
    resources: [],
    ...overrides,
  };
}
