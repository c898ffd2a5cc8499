import { DeskError } from '../errors';
import { createSimulator, demoScenario, loadScenario, type Simulator } from '../cloud/sim';
import type { TargetSpec } from '../kit/model';

export type AssessmentSource =
  { kind: 'demo' } | { kind: 'scenario'; path: string } | { kind: 'live'; targets: TargetSpec[] };

export interface PreparedAssessment {
  targets: TargetSpec[];
  simulator?: Simulator;
  scenarioName?: string;
}

/** Turns what the user chose (demo, a scenario file, real targets) into targets and clients. */
export function prepareAssessment(source: AssessmentSource): PreparedAssessment {
  switch (source.kind) {
    case 'demo': {
      const simulator = createSimulator(demoScenario());
      return { targets: simulator.targets(), simulator, scenarioName: simulator.scenario.name };
    }
    case 'scenario': {
      const simulator = createSimulator(loadScenario(source.path));
      return { targets: simulator.targets(), simulator, scenarioName: simulator.scenario.name };
    }
    case 'live':
      if (source.targets.length === 0)
        throw new DeskError('BAD_INPUT', 'Add at least one AWS account or Azure subscription to assess.');
      return { targets: source.targets };
  }
}
