/**
 * The test kit every service module gets for free (issue "Service modules"): call
 * `describeService(module, fixtures)` from the service's own <service>.test.ts. It checks the
 * module's metadata against the catalog, runs every rule's pass/fail fixtures, runs the collector
 * through the real SDK client against the service's demo fragment (every declared operation used,
 * nothing undeclared sent), turns AccessDenied on each operation into a coverage gap that never
 * yields a pass, and demands that the demo fails every rule beside a compliant twin.
 */
import { describe, expect, it } from 'vitest';
import { awsServiceEligibility } from '../../src/catalog/aws-eligible';
import { azureServiceByName } from '../../src/catalog/azure-services';
import { isKnownCitation } from '../../src/catalog/security-rule';
import { classifyPhi } from '../../src/assess/classify';
import { closeConnection, connectTarget } from '../../src/cloud/connect';
import { failurePatterns } from '../../src/kit/failure-patterns';
import { DEFAULT_PHI_URL_PATHS } from '../../src/kit/paths';
import { ruleContext, type FixtureCase, type ServiceFixtures } from '../../src/kit/fixtures';
import type {
  CollectorContext,
  CoverageGapRecord,
  EvidenceRecord,
  NormalizedResource,
  RuleStatus,
  Severity,
} from '../../src/kit/model';
import { createRegistry, type Registry } from '../../src/kit/registry';
import type { ServiceModule } from '../../src/kit/service';
import demoOrganisation from '../../src/kit/sim/demo-organisation.json' with { type: 'json' };
import type { ScenarioBase, ScenarioFault } from '../../src/kit/sim/scenario';
import { evaluateResources } from '../../src/rules/evaluate';

const severityRank: Record<Severity, number> = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };

export interface ServiceRun {
  resources: NormalizedResource[];
  evidence: EvidenceRecord[];
  gaps: CoverageGapRecord[];
}

/** A registry of this one service over the demo organisation's skeleton. */
export function serviceRegistry(module: ServiceModule): Registry {
  return createRegistry([module], demoOrganisation, 'test');
}

/** The service's demo fragment as a scenario, with the given faults instead of the demo's. */
export function serviceScenario(module: ServiceModule, faults: ScenarioFault[] = []): ScenarioBase {
  const registry = serviceRegistry(module);
  return { ...registry.demoScenario(), faults };
}

/**
 * Runs the service's collector against a scenario through the real SDK clients and the read-only
 * guard (allowing exactly the module's declared operations), like the orchestrator does.
 */
export async function collectService(module: ServiceModule, scenario: ScenarioBase): Promise<ServiceRun> {
  const registry = serviceRegistry(module);
  const simulator = registry.createSimulator(scenario);
  const run: ServiceRun = { resources: [], evidence: [], gaps: [] };
  const signal = new AbortController().signal;
  for (const target of simulator.targets()) {
    if (target.provider !== module.provider) continue;
    const connection = await connectTarget(target, {
      simulator,
      operations: module.declared,
      maxAttempts: 1,
    });
    try {
      const regions = module.scope === 'global' ? ['global'] : target.regions;
      for (const region of regions) {
        const ctx: CollectorContext = {
          connection,
          region,
          signal,
          schedule: (call) => call(),
          record: (evidence) => run.evidence.push(evidence),
          gap: (gap) => {
            run.gaps.push(gap);
          },
        };
        run.resources.push(...(await module.collector.collect(ctx)));
      }
    } finally {
      closeConnection(connection);
    }
  }
  return run;
}

