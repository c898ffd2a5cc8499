import demoJson from './scenarios/demo.json' with { type: 'json' };
import { loadScenario, type Scenario } from './scenario';

/**
 * The bundled demo scenario. Imported rather than read from disk, so esbuild inlines it into
 * dist/cli.mjs and it is found the same way from src (vitest) and from the bundle.
 */
export function demoScenario(): Scenario {
  return loadScenario(demoJson as unknown, 'demo.json');
}
