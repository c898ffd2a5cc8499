import type { ApiError } from '../../../src/api/contract';

/**
 * The form field an API error is about, and the message to show under it. A VALIDATION error from
 * the contract names its field (`approvedRegions.2`, message `approvedRegions.2: ...`); checks made
 * inside a handler only prefix the message with the field name, so that is read too.
 */
export interface FieldError<F extends string> {
  field: F;
  message: string;
  /** For a list field: the position of the bad item (`approvedRegions.2` → 2). */
  index?: number;
}

export function fieldErrorOf<F extends string>(
  error: ApiError | null,
  fields: readonly F[],
): FieldError<F> | null {
  if (!error || (error.code !== 'VALIDATION' && error.code !== 'BAD_INPUT')) return null;
  const prefixed = /^([A-Za-z]+)(?:\.[\w.]+)?:\s*(.+)$/s.exec(error.message);
  const path = error.field ?? prefixed?.[1];
  if (!path) return null;
  const [top, second] = path.split('.') as [F, string | undefined];
  if (!fields.includes(top)) return null;
  const message = sentence(prefixed ? prefixed[2]! : error.message);
  const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : undefined;
  return index === undefined ? { field: top, message } : { field: top, message, index };
}

function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
}
