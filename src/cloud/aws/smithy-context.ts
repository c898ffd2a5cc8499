import { SMITHY_CONTEXT_KEY, type HandlerExecutionContext } from '@smithy/types';

/** The abort signal the caller passed to client.send, which the SDK keeps in the smithy context for middleware. */
export function abortSignalOf(context: HandlerExecutionContext): AbortSignal | undefined {
  const smithy = context[SMITHY_CONTEXT_KEY] as { abortSignal?: unknown } | undefined;
  const signal = smithy?.abortSignal;
  return signal instanceof AbortSignal ? signal : undefined;
}