/** Rule results of a run, classified with the demo engagement's PHI tags: key `${ruleId}|${nativeId}` → status. */
export function judge(
  module: ServiceModule,
  scenario: ScenarioBase,
  resources: readonly NormalizedResource[],
) {
  const phiTagKeys = scenario.engagement?.phiTagKeys ?? ['phi', 'data-classification'];
  const classified = resources.map((resource) => {
    const { phi, reason } = classifyPhi(resource, phiTagKeys);
    return { ...resource, phi, phiReason: reason };
  });
  const { findings, errors } = evaluateResources(
    classified,
    {
      approvedRegions: scenario.engagement?.approvedRegions ?? [],
      phiTagKeys,
      phiUrlPaths: DEFAULT_PHI_URL_PATHS,
      resources: classified,
    },
    module.rules,
  );
  expect(errors, 'no rule throws on collected resources').toEqual([]);
  return new Map(
    findings.map((finding) => [finding.key, { status: finding.status, detail: finding.detail }]),
  );
}

function expectDetail(detail: string, expected: string | RegExp): void {
  if (typeof expected === 'string') expect(detail).toContain(expected);
  else expect(detail).toMatch(expected);
}

function runCases(
  module: ServiceModule,
  ruleId: string,
  status: RuleStatus,
  cases: readonly FixtureCase[],
): void {
  for (const c of cases) {
    it(`${status}: ${c.name}`, () => {
      const rule = module.rules.find((each) => each.id === ruleId);
      if (!rule) throw new Error(`${ruleId} is not a rule of ${module.id}`);
      expect(c.resource.type).toBe(rule.resourceType);
      const result = rule.evaluate(c.resource, ruleContext(c.context));
      expect(result.status).toBe(status);
      expectDetail(result.detail, c.detail);
      // Every detail names the resource it judged.
      expect(result.detail).toContain(c.resource.name);
    });
  }
}

