import type { z } from 'zod';
import { DeskError, isDeskError, messageOf } from '../errors';
import { contract, type ApiResult, type OperationName, type OpOutput } from './contract';
import { FieldError } from './field-error';
import { handlers } from './handlers';
import type { DeskSession } from './session';

export function isOperationName(name: string): name is OperationName {
  return Object.hasOwn(contract, name);
}

function validationError(issues: z.core.$ZodIssue[]): ApiResult<never> {
  const first = issues[0];
  const field = first && first.path.length > 0 ? first.path.map(String).join('.') : undefined;
  const message = first ? `${field ? `${field}: ` : ''}${first.message}` : 'invalid input';
  return { ok: false, error: { code: 'VALIDATION', message, ...(field ? { field } : {}) } };
}

/**
 * The single entry point of every front door: validates the input against the contract, runs the
 * handler, and turns anything thrown into an error result. It never throws.
 */
export async function dispatch(
  session: DeskSession,
  op: string,
  rawInput: unknown,
): Promise<ApiResult<unknown>> {
  if (!isOperationName(op)) {
    return { ok: false, error: { code: 'VALIDATION', message: `Unknown operation '${op}'.` } };
  }
  const def = contract[op];
  const parsed = def.input.safeParse(rawInput ?? {});
  if (!parsed.success) return validationError(parsed.error.issues);
  try {
    const handler = handlers[op] as (input: unknown, session: DeskSession) => unknown;
    const value = await handler(parsed.data, session);
    const out = def.output.safeParse(value);
    if (!out.success) {
      console.error(
        `[api] ${op} returned a value that does not match its contract`,
        out.error.issues.slice(0, 3),
      );
      return {
        ok: false,
        error: { code: 'INTERNAL', message: `Internal error: ${op} produced an invalid result.` },
      };
    }
    return { ok: true, value: out.data };
  } catch (err) {
    if (isDeskError(err)) {
      return {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err instanceof FieldError ? { field: err.field } : {}),
        },
      };
    }
    console.error(`[api] ${op} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: `Internal error in ${op}: ${messageOf(err)}` } };
  }
}

/** For Node callers (CLI, tests): the typed value, or a thrown DeskError. */
export async function callOperation<K extends OperationName>(
  session: DeskSession,
  op: K,
  input: unknown,
): Promise<OpOutput<K>> {
  const result = await dispatch(session, op, input);
  if (!result.ok) throw new DeskError(result.error.code, result.error.message);
  return result.value as OpOutput<K>;
}
