import type { CollectorContext, GapReason } from '../../kit/model';
import { DeskError, isDeskError } from '../../errors';

export interface AwsCallSpec {
  /** e.g. 's3' */
  service: string;
  /** Operation name without the SDK suffix, e.g. 'GetBucketEncryption' */
  operation: string;
  region: string;
  /** The command input: stored as the evidence's request parameters. Never holds a secret. */
  request: Record<string, unknown>;
  /** Error codes that mean "this feature is not configured": a normal answer, not a coverage gap. */
  notConfigured?: readonly string[];
  /** The resource the call is about, named in a coverage gap ("GetBucketLogging for nwv-logs in …") */
  subject?: string;
  /**
   * An error that means "not configured" only by its message (Macie answers AccessDeniedException
   * both for "Macie is not enabled" and for a missing permission): tested after `notConfigured`.
   */
  notConfiguredWhen?: (code: string, message: string) => boolean;
  /**
   * Rewrites the answer before it is stored as evidence, for APIs that return secrets beside the
   * configuration (Lambda ListFunctions' environment variable values). The collector still gets
   * the full answer and must keep the secret out of the resource's properties too.
   */
  redact?: (body: Record<string, unknown>) => unknown;
}

export type AwsCallResult<O> =
  | { status: 'ok'; output: O; evidenceId: number }
  | { status: 'not_configured'; errorCode: string; evidenceId: number }
  | { status: 'gap'; reason: GapReason; errorCode: string; evidenceId: number };

interface AwsErrorShape {
  name: string;
  message: string;
  httpStatusCode?: number;
}

const accessDeniedCodes = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'UnauthorizedOperation',
  'AllAccessDisabled',
  'Forbidden',
]);
const throttlingCodes = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'SlowDown',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'LimitExceededException',
]);
/** What AWS answers in an opt-in region the account has not enabled: the token is valid elsewhere. */
const invalidTokenCodes = new Set([
  'InvalidToken',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'AuthFailure',
]);
const timeoutCodes = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException']);
const notFoundCodes = new Set([
  'NoSuchBucket',
  'NotFound',
  'NotFoundException',
  'NoSuchEntity',
  'ResourceNotFoundException',
]);

/**
 * Turns an SDK error (after the SDK's own retries) into a coverage-gap reason.
 * The home region's credentials were proven by GetCallerIdentity at connect time, so an invalid
 * token anywhere else means the region is not enabled for the account.
 */
export function classifyAwsError(error: AwsErrorShape, region: string, homeRegion: string): GapReason {
  const { name, httpStatusCode } = error;
  if (name === 'OptInRequired') return 'region_disabled';
  if (invalidTokenCodes.has(name)) return region === homeRegion ? 'access_denied' : 'region_disabled';
  if (accessDeniedCodes.has(name) || httpStatusCode === 403) return 'access_denied';
  if (throttlingCodes.has(name) || httpStatusCode === 429) return 'throttled';
  if (timeoutCodes.has(name) || /ETIMEDOUT|ESOCKETTIMEDOUT/.test(error.message)) return 'timeout';
  if (notFoundCodes.has(name) || httpStatusCode === 404) return 'not_found';
  return 'error';
}

/** The name, message and status of an SDK error: the only parts that go into evidence. */
export function awsErrorShape(error: unknown): AwsErrorShape {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as {
      name?: unknown;
      message?: unknown;
      code?: unknown;
      $metadata?: { httpStatusCode?: unknown };
    };
    const name =
      typeof candidate.name === 'string' && candidate.name !== 'Error'
        ? candidate.name
        : typeof candidate.code === 'string'
          ? candidate.code
          : 'Error';
    const status = candidate.$metadata?.httpStatusCode;
    return {
      name,
      message: typeof candidate.message === 'string' ? candidate.message : String(error),
      ...(typeof status === 'number' ? { httpStatusCode: status } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  if (signal.aborted) return true;
  if (isDeskError(error)) return error.code === 'CANCELLED';
  return false;
}

/** The response without the SDK's per-request $metadata (request ids), so identical answers hash identically. */
function responseBody<O extends object>(output: O): Omit<O, '$metadata'> {
  const { $metadata: _metadata, ...body } = output as O & { $metadata?: unknown };
  return body;
}

/**
 * The one way collectors call AWS: runs the SDK call with the run's abort signal, records the raw
 * answer (or error) as evidence, and turns errors into "not configured" facts or coverage gaps.
 */
export async function callAws<O extends object>(
  ctx: CollectorContext,
  spec: AwsCallSpec & { homeRegion: string },
  send: (abortSignal: AbortSignal) => Promise<O>,
): Promise<AwsCallResult<O>> {
  const base = {
    service: spec.service,
    operation: spec.operation,
    region: spec.region,
    request: spec.request,
  };
  let output: O;
  try {
    // The orchestrator's limiter bounds calls in flight (run, target, region, service).
    output = await ctx.schedule(() => send(ctx.signal), spec.region);
  } catch (error) {
    if (isAbort(error, ctx.signal))
      throw new DeskError('CANCELLED', 'The assessment was cancelled.', { cause: error });
    // A refused command is a bug in a collector, not a property of the cloud: never hide it as a gap.
    if (isDeskError(error) && error.code === 'READ_ONLY_VIOLATION') throw error;
    const shape = awsErrorShape(error);
    if (spec.notConfigured?.includes(shape.name) || spec.notConfiguredWhen?.(shape.name, shape.message)) {
      const evidenceId = ctx.record({
        ...base,
        outcome: 'ok',
        response: { notConfigured: true, errorCode: shape.name, message: shape.message },
        errorCode: shape.name,
        errorMessage: shape.message,
      });
      return { status: 'not_configured', errorCode: shape.name, evidenceId };
    }
    const reason = classifyAwsError(shape, spec.region, spec.homeRegion);
    const evidenceId = ctx.record({
      ...base,
      outcome: 'error',
      response: shape,
      errorCode: shape.name,
      errorMessage: shape.message,
    });
    const subject = spec.subject ? ` for ${spec.subject}` : '';
    ctx.gap({
      service: spec.service,
      operation: spec.operation,
      region: spec.region,
      reason,
      message: `${spec.operation}${subject} in ${spec.region} failed: ${shape.name}: ${shape.message}`,
      evidenceId,
    });
    return { status: 'gap', reason, errorCode: shape.name, evidenceId };
  }
  const body = responseBody(output) as Record<string, unknown>;
  const evidenceId = ctx.record({ ...base, outcome: 'ok', response: spec.redact ? spec.redact(body) : body });
  return { status: 'ok', output, evidenceId };
}
