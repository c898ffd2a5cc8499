/**
 * Everything derived from the service list (src/services/index.ts): collectors, rules, resource
 * types, declared operations (for the read-only guards and the access kit), the scenario schema,
 * the demo organisation and the benchmark generator. Knows no service by name.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { DeskError } from '../errors';
import type { Collector, DeclaredOperation, Provider, Severity } from './model';
import type { ResourceType } from './resource';
import type { Exposure, Rule } from './rule';
import type { ServiceModule } from './service';
import { composeDemo, seededRandom, serviceSeed } from './sim/compose';
import { composeScenarioSchema, parseScenario, type ScenarioBase } from './sim/scenario';
import { createServiceSimulator, type Simulator } from './sim/simulator';

/** The 17 AWS commercial regions enabled by default in every account (no opt-in needed). */
export const defaultAwsRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'eu-central-1',
  'eu-north-1',
  'ap-south-1',
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-southeast-1',
  'ap-southeast-2',
  'sa-east-1',
] as const;

export interface GenerateScenarioOptions {
  awsAccounts: number;
  /** How many of defaultAwsRegions each account uses, or the region names */
  regions: number | readonly string[];
  /** Resources of each regional AWS service per account and region (each service scales it to its kind) */
  perRegion: number;
  azureSubscriptions: number;
  /** Resources of each Azure service per subscription */
  perSubscription: number;
  /** Latency added to every simulated call (AWS and Azure) */
  latencyMs: number;
  /** Same seed, same organisation */
  seed: number;
  /** Only these service ids (default every service) */
  services?: readonly string[];
}

export interface RuleMetadata {
  id: string;
  service: string;
  provider: Provider;
  title: string;
  severity: Severity;
  severityWhenPhi: Severity | null;
  exposure: Exposure;
  resourceType: string;
  citations: string[];
  failurePattern: string;
}

export interface Registry {
  readonly services: readonly ServiceModule[];
  readonly collectors: readonly Collector[];
  readonly rules: readonly Rule[];
  /** Changes whenever any rule's metadata changes: recorded on every run and package. */
  readonly rulesetVersion: string;
  getRule(id: string): Rule | undefined;
  /** Rules that judge a resource type, in registry order; empty for a type no rule covers. */
  rulesForType(type: string): readonly Rule[];
  /** Every resource type a collector produces, with its service. */
  resourceType(type: string): (ResourceType & { service: ServiceModule }) | undefined;
  serviceOfRule(ruleId: string): ServiceModule | undefined;
  /** The declared operations of every service (of one provider), without duplicates. */
  operations(provider?: Provider): DeclaredOperation[];
  ruleMetadata(): RuleMetadata[];
  readonly scenarioSchema: z.ZodType<ScenarioBase>;
  loadScenario(pathOrObject: string | unknown, sourceName?: string): ScenarioBase;
  demoScenario(): ScenarioBase;
  generateScenario(options: GenerateScenarioOptions): ScenarioBase;
  createSimulator(scenarioOrPath: ScenarioBase | string): Simulator;
}

/** The fields of a rule that a reader of a finding sees; the ruleset version hashes them. */
function metadataOf(
  rule: Rule,
  service: ServiceModule,
): RuleMetadata & { rationale: string; remediation: unknown } {
  return {
    id: rule.id,
    service: service.id,
    provider: service.provider,
    title: rule.title,
    severity: rule.severity,
    severityWhenPhi: rule.severityWhenPhi ?? null,
    exposure: rule.exposure ?? 'internal',
    resourceType: rule.resourceType,
    citations: [...rule.citations],
    failurePattern: rule.failurePattern,
    rationale: rule.rationale,
    remediation: rule.remediation,
  };
}

function count(value: number, what: string, max: number): number {
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new DeskError('BAD_INPUT', `${what} must be a whole number from 0 to ${max}, not ${value}.`);
  return value;
}

