import type { PipelinePolicy, PipelineRequest, PipelineResponse } from '@azure/core-rest-pipeline';

/** One HTTP exchange as the evidence stores it: the final answer after the pipeline's retries. */
export interface AzureExchange {
  method: string;
  /** Path and query, without the host (the host is the target's ARM endpoint). */
  path: string;
  status: number;
  body: unknown;
}

/**
 * One collector call (an operation and all its pages). The Azure SDK's pagers do not pass
 * per-call options (abort signal, onResponse) to the requests for the second and later pages, so
 * the scope travels as a pipeline policy of a client built for the call instead.
 */
export interface AzureCallScope {
  readonly signal: AbortSignal;
  readonly timeoutMs: number;
  /** Every ARM answer the call received, in order */
  readonly exchanges: AzureExchange[];
  readonly policy: PipelinePolicy;
}

export function parseBody(text: string | undefined): unknown {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return { text };
  }
}

function pathOf(request: PipelineRequest): string {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
}

export const azureCallScopePolicyName = 'phiAuditCallScope';

export function createCallScope(signal: AbortSignal, timeoutMs: number): AzureCallScope {
  const exchanges: AzureExchange[] = [];
  const policy: PipelinePolicy = {
    name: azureCallScopePolicyName,
    async sendRequest(request, next): Promise<PipelineResponse> {
      request.abortSignal = request.abortSignal
        ? AbortSignal.any([request.abortSignal as AbortSignal, signal])
        : signal;
      // Per attempt, like the AWS clients' requestTimeout.
      if (!request.timeout) request.timeout = timeoutMs;
      const response = await next(request);
      exchanges.push({
        method: request.method,
        path: pathOf(request),
        status: response.status,
        body: parseBody(response.bodyAsText ?? undefined),
      });
      return response;
    },
  };
  return { signal, timeoutMs, exchanges, policy };
}
