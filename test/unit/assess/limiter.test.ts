import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { CallLimiter } from '../../../src/assess/limiter';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('CallLimiter', () => {
  it('never runs more calls at once than the total budget', async () => {
    const limiter = new CallLimiter({ total: 3, perTarget: 10, perRegion: 10, perService: 10 });
    let running = 0;
    let max = 0;
    const gates = Array.from({ length: 10 }, () => deferred());
    const calls = gates.map((g, i) =>
      limiter.run(CallLimiter.keysFor(`t${i % 5}`, 'us-east-1', 's3'), async () => {
        running++;
        max = Math.max(max, running);
        await g.promise;
        running--;
      }),
    );
    // release in order; each release lets a queued call start
    for (const g of gates) {
      await Promise.resolve();
      g.resolve();
      await new Promise((r) => setImmediate(r));
    }
    await Promise.all(calls);
    expect(max).toBe(3);
    expect(limiter.peak).toBe(3);
  });

  it('bounds one target while other targets keep going', async () => {
    const limiter = new CallLimiter({ total: 10, perTarget: 1, perRegion: 10, perService: 10 });
    const hold = deferred();
    const order: string[] = [];
    const a1 = limiter.run(CallLimiter.keysFor('a', 'r', 's'), async () => {
      order.push('a1');
      await hold.promise;
    });
    const a2 = limiter.run(CallLimiter.keysFor('a', 'r', 's'), async () => {
      order.push('a2');
    });
    const b1 = limiter.run(CallLimiter.keysFor('b', 'r', 's'), async () => {
      order.push('b1');
    });
    await b1;
    expect(order).toEqual(['a1', 'b1']);
    hold.resolve();
    await Promise.all([a1, a2]);
    expect(order).toEqual(['a1', 'b1', 'a2']);
  });

  it('rejects a queued call when the run is cancelled, and frees its place', async () => {
    const limiter = new CallLimiter({ total: 1, perTarget: 1, perRegion: 1, perService: 1 });
    const hold = deferred();
    const controller = new AbortController();
    const first = limiter.run(['*'], () => hold.promise);
    let ran = false;
    const queued = limiter.run(
      ['*'],
      async () => {
        ran = true;
      },
      controller.signal,
    );
    controller.abort(new Error('cancelled by the user'));
    await expect(queued).rejects.toThrow('cancelled by the user');
    hold.resolve();
    await first;
    expect(ran).toBe(false);
    await limiter.run(['*'], async () => undefined); // the budget is free again
  });

  it('thousands of queued calls share one abort listener, and cancelling rejects them all', async () => {
    const limiter = new CallLimiter({ total: 1, perTarget: 1, perRegion: 1, perService: 1 });
    const hold = deferred();
    const controller = new AbortController();
    const first = limiter.run(['*'], () => hold.promise, controller.signal);
    const queued = Array.from({ length: 5000 }, () =>
      limiter.run(['*'], async () => 'ran', controller.signal).catch((error: unknown) => error),
    );
    // An AbortSignal scans its listener list on every add: one per call made the run quadratic.
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(1);
    controller.abort(new Error('cancelled by the user'));
    const outcomes = await Promise.all(queued);
    expect(outcomes.every((each) => each instanceof Error && each.message === 'cancelled by the user')).toBe(
      true,
    );
    hold.resolve();
    await first;
  });

  it('releases its place when a call throws', async () => {
    const limiter = new CallLimiter({ total: 1, perTarget: 1, perRegion: 1, perService: 1 });
    await expect(limiter.run(['*'], () => Promise.reject(new Error('AccessDenied')))).rejects.toThrow(
      'AccessDenied',
    );
    await expect(limiter.run(['*'], async () => 'ok')).resolves.toBe('ok');
  });
});
