import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../src/kit/registry';
import demoOrganisation from '../../../src/kit/sim/demo-organisation.json' with { type: 'json' };
import { registry, RULESET_SERIES, services } from '../../../src/services';

const ID_PATTERN = /^(aws|azure)(\.[a-z0-9]+(-[a-z0-9]+)*){2,}$/;
const servicesDir = join(import.meta.dirname, '../../../src/services');

describe('the service registry', () => {
  it('lists every service folder under src/services/<provider>/<service>', () => {
    const folders = ['aws', 'azure'].flatMap((provider) =>
      readdirSync(join(servicesDir, provider))
        .filter((name) => statSync(join(servicesDir, provider, name)).isDirectory())
        .map((name) => `${provider}.${name}`),
    );
    expect(folders.length).toBeGreaterThan(0);
    expect(services.map((service) => service.id).sort()).toEqual(folders.sort());
  });

  it('derives collectors, rules and operations from the service list', () => {
    expect(registry.collectors.map((collector) => collector.id)).toEqual(
      services.map((service) => service.id),
    );
    expect(registry.rules.length).toBe(services.reduce((n, service) => n + service.rules.length, 0));
    const ids = registry.rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of registry.rules) {
      expect(rule.id, rule.id).toMatch(ID_PATTERN);
      expect(registry.getRule(rule.id)).toBe(rule);
      expect(registry.resourceType(rule.resourceType)?.service.rules).toContain(rule);
    }
    expect(registry.getRule('aws.s3.no-such-rule')).toBeUndefined();
    expect(registry.rulesForType('aws.nothing.here')).toEqual([]);
    for (const provider of ['aws', 'azure'] as const) {
      const operations = registry.operations(provider);
      expect(operations.length).toBeGreaterThan(0);
      expect(operations.every((op) => op.provider === provider)).toBe(true);
    }
  });

  it('has a ruleset version that changes whenever rule metadata changes', () => {
    expect(registry.rulesetVersion).toMatch(
      new RegExp(`^${RULESET_SERIES.replace('.', '\\.')}\\+[0-9a-f]{8}$`),
    );
    const same = createRegistry([...services], demoOrganisation, RULESET_SERIES);
    expect(same.rulesetVersion).toBe(registry.rulesetVersion);
    const [first, ...rest] = services;
    const retitled = {
      ...first,
      rules: first.rules.map((rule, index) =>
        index === 0 ? { ...rule, title: `${rule.title} (reworded)` } : rule,
      ),
    };
    const changed = createRegistry(
      [retitled, ...rest] as (typeof services)[number][],
      demoOrganisation,
      RULESET_SERIES,
    );
    expect(changed.rulesetVersion).not.toBe(registry.rulesetVersion);
    const recited = {
      ...first,
      rules: first.rules.map((rule, index) =>
        index === 0 ? { ...rule, citations: [...rule.citations, '164.312(b)'] } : rule,
      ),
    };
    expect(
      createRegistry([recited, ...rest] as (typeof services)[number][], demoOrganisation, RULESET_SERIES)
        .rulesetVersion,
    ).not.toBe(registry.rulesetVersion);
  });

  it('refuses a service listed twice and a rule id used twice', () => {
    const [first] = services;
    expect(() => createRegistry([first, first], demoOrganisation, 'x')).toThrow(/listed twice/);
  });

  it('composes the demo from the services’ fragments, each resource type present', () => {
    const demo = registry.demoScenario();
    const simulator = registry.createSimulator(demo);
    expect(simulator.targets().length).toBe(demo.aws.accounts.length + demo.azure.subscriptions.length);
  });
});
