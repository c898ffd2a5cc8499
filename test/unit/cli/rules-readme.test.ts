import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { OpOutput } from '../../../src/api/contract';
import { ruleHandlers } from '../../../src/api/handlers/rules';
import { rulesMarkdown } from '../../../src/cli/commands/rules';
import { registry } from '../../../src/services';

// rules.list needs no workspace: the session is never read.
const list = ruleHandlers['rules.list']({}, undefined as never) as OpOutput<'rules.list'>;

describe('phi-audit rules', () => {
  it('lists every registered rule with its service, severity, citations and failure pattern', () => {
    expect(list.rules.map((rule) => rule.id)).toEqual(registry.rules.map((rule) => rule.id));
    for (const rule of list.rules) {
      expect(rule.citations.length).toBeGreaterThan(0);
      expect(rule.failurePattern.length).toBeGreaterThan(5);
      expect(registry.services.map((service) => service.id)).toContain(rule.service);
    }
    expect(list.rulesetVersion).toBe(registry.rulesetVersion);
  });

  it('keeps the README\'s "What is checked" table generated from the registry (npm run docs:rules)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../../README.md'), 'utf8');
    const section = /<!-- rules:begin -->\n\n([\s\S]*?)\n\n<!-- rules:end -->/.exec(readme)?.[1];
    expect(section, 'README.md has a rules:begin … rules:end section').toBeDefined();
    expect(section, 'the README rules table is stale: run npm run docs:rules').toBe(rulesMarkdown(list));
  });
});
