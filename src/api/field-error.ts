import { DeskError } from '../errors';

/**
 * A VALIDATION error found inside a handler (a check that needs stored state, or spans fields).
 * It names its field like the contract's own validation errors, so the UI can mark the input.
 */
export class FieldError extends DeskError {
  readonly field: string;
  constructor(field: string, message: string) {
    super('VALIDATION', `${field}: ${message}`);
    this.name = 'FieldError';
    this.field = field;
  }
}
