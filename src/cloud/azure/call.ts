import { isRestError } from '@azure/core-rest-pipeline';
import type { CollectorContext, GapReason } from '../../kit/model';
import { DeskError, isDeskError } from '../../errors';
import type { AzureArmResponse, AzureClientFactory } from './clients';

export interface AzureCallSpec {
  /** e.g. 'storage' */
  service: string;
  /** The REST operation id, e.g. 'StorageAccounts_List' */
  operation: string;
  /** 'global' for subscription-wide lists */
  region: string;
  /** The ARM path (placeholders filled) and the api-version to send */
  path: string;
  apiVersion: string;
  /** The resource the call is about, named in a coverage gap ("for vault nwv-kv-phi") */
  subject?: string;
  /** HTTP statuses that mean "not configured" (a normal answer, e.g. 404 for an absent child setting) */
  notConfiguredStatuses?: readonly number[];
  /** The JSON body of a POST query (queryAzure); absent for a GET */
  body?: unknown;
}

export interface AzureRecordedPage {
  body: unknown;
  evidenceId: number;
}

export type AzureCallResult =
  | { status: 'ok'; body: unknown; evidenceId: number }
  | { status: 'not_configured'; statusCode: number; evidenceId: number }
  | { status: 'gap'; reason: GapReason; errorCode: string; evidenceId: number };

export type AzureListResult =
  | { status: 'ok'; items: { item: unknown; evidenceId: number }[]; pages: AzureRecordedPage[] }
  /** Pages answered before the failure are kept: resources from them are still assessed. */
  | {
      status: 'gap';
      reason: GapReason;
      errorCode: string;
      items: { item: unknown; evidenceId: number }[];
      pages: AzureRecordedPage[];
    };

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

export function azureErrorShape(error: unknown, failed?: AzureArmResponse): AzureErrorShape {
  const fromBody = failed ? armError(failed.body) : {};
  const status = failed?.status ?? (isRestError(error) ? error.statusCode : undefined);
  const name = error instanceof Error ? error.name : 'Error';
  const restCode = isRestError(error) ? error.code : undefined;
  return {
    code:
      fromBody.code ??
      (failed ? `HTTP${failed.status}` : name === 'AbortError' ? 'AbortError' : (restCode ?? name)),
    message:
      fromBody.message ??
      (failed ? `HTTP ${failed.status}` : error instanceof Error ? error.message : String(error)),
    ...(status !== undefined ? { statusCode: status } : {}),
  };
}

type Exchange = { ok: true; response: AzureArmResponse } | { ok: false; error: unknown; path: string };

/** What evidence keeps of a request: method and path, plus the body of a POST query. */
function requestOf(spec: AzureCallSpec, path: string): Record<string, unknown> {
  return spec.body === undefined ? { method: 'GET', path } : { method: 'POST', path, body: spec.body };
}

/** One request within the run's limits, with the run's abort signal; transport errors come back as values. */
async function exchange(
  ctx: CollectorContext,
  send: (signal: AbortSignal) => Promise<AzureArmResponse>,
  path: string,
): Promise<Exchange> {
  try {
    return { ok: true, response: await ctx.schedule(() => send(ctx.signal)) };
  } catch (error) {
    if (ctx.signal.aborted || (isDeskError(error) && error.code === 'CANCELLED'))
      throw new DeskError('CANCELLED', 'The assessment was cancelled.', { cause: error });
    // A refused request is a bug in a collector, not a property of the cloud: never hide it as a gap.
    if (isDeskError(error) && error.code === 'READ_ONLY_VIOLATION') throw error;
    return { ok: false, error, path };
  }
}

function recordFailure(
  ctx: CollectorContext,
  spec: AzureCallSpec,
  failed: Exchange,
): { reason: GapReason; errorCode: string; evidenceId: number } {
  const response = failed.ok ? failed.response : undefined;
  const shape = azureErrorShape(failed.ok ? undefined : failed.error, response);
  const reason = classifyAzureError(shape);
  const evidenceId = ctx.record({
    service: spec.service,
    operation: spec.operation,
    region: spec.region,
    request: requestOf(spec, response?.path ?? (failed.ok ? spec.path : failed.path)),
    outcome: 'error',
    response: response?.body ?? shape,
    errorCode: shape.code,
    errorMessage: shape.message,
  });
  const subject = spec.subject ? ` for ${spec.subject}` : '';
  ctx.gap({
    service: spec.service,
    operation: spec.operation,
    region: spec.region,
    reason,
    message: `${spec.operation}${subject} failed${shape.statusCode ? ` (HTTP ${shape.statusCode})` : ''}: ${shape.code}: ${shape.message}`,
    evidenceId,
  });
  return { reason, errorCode: shape.code, evidenceId };
}

