/** The simulated cloud's public API (ARCHITECTURE.md "The simulated cloud"). */
export { createSimulator, type Simulator } from './simulator';
export { loadScenario, scenarioSchema, formatPath, type Scenario, type ScenarioFault } from './scenario';
export { demoScenario } from './demo';
export { generateScenario, type GenerateScenarioOptions } from './generate';
export type { SimCallCounter } from './faults';