export function createRegistry(
  services: readonly ServiceModule[],
  demoSkeleton: Record<string, unknown>,
  rulesetSeries: string,
): Registry {
  const ids = new Set<string>();
  for (const service of services) {
    if (ids.has(service.id)) throw new Error(`Service ${service.id} is listed twice.`);
    ids.add(service.id);
  }
  const rules = Object.freeze(services.flatMap((service) => service.rules));
  const ruleIds = new Set<string>();
  for (const rule of rules) {
    if (ruleIds.has(rule.id)) throw new Error(`Rule id ${rule.id} is used twice.`);
    ruleIds.add(rule.id);
  }
  const byId = new Map(rules.map((rule) => [rule.id, rule]));
  const byType = new Map<string, Rule[]>();
  for (const rule of rules) byType.set(rule.resourceType, [...(byType.get(rule.resourceType) ?? []), rule]);
  const types = new Map<string, ResourceType & { service: ServiceModule }>();
  const ruleService = new Map<string, ServiceModule>();
  for (const service of services) {
    for (const resource of service.resources) types.set(resource.type, { ...resource, service });
    for (const rule of service.rules) ruleService.set(rule.id, service);
  }
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify(services.flatMap((service) => service.rules.map((rule) => metadataOf(rule, service)))),
    )
    .digest('hex')
    .slice(0, 8);

  const scenarioSchema = composeScenarioSchema({
    account: Object.assign({}, ...services.map((s) => (s.provider === 'aws' ? s.sim.account : {}))),
    organisation: Object.assign(
      {},
      ...services.map((s) => (s.provider === 'aws' ? (s.sim.organisation ?? {}) : {})),
    ),
    subscription: Object.assign(
      {},
      ...services.map((s) => (s.provider === 'azure' ? s.sim.subscription : {})),
    ),
    checks: services.flatMap((service) => (service.sim.check ? [service.sim.check] : [])),
  });
  const loadScenario = (pathOrObject: string | unknown, sourceName?: string) =>
    parseScenario(scenarioSchema, pathOrObject, sourceName);

  const registry: Registry = {
    services,
    collectors: services.map((service) => service.collector),
    rules,
    rulesetVersion: `${rulesetSeries}+${fingerprint}`,
    getRule: (id) => byId.get(id),
    rulesForType: (type) => byType.get(type) ?? [],
    resourceType: (type) => types.get(type),
    serviceOfRule: (ruleId) => ruleService.get(ruleId),
    operations(provider) {
      const seen = new Map<string, DeclaredOperation>();
      for (const service of services) {
        if (provider && service.provider !== provider) continue;
        for (const op of service.declared) {
          const key =
            op.provider === 'aws'
              ? `aws:${op.client}:${op.command}`
              : `azure:${op.method}:${op.path.toLowerCase()}`;
          seen.set(key, op);
        }
      }
      return [...seen.values()];
    },
    ruleMetadata: () =>
      services.flatMap((service) =>
        service.rules.map((rule) => {
          const { rationale: _rationale, remediation: _remediation, ...metadata } = metadataOf(rule, service);
          return metadata;
        }),
      ),
    scenarioSchema,
    loadScenario,
    demoScenario: () => loadScenario(composeDemo(demoSkeleton, services), 'demo.json'),
    generateScenario(options) {
      const random = seededRandom(options.seed);
      const chosen = services.filter((service) => !options.services || options.services.includes(service.id));
      const regions =
        typeof options.regions === 'number'
          ? defaultAwsRegions.slice(0, count(options.regions, 'regions', defaultAwsRegions.length))
          : [...options.regions];
      const perRegion = count(options.perRegion, 'perRegion', 1_000);
      const perSubscription = count(options.perSubscription, 'perSubscription', 5_000);
      const tag = (options.seed >>> 0).toString(36).slice(0, 6);
      const accountBase = ((options.seed >>> 0) % 800_000_000) * 1_000 + 100_000_000_000;
      const generators = new Map(
        chosen.map((service) => [service.id, seededRandom(serviceSeed(options.seed, service.id))]),
      );
      const accounts = Array.from({ length: count(options.awsAccounts, 'awsAccounts', 999) }, (_, index) => {
        const accountId = String(accountBase + index);
        const account: Record<string, unknown> = {
          accountId,
          label: `Generated account ${index + 1}`,
          regions,
        };
        for (const service of chosen) {
          if (service.provider !== 'aws' || !service.sim.generate) continue;
          Object.assign(
            account,
            service.sim.generate({
              index,
              accountId,
              partition: 'aws',
              regions,
              perRegion,
              tag,
              random: generators.get(service.id)!,
            }),
          );
        }
        return account;
      });
      const subscriptions = Array.from(
        { length: count(options.azureSubscriptions, 'azureSubscriptions', 999) },
        (_, index) => {
          const subscriptionId = `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-8${random.hex(3)}-${random.hex(12)}`;
          const subscription: Record<string, unknown> = {
            subscriptionId,
            tenantId: `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-9${random.hex(3)}-${random.hex(12)}`,
            label: `Generated subscription ${index + 1}`,
          };
          for (const service of chosen) {
            if (service.provider !== 'azure' || !service.sim.generate) continue;
            Object.assign(
              subscription,
              service.sim.generate({
                index,
                subscriptionId,
                count: perSubscription,
                tag,
                random: generators.get(service.id)!,
              }),
            );
          }
          return subscription;
        },
      );
      const latency =
        options.latencyMs > 0
          ? [
              { provider: 'aws' as const, kind: 'latency' as const, ms: options.latencyMs },
              { provider: 'azure' as const, kind: 'latency' as const, ms: options.latencyMs },
            ]
          : [];
      return loadScenario(
        {
          name: `Generated organisation (seed ${options.seed})`,
          description: `${options.awsAccounts} AWS accounts × ${regions.length} regions × ${perRegion} per region and service; ${options.azureSubscriptions} Azure subscriptions × ${perSubscription} per service; services: ${chosen.map((service) => service.id).join(', ')}.`,
          source: 'src/kit/registry.ts generateScenario (deterministic from the seed)',
          aws: { accounts },
          azure: { subscriptions },
          faults: latency,
        },
        'generated scenario',
      );
    },
    createSimulator: (scenarioOrPath) =>
      createServiceSimulator(
        typeof scenarioOrPath === 'string' ? loadScenario(scenarioOrPath) : scenarioOrPath,
        services,
      ),
  };
  return registry;
}