function recordOk(ctx: CollectorContext, spec: AzureCallSpec, response: AzureArmResponse): number {
  return ctx.record({
    service: spec.service,
    operation: spec.operation,
    region: spec.region,
    request: requestOf(spec, response.path),
    outcome: 'ok',
    response: response.body,
  });
}

/**
 * One ARM GET of a single resource or setting: records the answer as evidence and turns a failure
 * into a coverage gap (or "not configured" for the statuses the caller names).
 */
export async function getAzure(
  ctx: CollectorContext,
  clients: AzureClientFactory,
  spec: AzureCallSpec,
): Promise<AzureCallResult> {
  const answer = await exchange(
    ctx,
    (signal) => clients.armGet(spec.path, spec.apiVersion, signal),
    spec.path,
  );
  if (answer.ok && answer.response.status < 400)
    return { status: 'ok', body: answer.response.body, evidenceId: recordOk(ctx, spec, answer.response) };
  if (answer.ok && spec.notConfiguredStatuses?.includes(answer.response.status)) {
    const evidenceId = ctx.record({
      service: spec.service,
      operation: spec.operation,
      region: spec.region,
      request: { method: 'GET', path: answer.response.path },
      outcome: 'ok',
      response: { notConfigured: true, status: answer.response.status, body: answer.response.body },
    });
    return { status: 'not_configured', statusCode: answer.response.status, evidenceId };
  }
  return { status: 'gap', ...recordFailure(ctx, spec, answer) };
}

/**
 * Every page of an ARM list (following nextLink), each page recorded as evidence; a failed page is
 * a coverage gap, and the items of the pages before it are still returned.
 */
export async function listAzure(
  ctx: CollectorContext,
  clients: AzureClientFactory,
  spec: AzureCallSpec,
): Promise<AzureListResult> {
  const items: { item: unknown; evidenceId: number }[] = [];
  const pages: AzureRecordedPage[] = [];
  let next: string | undefined;
  let first = true;
  while (first || next) {
    const link = next;
    const answer = await exchange(
      ctx,
      (signal) =>
        link === undefined
          ? clients.armGet(spec.path, spec.apiVersion, signal)
          : clients.armGetUrl(link, signal),
      link ?? spec.path,
    );
    first = false;
    if (!answer.ok || answer.response.status >= 400)
      return { status: 'gap', ...recordFailure(ctx, spec, answer), items, pages };
    const evidenceId = recordOk(ctx, spec, answer.response);
    const body = answer.response.body as { value?: unknown; nextLink?: unknown } | null;
    pages.push({ body, evidenceId });
    for (const item of Array.isArray(body?.value) ? body.value : []) items.push({ item, evidenceId });
    next = typeof body?.nextLink === 'string' && body.nextLink !== '' ? body.nextLink : undefined;
  }
  return { status: 'ok', items, pages };
}

/**
 * Every page of an ARM POST query that pages in its body, as Resource Graph does: the answer's
 * `$skipToken` goes back as `options.$skipToken` with the same query and scopes, and the rows are
 * the answer's `data` (objectArray format). Each page is recorded as evidence with the body sent;
 * a failed page is a coverage gap, and the rows of the pages before it are still returned.
 */
export async function queryAzure(
  ctx: CollectorContext,
  clients: AzureClientFactory,
  spec: AzureCallSpec & { body: Record<string, unknown> },
): Promise<AzureListResult> {
  const items: { item: unknown; evidenceId: number }[] = [];
  const pages: AzureRecordedPage[] = [];
  const options = (spec.body.options ?? {}) as Record<string, unknown>;
  let skipToken: string | undefined;
  do {
    const body = skipToken ? { ...spec.body, options: { ...options, $skipToken: skipToken } } : spec.body;
    const pageSpec = { ...spec, body };
    const answer = await exchange(
      ctx,
      (signal) => clients.armPost(spec.path, spec.apiVersion, body, signal),
      spec.path,
    );
    if (!answer.ok || answer.response.status >= 400)
      return { status: 'gap', ...recordFailure(ctx, pageSpec, answer), items, pages };
    const evidenceId = recordOk(ctx, pageSpec, answer.response);
    const page = answer.response.body as { data?: unknown; $skipToken?: unknown } | null;
    pages.push({ body: page, evidenceId });
    for (const item of Array.isArray(page?.data) ? page.data : []) items.push({ item, evidenceId });
    const next = page?.$skipToken;
    skipToken = typeof next === 'string' && next !== '' && next !== skipToken ? next : undefined;
  } while (skipToken);
  return { status: 'ok', items, pages };
}
