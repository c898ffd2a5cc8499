import type { ApiResult, DeskClient, OperationName, OpInput, OpOutput } from '../../../src/api/contract';
import { createHttpDeskClient } from './http-client';
import { takeSessionToken } from './session-token';

export type DeskConnection = { kind: 'ready'; client: DeskClient } | { kind: 'missing-token' };

/**
 * Guarantees the renderer's one promise about the API: `call` resolves to an ApiResult and never
 * rejects, whichever transport is underneath (an IPC failure in Electron becomes an error result).
 */
function neverRejects(client: DeskClient): DeskClient {
  return {
    transport: client.transport,
    ...(client.dialogs ? { dialogs: client.dialogs } : {}),
    subscribe: (listener) => client.subscribe(listener),
    async call<K extends OperationName>(op: K, input: OpInput<K>): Promise<ApiResult<OpOutput<K>>> {
      try {
        return await client.call(op, input);
      } catch (err) {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `${op} failed: ${err instanceof Error ? err.message : String(err)}`,
          },
        };
      }
    },
  };
}

/** window.desk when the Electron preload exposed it; otherwise the HTTP bridge of this origin. */
export function connectDesk(): DeskConnection {
  if (window.desk) return { kind: 'ready', client: neverRejects(window.desk) };
  const token = takeSessionToken();
  if (!token) return { kind: 'missing-token' };
  return {
    kind: 'ready',
    client: neverRejects(createHttpDeskClient({ baseUrl: window.location.origin, token })),
  };
}
