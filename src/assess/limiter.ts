/**
 * Bounded concurrency for cloud API calls: one global budget plus per-key budgets (per target,
 * per region, per service), so a large organisation is collected as fast as the allowed
 * concurrency permits without hammering any one account, region or service.
 */

export interface Limits {
  /** calls in flight across the whole run */
  total: number;
  /** calls in flight per target (AWS account / Azure subscription) */
  perTarget: number;
  /** calls in flight per target and region */
  perRegion: number;
  /** calls in flight per target and service */
  perService: number;
}

export const DEFAULT_LIMITS: Limits = { total: 32, perTarget: 16, perRegion: 8, perService: 12 };

interface Waiter {
  keys: string[];
  start: () => void;
  reject: (err: unknown) => void;
  signal: AbortSignal | undefined;
}

export class CallLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly queue: Waiter[] = [];
  /**
   * One abort listener per signal, not one per waiting call: an AbortSignal's listener list is
   * scanned on every add and remove, so thousands of queued calls each adding their own made the
   * run quadratic (the organisation benchmark spent a third of its CPU there).
   */
  private readonly watched = new WeakSet<AbortSignal>();
  private readonly caps: (key: string) => number;
  /** the most calls ever in flight at once (reported by the benchmark) */
  peak = 0;
  private running = 0;

  constructor(private readonly limits: Limits) {
    this.caps = (key) => {
      if (key === '*') return limits.total;
      if (key.startsWith('t:')) return limits.perTarget;
      if (key.startsWith('r:')) return limits.perRegion;
      return limits.perService;
    };
  }

  get allowedConcurrency(): number {
    return this.limits.total;
  }

  static keysFor(targetKey: string, region: string, service: string): string[] {
    return ['*', `t:${targetKey}`, `r:${targetKey}:${region}`, `s:${targetKey}:${service}`];
  }

  private fits(keys: string[]): boolean {
    return keys.every((k) => (this.inFlight.get(k) ?? 0) < this.caps(k));
  }

  private acquire(keys: string[]): void {
    for (const k of keys) this.inFlight.set(k, (this.inFlight.get(k) ?? 0) + 1);
    this.running++;
    if (this.running > this.peak) this.peak = this.running;
  }

  private release(keys: string[]): void {
    for (const k of keys) this.inFlight.set(k, (this.inFlight.get(k) ?? 1) - 1);
    this.running--;
    this.drain();
  }

  private drain(): void {
    for (let i = 0; i < this.queue.length;) {
      // Every call needs a place in the total budget: when it is full, no waiter can start.
      if ((this.inFlight.get('*') ?? 0) >= this.limits.total) return;
      const w = this.queue[i]!;
      if (this.fits(w.keys)) {
        this.queue.splice(i, 1);
        this.acquire(w.keys);
        w.start();
      } else i++;
    }
  }

  /** On abort, every call still waiting with this signal is rejected with its reason. */
  private watch(signal: AbortSignal): void {
    if (this.watched.has(signal)) return;
    this.watched.add(signal);
    signal.addEventListener(
      'abort',
      () => {
        for (let i = this.queue.length - 1; i >= 0; i--) {
          const waiter = this.queue[i]!;
          if (waiter.signal !== signal) continue;
          this.queue.splice(i, 1);
          waiter.reject(signal.reason);
        }
      },
      { once: true },
    );
  }

  async run<T>(keys: string[], fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    if (!this.fits(keys) || this.queue.length > 0) {
      await new Promise<void>((resolve, reject) => {
        if (signal) this.watch(signal);
        this.queue.push({ keys, start: resolve, reject, signal });
        this.drain();
      });
    } else {
      this.acquire(keys);
    }
    try {
      return await fn();
    } finally {
      this.release(keys);
    }
  }
}
