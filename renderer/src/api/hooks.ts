import { useCallback, useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import type {
  ApiError,
  ApiResult,
  DeskClient,
  DeskEvent,
  OperationName,
  OpInput,
  OpOutput,
} from '../../../src/api/contract';
import { useDeskContext } from './desk-context';
import { useReportError } from './error-display';

export function useDesk(): DeskClient {
  return useDeskContext().client;
}

export interface OperationState<T> {
  /** The last value received; kept while a reload is in flight so the screen does not flicker. */
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
  /** Replace the value locally (e.g. with the result of an action that returned it). */
  mutate(value: T): void;
}

export interface OperationOptions {
  /** false: do not call (e.g. no workspace open). Default true. */
  enabled?: boolean;
  /** false: ignore invalidations (static data such as app.info). Default true. */
  live?: boolean;
}

/**
 * Reads data: calls `op` with `input` on mount, when the input changes and whenever data is
 * invalidated. A failed call is shown by the global error display and returned in `error`.
 */
export function useOperation<K extends OperationName>(
  op: K,
  input: OpInput<K>,
  options: OperationOptions = {},
): OperationState<OpOutput<K>> {
  const { client, revision } = useDeskContext();
  const reportError = useReportError();
  const enabled = options.enabled ?? true;
  const liveRevision = (options.live ?? true) ? revision : 0;
  // Inputs are plain JSON; the serialized form is the dependency, so callers may pass literals.
  const inputKey = JSON.stringify(input ?? {});
  const [reloads, setReloads] = useState(0);
  const [state, setState] = useState<{
    data: OpOutput<K> | undefined;
    error: ApiError | null;
    loading: boolean;
  }>({
    data: undefined,
    error: null,
    loading: enabled,
  });

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    void client.call(op, JSON.parse(inputKey) as OpInput<K>).then((result) => {
      if (!current) return;
      if (result.ok) setState({ data: result.value, error: null, loading: false });
      else {
        setState((s) => ({ ...s, error: result.error, loading: false }));
        reportError(result.error);
      }
    });
    return () => {
      current = false;
    };
  }, [client, op, inputKey, enabled, liveRevision, reloads, reportError]);

  const reload = useCallback(() => setReloads((n) => n + 1), []);
  const mutate = useCallback(
    (value: OpOutput<K>) => setState({ data: value, error: null, loading: false }),
    [],
  );
  return { ...state, loading: enabled && state.loading, reload, mutate };
}

export interface ActionOptions {
  /**
   * Return true for errors the caller shows itself (typically a VALIDATION error with a `field`,
   * shown under that field); all others go to the global error display.
   */
  handlesError?: (error: ApiError) => boolean;
  /** false: a success does not reload the data on screen. Default true. */
  invalidates?: boolean;
}

export interface ActionState<K extends OperationName> {
  run(input: OpInput<K>): Promise<ApiResult<OpOutput<K>>>;
  pending: boolean;
  /** The error of the last run, if it failed. */
  error: ApiError | null;
  reset(): void;
}

/** Changes data: `run` calls `op` once; on success everything on screen is reloaded. */
export function useAction<K extends OperationName>(op: K, options: ActionOptions = {}): ActionState<K> {
  const { client, invalidate } = useDeskContext();
  const reportError = useReportError();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  // The latest callback, without making `run` change identity on every render.
  const handlesErrorRef = useRef(options.handlesError);
  useLayoutEffect(() => {
    handlesErrorRef.current = options.handlesError;
  });
  const invalidates = options.invalidates ?? true;

  const run = useCallback(
    async (input: OpInput<K>) => {
      setPending(true);
      setError(null);
      const result = await client.call(op, input);
      setPending(false);
      if (result.ok) {
        if (invalidates) invalidate();
      } else {
        setError(result.error);
        if (!(handlesErrorRef.current?.(result.error) ?? false)) reportError(result.error);
      }
      return result;
    },
    [client, op, invalidates, invalidate, reportError],
  );

  const reset = useCallback(() => setError(null), []);
  return { run, pending, error, reset };
}

type EventOfType<T extends DeskEvent['type']> = Extract<DeskEvent, { type: T }>;

/** Calls `listener` for every server event of `type` while the component is mounted. */
export function useDeskEvent<T extends DeskEvent['type']>(
  type: T,
  listener: (event: EventOfType<T>) => void,
): void {
  const { client } = useDeskContext();
  const onEvent = useEffectEvent((event: EventOfType<T>) => listener(event));
  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === type) onEvent(event as EventOfType<T>);
      }),
    [client, type],
  );
}
