import type {
  CollectorContext,
  CoverageGapRecord,
  EvidenceRecord,
  TargetConnection,
} from '../../src/kit/model';
import { connectTarget } from '../../src/cloud/connect';
import type { ConnectOptions } from '../../src/cloud/connect-options';
import { createSimulator, loadScenario, type Simulator } from '../../src/cloud/sim';
import { registry } from '../../src/services';

/** A CollectorContext that keeps evidence and gaps in arrays, as the orchestrator would store them. */
export interface RecordingContext extends CollectorContext {
  evidence: (EvidenceRecord & { id: number })[];
  gaps: CoverageGapRecord[];
}

export function recordingContext(
  connection: TargetConnection,
  signal: AbortSignal = new AbortController().signal,
): RecordingContext {
  const evidence: (EvidenceRecord & { id: number })[] = [];
  const gaps: CoverageGapRecord[] = [];
  return {
    connection,
    region: 'global',
    signal,
    evidence,
    gaps,
    schedule: (call) => call(),
    record(record) {
      const id = evidence.length + 1;
      evidence.push({ ...record, id });
      return id;
    },
    gap(gap) {
      gaps.push(gap);
    },
  };
}

/** A simulator from a partial scenario object (defaults fill the rest). */
export function simulatorFor(scenario: unknown): Simulator {
  return createSimulator(loadScenario(scenario, 'test scenario'));
}

/** Connects to the scenario's first target of a provider. */
export async function connectFirst(
  simulator: Simulator,
  provider: 'aws' | 'azure',
  options: Partial<ConnectOptions> = {},
): Promise<TargetConnection> {
  const target = simulator.targets().find((each) => each.provider === provider);
  if (!target) throw new Error(`the scenario has no ${provider} target`);
  return connectTarget(target, { simulator, operations: registry.operations(), ...options });
}

export const accountId = '111122223333';
export const subscriptionId = '00000000-1111-4222-8333-444455556666';
export const tenantId = '99999999-8888-4777-8666-555544443333';

export const tlsOnlyPolicy = (bucket: string) => ({
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    },
  ],
});

export const fullBlock = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

/** A scenario object with the required name and description; loadScenario validates the rest. */
export function scenario(input: Record<string, unknown>): unknown {
  return { name: 'test', description: 'a test scenario', ...input };
}