export function describeService(module: ServiceModule, fixtures: ServiceFixtures): void {
  describe(`service ${module.id}`, () => {
    it('is on the dated HIPAA list', () => {
      if (module.provider === 'aws') {
        const eligibility = awsServiceEligibility(module.hipaaListName);
        // An API that reads only account metadata (the tagging API, like IAM and STS) may be off the
        // list, when the catalog states that it holds no customer content.
        if (eligibility.status === 'not_listed')
          expect(eligibility.reason, `${module.hipaaListName} holds no customer content`).toMatch(
            /(no|not) customer content/,
          );
        else
          expect(eligibility.status, `${module.hipaaListName} on the AWS HIPAA eligible list`).toBe(
            'eligible',
          );
      } else {
        const listed = azureServiceByName(module.hipaaListName);
        expect(listed, `${module.hipaaListName} in the Azure service catalog`).toBeDefined();
        expect(listed?.namespaces).toContain(module.namespace);
      }
    });

    it('declares each operation once, and rules with complete metadata', () => {
      const names = module.operations.map((op) => op.name);
      expect(new Set(names).size, 'operation names are unique').toBe(names.length);
      expect(module.rules.length).toBeGreaterThan(0);
      const patterns: string[] = Object.values(failurePatterns);
      for (const rule of module.rules) {
        expect(rule.title.length, rule.id).toBeGreaterThan(10);
        expect(rule.rationale.length, rule.id).toBeGreaterThan(200);
        expect(patterns, rule.id).toContain(rule.failurePattern);
        expect(rule.exposure, `${rule.id} declares its exposure`).toBeDefined();
        expect(rule.citations.length, rule.id).toBeGreaterThan(0);
        expect(new Set(rule.citations).size, rule.id).toBe(rule.citations.length);
        for (const citation of rule.citations) {
          expect(isKnownCitation(citation), `${rule.id}: ${citation} is a catalog row`).toBe(true);
          expect(rule.rationale, `${rule.id} explains ${citation}`).toContain(citation);
        }
        if (rule.severityWhenPhi)
          expect(severityRank[rule.severityWhenPhi], rule.id).toBeGreaterThanOrEqual(
            severityRank[rule.severity],
          );
        const { remediation } = rule;
        expect(remediation.text.length, rule.id).toBeGreaterThan(40);
        expect(remediation.terraform, `${rule.id} Terraform`).toBeTruthy();
        expect(remediation.cli, `${rule.id} CLI`).toBeTruthy();
        if (module.provider === 'aws')
          expect(remediation.cloudformation, `${rule.id} CloudFormation`).toBeTruthy();
        else expect(remediation.bicep, `${rule.id} Bicep`).toBeTruthy();
      }
    });

    it('has a passing and a failing fixture for every rule, and none for another rule', () => {
      for (const rule of module.rules) {
        expect(fixtures[rule.id]?.pass.length ?? 0, `${rule.id} pass fixtures`).toBeGreaterThan(0);
        expect(fixtures[rule.id]?.fail.length ?? 0, `${rule.id} fail fixtures`).toBeGreaterThan(0);
      }
      const ids = new Set(module.rules.map((rule) => rule.id));
      for (const id of Object.keys(fixtures))
        expect(ids.has(id), `fixture ${id} names a rule of ${module.id}`).toBe(true);
    });

    for (const rule of module.rules) {
      describe(rule.id, () => {
        runCases(module, rule.id, 'pass', fixtures[rule.id]?.pass ?? []);
        runCases(module, rule.id, 'fail', fixtures[rule.id]?.fail ?? []);
        runCases(module, rule.id, 'not_applicable', fixtures[rule.id]?.notApplicable ?? []);
      });
    }

    it('collects through the real SDK client, using every declared operation and nothing else', async () => {
      const run = await collectService(module, serviceScenario(module));
      expect(run.gaps, 'no coverage gap without faults').toEqual([]);
      const used = new Set(run.evidence.map((each) => each.operation));
      expect([...used].sort()).toEqual(module.operations.map((op) => op.name).sort());
      expect(run.resources.length).toBeGreaterThan(0);
      const types = new Map(module.resources.map((resource) => [resource.type, resource]));
      for (const resource of run.resources) {
        const type = types.get(resource.type);
        expect(type, `${resource.type} is declared by ${module.id}`).toBeDefined();
        const parsed = type!.schema.safeParse(resource.properties);
        expect(parsed.success, `${resource.name}: ${parsed.error?.message ?? ''}`).toBe(true);
        expect(resource.evidenceIds.length, `${resource.name} names its evidence`).toBeGreaterThan(0);
      }
    });

    it('fails every rule in the demo at least once, beside a compliant twin', async () => {
      const scenario = serviceScenario(module);
      const results = judge(module, scenario, (await collectService(module, scenario)).resources);
      for (const rule of module.rules) {
        const statuses = [...results]
          .filter(([key]) => key.startsWith(`${rule.id}|`))
          .map(([, r]) => r.status);
        expect(statuses, `${rule.id} fails in the demo`).toContain('fail');
        expect(statuses, `${rule.id} passes in the demo`).toContain('pass');
      }
    });

    for (const operation of module.operations) {
      it(`turns AccessDenied on ${operation.name} into a coverage gap that never yields a pass`, async () => {
        const scenario = serviceScenario(module);
        const baseline = judge(module, scenario, (await collectService(module, scenario)).resources);
        const denied = serviceScenario(module, [
          {
            provider: module.provider,
            service: module.service,
            operation: operation.name,
            kind: 'access_denied',
          },
        ]);
        const run = await collectService(module, denied);
        const gaps = run.gaps.filter((gap) => gap.operation === operation.name);
        expect(gaps.length, `a gap for ${operation.name}`).toBeGreaterThan(0);
        for (const gap of gaps) expect(gap.reason).toBe('access_denied');
        for (const [key, result] of judge(module, denied, run.resources)) {
          const before = baseline.get(key);
          if (before && before.status === result.status && before.detail === result.detail) continue;
          // What changed may still fail on what was seen, or be "not assessed"; it may not pass.
          expect(result.status, `${key} passes under AccessDenied: ${result.detail}`).not.toBe('pass');
        }
      });
    }
  });
}
