import { isRestError } from '@azure/core-rest-pipeline';
import type { CollectorContext, GapReason } from '../../kit/model';
import { DeskError, isDeskError } from '../../errors';
import { createCallScope, type AzureCallScope, type AzureExchange } from './call-context';

export interface AzureCallSpec {
  /** e.g. 'storage' */
  service: string;
  /** The REST operation id, e.g. 'StorageAccounts_List' */
  operation: string;
  /** 'global' for subscription-wide lists */
  region: string;
  timeoutMs: number;
}

export interface AzureRecordedPage {
  body: unknown;
  evidenceId: number;
}

export type AzureCallResult<T> =
  | { status: 'ok'; value: T; pages: AzureRecordedPage[] }
  /** Pages answered before the failure are kept: resources from them are still assessed. */
  | { status: 'gap'; reason: GapReason; errorCode: string; pages: AzureRecordedPage[] };

interface AzureErrorShape {
  code: string;
  message: string;
  statusCode?: number;
}

const regionCodes = new Set([
  'LocationNotAvailableForResourceType',
  'DisallowedLocation',
  'NoRegisteredProviderFound',
  'LocationRequired',
]);

export function classifyAzureError(error: AzureErrorShape): GapReason {
  if (
    error.statusCode === 403 ||
    error.code === 'AuthorizationFailed' ||
    error.code === 'LinkedAuthorizationFailed'
  )
    return 'access_denied';
  if (
    error.statusCode === 401 ||
    error.code === 'InvalidAuthenticationToken' ||
    error.code === 'ExpiredAuthenticationToken'
  )
    return 'access_denied';
  if (error.statusCode === 429 || error.code === 'TooManyRequests' || error.code === 'RequestThrottled')
    return 'throttled';
  if (regionCodes.has(error.code)) return 'region_disabled';
  if (error.code === 'AbortError' || error.code === 'RequestTimeout' || error.statusCode === 408)
    return 'timeout';
  if (error.statusCode === 404 || error.code === 'SubscriptionNotFound' || error.code === 'ResourceNotFound')
    return 'not_found';
  return 'error';
}

/** The ARM error body's code and message ({ error: { code, message } }), the parts evidence keeps. */
function armError(body: unknown): { code?: string; message?: string } {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  return {
    ...(typeof error?.code === 'string' ? { code: error.code } : {}),
    ...(typeof error?.message === 'string' ? { message: error.message } : {}),
  };
}

export function azureErrorShape(error: unknown, failed: AzureExchange | undefined): AzureErrorShape {
  const fromBody = failed ? armError(failed.body) : {};
  const status = failed?.status ?? (isRestError(error) ? error.statusCode : undefined);
  const name = error instanceof Error ? error.name : 'Error';
  const restCode = isRestError(error) ? error.code : undefined;
  return {
    code: fromBody.code ?? (name === 'AbortError' ? 'AbortError' : (restCode ?? name)),
    message: fromBody.message ?? (error instanceof Error ? error.message : String(error)),
    ...(status !== undefined ? { statusCode: status } : {}),
  };
}

/**
 * The one way collectors call Azure: runs the operation (all its pages) through a client built
 * for the call scope, which carries the run's abort signal and timeout; records every ARM answer
 * as evidence, and turns a failure into a coverage gap. A timeout is an abort the run did not ask for.
 */
export async function callAzure<T>(
  ctx: CollectorContext,
  spec: AzureCallSpec,
  run: (scope: AzureCallScope) => Promise<T>,
): Promise<AzureCallResult<T>> {
  const scope = createCallScope(ctx.signal, spec.timeoutMs);
  const exchanges = scope.exchanges;
  const pages: AzureRecordedPage[] = [];
  const recordOk = (exchange: AzureExchange): void => {
    const evidenceId = ctx.record({
      service: spec.service,
      operation: spec.operation,
      region: spec.region,
      request: { method: exchange.method, path: exchange.path },
      outcome: 'ok',
      response: exchange.body,
    });
    pages.push({ body: exchange.body, evidenceId });
  };
  try {
    // The orchestrator's limiter bounds calls in flight; the pages of one list follow each other.
    const value = await ctx.schedule(() => run(scope));
    for (const exchange of exchanges) recordOk(exchange);
    return { status: 'ok', value, pages };
  } catch (error) {
    if (ctx.signal.aborted || (isDeskError(error) && error.code === 'CANCELLED'))
      throw new DeskError('CANCELLED', 'The assessment was cancelled.', { cause: error });
    if (isDeskError(error) && error.code === 'READ_ONLY_VIOLATION') throw error;
    const failed = exchanges.find((exchange) => exchange.status >= 400);
    for (const exchange of exchanges) if (exchange.status < 400) recordOk(exchange);
    const shape = azureErrorShape(error, failed);
    const reason = classifyAzureError(shape);
    const evidenceId = ctx.record({
      service: spec.service,
      operation: spec.operation,
      region: spec.region,
      request: failed ? { method: failed.method, path: failed.path } : { operation: spec.operation },
      outcome: 'error',
      response: failed?.body ?? shape,
      errorCode: shape.code,
      errorMessage: shape.message,
    });
    ctx.gap({
      service: spec.service,
      operation: spec.operation,
      region: spec.region,
      reason,
      message: `${spec.operation} failed${shape.statusCode ? ` (HTTP ${shape.statusCode})` : ''}: ${shape.code}: ${shape.message}`,
      evidenceId,
    });
    return { status: 'gap', reason, errorCode: shape.code, pages };
  }
}
