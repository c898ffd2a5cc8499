import type { ErrorCode } from '../errors';

/** Documented in README.md ("CLI exit codes"); CI gates rely on them. */
export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  workspace: 3,
  badInput: 4,
  /** assess/findings gate: new failing findings at or above --fail-on; verify: package not intact */
  gate: 5,
  access: 6,
  cancelled: 130,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
    case 'NO_WORKSPACE':
    case 'WORKSPACE_REFUSED':
    case 'WORKSPACE_IN_USE':
    case 'CONFLICT':
      return EXIT.workspace;
    case 'VALIDATION':
    case 'BAD_INPUT':
    case 'SIGNING':
      return EXIT.badInput;
    case 'ACCESS_DENIED':
    case 'READ_ONLY_VIOLATION':
      return EXIT.access;
    case 'CANCELLED':
      return EXIT.cancelled;
    case 'INTERNAL':
      return EXIT.internal;
  }
}
