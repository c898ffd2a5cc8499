import type {
  ApiError,
  ApiResult,
  DeskClient,
  DeskEvent,
  OperationName,
  OpInput,
  OpOutput,
} from '../../../src/api/contract';
import { openEventStream } from './event-stream';

export interface HttpDeskClientOptions {
  /** Origin of the HTTP bridge, e.g. http://127.0.0.1:41234 (same origin as the page). */
  baseUrl: string;
  /** The per-launch token from the launch URL. */
  token: string;
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function failure(code: ApiError['code'], message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } };
}

/**
 * DeskClient over the HTTP bridge (browser mode): `POST /api/call/<op>` for operations and a
 * streamed `GET /api/events` for events, both with the bearer token. It never throws: a network
 * failure or an unexpected reply becomes an error result like any other.
 */
export function createHttpDeskClient(opts: HttpDeskClientOptions): DeskClient {
  const headers = { authorization: `Bearer ${opts.token}` };
  const listeners = new Set<(event: DeskEvent) => void>();
  let stopStream: (() => void) | null = null;

  function dispatchEvent(event: DeskEvent): void {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (err) {
        // One faulty listener must not starve the others; surface it to the global error display.
        queueMicrotask(() => {
          throw err;
        });
      }
    }
  }

  async function call<K extends OperationName>(op: K, input: OpInput<K>): Promise<ApiResult<OpOutput<K>>> {
    let res: Response;
    try {
      res = await fetch(`${opts.baseUrl}/api/call/${op}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
        cache: 'no-store',
      });
    } catch (err) {
      return failure(
        'INTERNAL',
        `Cannot reach the PHI Audit Desk server (${err instanceof Error ? err.message : String(err)}). Is \`phi-audit ui\` still running?`,
      );
    }
    const body: unknown = await res.json().catch(() => null);
    if (isApiResult(body)) return body as ApiResult<OpOutput<K>>;
    return failure(
      res.status === 401 ? 'ACCESS_DENIED' : 'INTERNAL',
      `The server answered ${op} with HTTP ${res.status} and no result.`,
    );
  }

  return {
    transport: 'browser',
    call,
    subscribe(listener) {
      listeners.add(listener);
      stopStream ??= openEventStream({
        url: `${opts.baseUrl}/api/events`,
        headers,
        onEvent: dispatchEvent,
        onRefused: (message) => console.error(`[desk] ${message}`),
      });
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stopStream) {
          stopStream();
          stopStream = null;
        }
      };
    },
  };
}
