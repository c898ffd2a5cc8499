import type { DeskEvent } from '../../../src/api/contract';

/** Splits a server-sent-events byte stream into the JSON payloads of its `data:` lines. */
export class SseParser {
  private buffer = '';
  private readonly decoder = new TextDecoder();

  /** Feeds one chunk; returns the complete events it finished. */
  push(chunk: Uint8Array): DeskEvent[] {
    this.buffer += this.decoder.decode(chunk, { stream: true });
    const events: DeskEvent[] = [];
    let boundary = /\r?\n\r?\n/.exec(this.buffer);
    while (boundary) {
      const block = this.buffer.slice(0, boundary.index);
      this.buffer = this.buffer.slice(boundary.index + boundary[0].length);
      try {
        const event = parseBlock(block);
        if (event) events.push(event);
      } catch (err) {
        // A malformed event is dropped, not fatal to the stream; it is a server bug worth seeing.
        console.error('[desk] ignored a malformed event:', err instanceof Error ? err.message : err);
      }
      boundary = /\r?\n\r?\n/.exec(this.buffer);
    }
    return events;
  }
}

function parseBlock(block: string): DeskEvent | null {
  const data = block
    .split(/\r?\n/)
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
    .join('\n');
  // Comment-only blocks (": connected", ": keep-alive") carry no data.
  if (data.length === 0) return null;
  const parsed: unknown = JSON.parse(data);
  if (
    typeof parsed !== 'object' ||
    parsed === null ||
    typeof (parsed as { type?: unknown }).type !== 'string'
  ) {
    throw new Error(`Unexpected event from the server: ${data.slice(0, 200)}`);
  }
  return parsed as DeskEvent;
}

export interface EventStreamOptions {
  url: string;
  headers: Record<string, string>;
  onEvent: (event: DeskEvent) => void;
  /** Called once when the server refuses the stream (wrong token): retrying cannot help. */
  onRefused: (message: string) => void;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

/**
 * Reads the bridge's event stream with fetch (EventSource cannot send the Authorization header)
 * and reconnects with exponential backoff when the connection drops. Returns a stop function.
 */
export function openEventStream(opts: EventStreamOptions): () => void {
  const controller = new AbortController();
  const { signal } = controller;
  const initialDelay = opts.initialDelayMs ?? 500;
  const maxDelay = opts.maxDelayMs ?? 15_000;

  const waitFor = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      });
    });

  async function readOnce(): Promise<'refused' | 'dropped'> {
    const res = await fetch(opts.url, { headers: opts.headers, signal, cache: 'no-store' });
    if (res.status === 401 || res.status === 403) {
      const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
      opts.onRefused(body?.error?.message ?? `The server refused the event stream (HTTP ${res.status}).`);
      return 'refused';
    }
    if (!res.ok || !res.body) throw new Error(`event stream: HTTP ${res.status}`);
    const reader = res.body.getReader();
    const parser = new SseParser();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return 'dropped';
      for (const event of parser.push(value)) opts.onEvent(event);
    }
  }

  void (async () => {
    let delay = initialDelay;
    while (!signal.aborted) {
      const startedAt = Date.now();
      try {
        if ((await readOnce()) === 'refused') return;
      } catch (err) {
        if (signal.aborted) return;
        // A dropped connection (server stopped, laptop asleep) is expected; say so once per attempt.
        console.warn(
          '[desk] event stream interrupted, reconnecting:',
          err instanceof Error ? err.message : err,
        );
      }
      // A connection that stayed up for a while resets the backoff.
      if (Date.now() - startedAt > maxDelay) delay = initialDelay;
      await waitFor(delay);
      delay = Math.min(delay * 2, maxDelay);
    }
  })();

  return () => controller.abort();
}
