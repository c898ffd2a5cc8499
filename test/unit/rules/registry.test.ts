import { describe, expect, it } from 'vitest';
import { isKnownCitation } from '../../../src/catalog/security-rule';
import type { Severity } from '../../../src/kit/model';
import { failurePatterns } from '../../../src/kit/failure-patterns';
import { getRule, RULESET_VERSION, rules, rulesForType } from '../../../src/rules/registry';
import { ruleFixtures } from '../../fixtures/rules';

const ID_PATTERN = /^(aws|azure)(\.[a-z0-9]+(-[a-z0-9]+)*){2,}$/;
const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

describe('rule registry', () => {
  it('has rules, each id unique and kebab-dotted under its provider', () => {
    expect(rules.length).toBeGreaterThan(0);
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of rules) {
      expect(rule.id, rule.id).toMatch(ID_PATTERN);
      // aws.* rules judge aws.* resources, azure.* rules azure.* resources.
      expect(rule.resourceType.split('.')[0], rule.id).toBe(rule.id.split('.')[0]);
    }
  });

  it('cites only rows of the Security Rule catalog, without repeats', () => {
    for (const rule of rules) {
      expect(rule.citations.length, rule.id).toBeGreaterThan(0);
      expect(new Set(rule.citations).size, rule.id).toBe(rule.citations.length);
      for (const citation of rule.citations)
        expect(isKnownCitation(citation), `${rule.id}: ${citation}`).toBe(true);
    }
  });

  it('gives every rule complete metadata', () => {
    const patterns: string[] = Object.values(failurePatterns);
    for (const rule of rules) {
      expect(rule.title.length, rule.id).toBeGreaterThan(10);
      expect(rule.rationale.length, rule.id).toBeGreaterThan(200);
      expect(patterns, rule.id).toContain(rule.failurePattern);
      expect(rule.exposure, `${rule.id} declares its exposure`).toBeDefined();
      if (rule.severityWhenPhi)
        expect(severityRank[rule.severityWhenPhi], rule.id).toBeGreaterThanOrEqual(
          severityRank[rule.severity],
        );
      const { remediation } = rule;
      expect(remediation.text.length, rule.id).toBeGreaterThan(40);
      expect(remediation.terraform, rule.id).toBeTruthy();
      expect(remediation.cli, rule.id).toBeTruthy();
      if (rule.id.startsWith('aws.')) expect(remediation.cloudformation, rule.id).toBeTruthy();
      if (rule.id.startsWith('azure.')) expect(remediation.bicep, rule.id).toBeTruthy();
      // Each rationale explains the citations it carries.
      for (const citation of rule.citations)
        expect(rule.rationale, `${rule.id} explains ${citation}`).toContain(citation);
    }
  });

  it('has a passing and a failing fixture for every rule, and no fixture for an unknown rule', () => {
    for (const rule of rules) {
      const set = ruleFixtures[rule.id];
      expect(set, `fixtures for ${rule.id}`).toBeDefined();
      expect(set?.pass.length, `${rule.id} pass fixtures`).toBeGreaterThan(0);
      expect(set?.fail.length, `${rule.id} fail fixtures`).toBeGreaterThan(0);
      const cases = [...(set?.pass ?? []), ...(set?.fail ?? []), ...(set?.notApplicable ?? [])];
      for (const c of cases) expect(c.resource.type, `${rule.id}: ${c.name}`).toBe(rule.resourceType);
    }
    for (const id of Object.keys(ruleFixtures))
      expect(getRule(id), `fixture ${id} names a registered rule`).toBeDefined();
  });

  it('finds rules by id and by resource type', () => {
    expect(getRule('aws.s3.default-encryption')?.resourceType).toBe('aws.s3.bucket');
    expect(getRule('aws.s3.no-such-rule')).toBeUndefined();
    expect(rulesForType('aws.s3.bucket').every((r) => r.resourceType === 'aws.s3.bucket')).toBe(true);
    expect(rulesForType('aws.sqs.queue')).toEqual([]);
    const covered = new Set(rules.map((r) => r.resourceType));
    expect([...covered].reduce((n, type) => n + rulesForType(type).length, 0)).toBe(rules.length);
  });

  it('has a dated ruleset version', () => {
    expect(RULESET_VERSION).toMatch(/^20\d\d\.(1[0-2]|[1-9])\.\d+$/);
  });
});
