import { describe, expect, it } from 'vitest';
import { abortableDelay, mapWithConcurrency } from '../../../src/cloud/limit';
import { DeskError } from '../../../src/errors';

describe('mapWithConcurrency', () => {
  it('keeps the order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3, 0], 2, async (value) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, value));
      running -= 1;
      return value * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(peak).toBe(2);
  });

  it('handles an empty list', async () => {
    expect(await mapWithConcurrency([], 4, async () => 1)).toEqual([]);
  });
});

describe('abortableDelay', () => {
  it('rejects with CANCELLED as soon as the signal aborts', async () => {
    const controller = new AbortController();
    const pending = abortableDelay(60_000, controller.signal);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(DeskError);
  });

  it('rejects with the error the caller builds', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(abortableDelay(10, controller.signal, () => new Error('AbortError'))).rejects.toThrow(
      'AbortError',
    );
  });
});
