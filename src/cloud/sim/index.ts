/**
 * The simulated cloud's public API (ARCHITECTURE.md "The simulated cloud"), bound to the product's
 * service modules: the engine is src/kit/sim, each service's answers live in its folder.
 */
import { registry } from '../../services';

export type { Simulator } from '../../kit/sim/simulator';
export type { SimCallCounter } from '../../kit/sim/faults';
export type { ScenarioBase as Scenario, ScenarioFault } from '../../kit/sim/scenario';
export { formatPath } from '../../kit/sim/scenario';
export type { GenerateScenarioOptions } from '../../kit/registry';

export const scenarioSchema = registry.scenarioSchema;
export const loadScenario = registry.loadScenario;
export const createSimulator = registry.createSimulator;
export const demoScenario = registry.demoScenario;
export const generateScenario = registry.generateScenario;
