/**
 * The simulated cloud's public API (ARCHITECTURE.md "The simulated cloud"), bound to the product's
 * service modules: the engine is src/kit/sim, each service's answers live in its folder.
 */
import type { GenerateScenarioOptions } from '../../kit/registry';
import type { ComposedScenario } from '../../kit/sim/scenario';
import type { Simulator } from '../../kit/sim/simulator';
import { registry, type services } from '../../services';

export type { Simulator } from '../../kit/sim/simulator';
export type { SimCallCounter } from '../../kit/sim/faults';
export type { ScenarioFault } from '../../kit/sim/scenario';
export { formatPath } from '../../kit/sim/scenario';
export type { GenerateScenarioOptions } from '../../kit/registry';

/** A scenario of the product's services, each account and subscription typed with their fields. */
export type Scenario = ComposedScenario<typeof services>;

export const scenarioSchema = registry.scenarioSchema;
export const loadScenario = registry.loadScenario as (
  pathOrObject: string | unknown,
  sourceName?: string,
) => Scenario;
export const createSimulator = registry.createSimulator as (scenarioOrPath: Scenario | string) => Simulator;
export const demoScenario = registry.demoScenario as () => Scenario;
export const generateScenario = registry.generateScenario as (options: GenerateScenarioOptions) => Scenario;
