import type { ServiceModule } from '../service';
import { FaultInjector, SimCallCounter } from './faults';
import type { ScenarioAccountBase, ScenarioBase } from './scenario';

/** The scenario indexed for answering, plus the simulator's mutable state (call counts, fault hits). */
export interface SimWorld {
  scenario: ScenarioBase;
  services: readonly ServiceModule[];
  calls: SimCallCounter;
  faults: FaultInjector;
  accounts: ReadonlyMap<string, ScenarioAccountBase>;
  /** Each service's derived state (its sim.state()), by service id */
  state: ReadonlyMap<string, unknown>;
}

export function createWorld(scenario: ScenarioBase, services: readonly ServiceModule[]): SimWorld {
  return {
    scenario,
    services,
    calls: new SimCallCounter(),
    faults: new FaultInjector(scenario.faults),
    accounts: new Map(scenario.aws.accounts.map((account) => [account.accountId, account])),
    state: new Map(services.map((service) => [service.id, service.sim.state?.(scenario)])),
  };
}

/**
 * Builds an error without a stack trace: "not configured" answers are thrown for most resources,
 * and capturing a stack for each would cost the benchmark more than the SDK call itself.
 */
export function withoutStack<E extends Error>(build: () => E): E {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return build();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The SDK's service exception constructor shape (KMSServiceException, S3ServiceException, …). */
export type AwsServiceExceptionClass = new (options: {
  name: string;
  $fault: 'client' | 'server';
  $metadata: { httpStatusCode?: number; requestId?: string; extendedRequestId?: string };
  message?: string;
}) => Error;

/** An error of a service's own exception class, as the SDK's deserializer builds it for an error code. */
export function awsServiceError(
  Exception: AwsServiceExceptionClass,
  name: string,
  httpStatusCode: number,
  message: string,
): Error {
  const error = withoutStack(
    () =>
      new Exception({
        name,
        $fault: httpStatusCode >= 500 ? 'server' : 'client',
        $metadata: { httpStatusCode, requestId: 'SIMULATED' },
        message,
      }),
  );
  return Object.assign(error, { Code: name });
}

/**
 * One page of an AWS list whose token the simulator issues: an opaque base64url offset, as real
 * tokens are opaque. A token the simulator did not issue is refused as the service would.
 */
export function awsPage<T>(
  items: readonly T[],
  token: unknown,
  limit: number,
  invalidToken: () => Error,
): { page: T[]; next: string | undefined } {
  let start = 0;
  if (typeof token === 'string' && token !== '') {
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { at?: unknown };
      if (typeof parsed.at !== 'number' || !Number.isInteger(parsed.at) || parsed.at < 0)
        throw invalidToken();
      start = parsed.at;
    } catch {
      throw invalidToken();
    }
  }
  const page = items.slice(start, start + limit);
  const nextAt = start + limit;
  return {
    page,
    next:
      nextAt < items.length
        ? Buffer.from(JSON.stringify({ at: nextAt }), 'utf8').toString('base64url')
        : undefined,
  };
}
