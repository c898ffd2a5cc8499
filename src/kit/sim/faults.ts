import type { ScenarioFault } from './scenario';

export type FailureKind = 'throttle' | 'access_denied' | 'region_disabled';

export interface SimCall {
  provider: 'aws' | 'azure';
  service: string;
  operation: string;
  region: string;
  /** AWS account id or Azure subscription id */
  account: string;
}

export interface FaultEffects {
  /** Total injected latency for this call */
  latencyMs: number;
  /** The first matching failure that still has hits left, if any */
  failure: { kind: FailureKind; fault: ScenarioFault } | null;
}

const normalizeOperation = (name: string): string => name.replace(/Command$/, '').toLowerCase();

function matches(fault: ScenarioFault, call: SimCall): boolean {
  if (fault.provider !== call.provider) return false;
  if (fault.service !== undefined && fault.service.toLowerCase() !== call.service.toLowerCase()) return false;
  if (
    fault.operation !== undefined &&
    normalizeOperation(fault.operation) !== normalizeOperation(call.operation)
  )
    return false;
  if (fault.region !== undefined && fault.region !== call.region) return false;
  if (fault.account !== undefined && fault.account.toLowerCase() !== call.account.toLowerCase()) return false;
  return true;
}

/**
 * Decides, call by call, which of the scenario's faults hit. A fault with `times` hits that many
 * matching calls (retries included: each attempt is a call) and then clears; without it, it never
 * clears.
 */
export class FaultInjector {
  private readonly hits: number[];

  constructor(private readonly faults: readonly ScenarioFault[]) {
    this.hits = faults.map(() => 0);
  }

  effectsFor(call: SimCall): FaultEffects {
    let latencyMs = 0;
    let failure: FaultEffects['failure'] = null;
    this.faults.forEach((fault, index) => {
      if (!matches(fault, call)) return;
      if (fault.times !== undefined && (this.hits[index] ?? 0) >= fault.times) return;
      if (fault.kind === 'latency') {
        latencyMs += fault.ms ?? 0;
        this.hits[index] = (this.hits[index] ?? 0) + 1;
        return;
      }
      if (failure) return;
      failure = { kind: fault.kind, fault };
      this.hits[index] = (this.hits[index] ?? 0) + 1;
    });
    return { latencyMs, failure };
  }
}

/** Calls the simulator answered (or refused), per provider/service/operation, so tests can see retries. */
export class SimCallCounter {
  private readonly counts = new Map<string, number>();

  increment(provider: string, service: string, operation: string): void {
    const key = `${provider}:${service}:${operation}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /** Calls to one operation, or to every operation of a service when `operation` is omitted. */
  count(provider: string, service: string, operation?: string): number {
    const prefix = `${provider}:${service}:`;
    let total = 0;
    for (const [key, value] of this.counts) {
      if (operation === undefined ? key.startsWith(prefix) : key === `${prefix}${operation}`) total += value;
    }
    return total;
  }

  total(): number {
    let total = 0;
    for (const value of this.counts.values()) total += value;
    return total;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}
