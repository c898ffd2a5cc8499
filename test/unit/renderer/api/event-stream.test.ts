import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeskEvent } from '../../../../src/api/contract';
import { openEventStream, SseParser } from '../../../../renderer/src/api/event-stream';

const encoder = new TextEncoder();
const bytes = (text: string) => encoder.encode(text);

const changed: DeskEvent = { type: 'workspace.changed', path: '/home/dana/northwind.phiaudit' };
const progress: DeskEvent = {
  type: 'job.progress',
  jobId: 'job-1',
  kind: 'assess',
  phase: 'collect',
  done: 3,
  total: 12,
  message: 'Reading S3 buckets in us-east-1…',
};

const frame = (event: DeskEvent) => `data: ${JSON.stringify(event)}\n\n`;

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('SseParser', () => {
  it('returns the event of a complete data block', () => {
    expect(new SseParser().push(bytes(frame(changed)))).toEqual([changed]);
  });

  it('buffers a partial chunk until the rest of the event arrives', () => {
    const parser = new SseParser();
    const text = frame(progress);
    expect(parser.push(bytes(text.slice(0, 25)))).toEqual([]);
    expect(parser.push(bytes(text.slice(25, -1)))).toEqual([]);
    expect(parser.push(bytes(text.slice(-1)))).toEqual([progress]);
  });

  it('decodes a character whose bytes are split across two chunks', () => {
    const parser = new SseParser();
    const all = bytes(frame(progress));
    // The UTF-8 bytes of "…" at the end of the message: cut through the middle of them.
    const ellipsis = all.indexOf(0xe2);
    expect(ellipsis).toBeGreaterThan(0);
    expect(parser.push(all.slice(0, ellipsis + 1))).toEqual([]);
    expect(parser.push(all.slice(ellipsis + 1))).toEqual([progress]);
  });

  it('returns every event a chunk completes, in order, and keeps the incomplete rest', () => {
    const parser = new SseParser();
    const next = frame({ ...changed, path: null });
    expect(parser.push(bytes(frame(changed) + frame(progress) + next.slice(0, 10)))).toEqual([
      changed,
      progress,
    ]);
    expect(parser.push(bytes(next.slice(10)))).toEqual([{ ...changed, path: null }]);
  });

  it('accepts CRLF line endings, "data:" without a space and data split over several lines', () => {
    const parser = new SseParser();
    const chunk = 'data:{"type":"workspace.changed",\r\ndata: "path":null}\r\n\r\n';
    expect(parser.push(bytes(chunk))).toEqual([{ type: 'workspace.changed', path: null }]);
  });

  it('ignores comment blocks (connected, keep-alive) and fields other than data', () => {
    const parser = new SseParser();
    const chunk = `: connected\n\n: keep-alive\n\nevent: desk\nid: 7\n${frame(changed)}`;
    expect(parser.push(bytes(chunk))).toEqual([changed]);
  });

  it('drops a malformed event, reports it on the console, and goes on with the next one', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const parser = new SseParser();
    const chunk = `data: {"type": "workspace.chan\n\ndata: {"no":"type"}\n\n${frame(changed)}`;
    expect(parser.push(bytes(chunk))).toEqual([changed]);
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[1]?.[1])).toContain('Unexpected event from the server');
  });
});

/** A fetch Response whose body yields the chunks, then ends (the connection dropped). */
function streamResponse(chunks: string[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const c of chunks) controller.enqueue(bytes(c));
      controller.close();
    },
  });
  return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
}

describe('openEventStream', () => {
  it('sends the token, delivers events split across chunks, and reconnects after a drop', async () => {
    const text = frame(progress);
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValueOnce(streamResponse([': connected\n\n', text.slice(0, 30), text.slice(30)]))
      .mockResolvedValueOnce(streamResponse([frame(changed)]))
      .mockImplementation(() => new Promise<Response>(() => {}));
    vi.stubGlobal('fetch', fetchMock);
    const events: DeskEvent[] = [];
    const onRefused = vi.fn();
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    const stop = openEventStream({
      url: 'http://127.0.0.1:41234/api/events',
      headers: { authorization: 'Bearer launch-token' },
      onEvent: (e) => events.push(e),
      onRefused,
      initialDelayMs: 1,
    });
    await vi.waitFor(() => expect(events).toEqual([progress, changed]));
    stop();

    expect(fetchMock.mock.calls[0]?.[0]).toBe('http://127.0.0.1:41234/api/events');
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toEqual({ authorization: 'Bearer launch-token' });
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('reports a refused stream (wrong token) once, with the server’s message, and does not retry', async () => {
    const fetchMock = vi
      .fn<typeof fetch>()
      .mockResolvedValue(
        Response.json(
          { ok: false, error: { code: 'ACCESS_DENIED', message: 'Wrong session token.' } },
          { status: 401 },
        ),
      );
    vi.stubGlobal('fetch', fetchMock);
    const onRefused = vi.fn();

    const stop = openEventStream({
      url: 'http://127.0.0.1:41234/api/events',
      headers: { authorization: 'Bearer stale' },
      onEvent: () => {},
      onRefused,
      initialDelayMs: 1,
    });
    await vi.waitFor(() => expect(onRefused).toHaveBeenCalledWith('Wrong session token.'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    stop();

    expect(onRefused).toHaveBeenCalledTimes(1);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});
