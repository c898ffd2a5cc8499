import { DeskError } from '../errors';

/** Maps items with at most `limit` tasks in flight; results keep the input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let cursor = 0;
  const worker = async (): Promise<void> => {
    while (cursor < items.length) {
      const index = cursor;
      cursor += 1;
      results[index] = await task(items[index] as T, index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, () => worker());
  await Promise.all(workers);
  return results;
}

/**
 * Resolves after `ms`, or rejects as soon as the signal aborts: with CANCELLED by default, or with
 * the error `onAbort` builds (the simulator throws what a real transport throws, an AbortError).
 */
export function abortableDelay(
  ms: number,
  signal?: AbortSignal,
  abortError: () => Error = cancelled,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

function cancelled(): DeskError {
  return new DeskError('CANCELLED', 'The assessment was cancelled.');
}
