/**
 * Errors that cross the API boundary carry a stable code the UI and CLI can act on.
 * Anything else thrown inside a handler becomes INTERNAL (see src/api/dispatch.ts).
 */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'NO_WORKSPACE',
  'WORKSPACE_REFUSED',
  'WORKSPACE_IN_USE',
  'CONFLICT',
  'BAD_INPUT',
  'ACCESS_DENIED',
  'READ_ONLY_VIOLATION',
  'CANCELLED',
  'SIGNING',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export class DeskError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DeskError';
    this.code = code;
  }
}

export function isDeskError(err: unknown): err is DeskError {
  return err instanceof DeskError;
}

/** A message fit for a user: the error's own message, never a stack. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}
