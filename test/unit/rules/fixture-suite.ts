import { describe, expect, it } from 'vitest';
import type { RuleStatus } from '../../../src/kit/model';
import { getRule } from '../../../src/rules/registry';
import { ruleContext, ruleFixtures, type FixtureCase } from '../../fixtures/rules';

function expectDetail(detail: string, expected: string | RegExp): void {
  if (typeof expected === 'string') expect(detail).toContain(expected);
  else expect(detail).toMatch(expected);
}

function runCases(ruleId: string, status: RuleStatus, cases: FixtureCase[]): void {
  for (const c of cases) {
    it(`${status}: ${c.name}`, () => {
      const rule = getRule(ruleId);
      if (!rule) throw new Error(`${ruleId} is not registered`);
      const result = rule.evaluate(c.resource, ruleContext(c.context));
      expect(result.status).toBe(status);
      expectDetail(result.detail, c.detail);
      // Every detail names the resource it judged.
      expect(result.detail).toContain(c.resource.name);
    });
  }
}

/** One describe block per rule, running its fixture table from test/fixtures/rules. */
export function describeRuleFixtures(ruleId: string): void {
  describe(ruleId, () => {
    const set = ruleFixtures[ruleId];
    if (!set) throw new Error(`no fixtures for ${ruleId}`);
    runCases(ruleId, 'pass', set.pass);
    runCases(ruleId, 'fail', set.fail);
    runCases(ruleId, 'not_applicable', set.notApplicable ?? []);
  });
}
