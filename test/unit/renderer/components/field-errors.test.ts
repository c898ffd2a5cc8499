import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../../src/api/contract';
import { dispatch } from '../../../../src/api/dispatch';
import { DeskSession } from '../../../../src/api/session';
import { fieldErrorOf } from '../../../../renderer/src/components/field-errors';
import { engagementFieldNames } from '../../../../renderer/src/screens/engagement/engagement-draft';
import { useTempDir } from '../../../support/temp';

const createFields = [...engagementFieldNames, 'file'] as const;

describe('fieldErrorOf', () => {
  it('puts a VALIDATION error under the field it names, without repeating the field name', () => {
    const error: ApiError = {
      code: 'VALIDATION',
      field: 'client',
      message: 'client: client is required',
    };
    expect(fieldErrorOf(error, createFields)).toEqual({ field: 'client', message: 'Client is required' });
  });

  it('points at the bad item of a list field', () => {
    const error: ApiError = {
      code: 'VALIDATION',
      field: 'approvedRegions.2',
      message: 'approvedRegions.2: a region name such as us-east-1 or eastus',
    };
    expect(fieldErrorOf(error, createFields)).toEqual({
      field: 'approvedRegions',
      message: 'A region name such as us-east-1 or eastus',
      index: 2,
    });
  });

  it('reads the field from the message when a handler only prefixed it', () => {
    const error: ApiError = { code: 'BAD_INPUT', message: 'path: not a PHI Audit Desk workspace.' };
    expect(fieldErrorOf(error, ['path'])).toEqual({
      field: 'path',
      message: 'Not a PHI Audit Desk workspace.',
    });
  });

  it('keeps a message that has no field prefix whole, as a sentence', () => {
    const error: ApiError = { code: 'VALIDATION', field: 'periodStart', message: '  expected a date ' };
    expect(fieldErrorOf(error, createFields)).toEqual({
      field: 'periodStart',
      message: 'Expected a date',
    });
  });

  it('keeps the lines of a message that spans several', () => {
    const error: ApiError = {
      code: 'BAD_INPUT',
      message: 'path: the file is locked.\nClose it in the other window first.',
    };
    expect(fieldErrorOf(error, ['path'])?.message).toBe(
      'The file is locked.\nClose it in the other window first.',
    );
  });

  it('leaves an error about a field this form does not have to the global error display', () => {
    const error: ApiError = {
      code: 'VALIDATION',
      field: 'targets.0.roleArn',
      message: 'targets.0.roleArn: x',
    };
    expect(fieldErrorOf(error, createFields)).toBeNull();
  });

  it('leaves errors that are not about input to the global error display', () => {
    for (const code of ['NOT_FOUND', 'WORKSPACE_IN_USE', 'CONFLICT', 'INTERNAL'] as const) {
      expect(fieldErrorOf({ code, message: 'path: something else went wrong' }, ['path'])).toBeNull();
    }
    expect(fieldErrorOf({ code: 'VALIDATION', message: 'Unknown operation.' }, createFields)).toBeNull();
    expect(fieldErrorOf(null, createFields)).toBeNull();
  });
});

describe('fieldErrorOf on the errors the server really sends', () => {
  const dir = useTempDir();
  const sessions: DeskSession[] = [];
  afterEach(async () => {
    for (const s of sessions.splice(0)) await s.dispose();
  });

  async function createError(input: Record<string, unknown>): Promise<ApiError> {
    const session = new DeskSession({ frontDoor: 'cli', workspaceDir: join(dir(), 'workspaces') });
    sessions.push(session);
    const result = await dispatch(session, 'workspace.create', {
      file: 'northwind',
      client: 'Northwind Health Shop',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      ...input,
    });
    if (result.ok) throw new Error('expected workspace.create to refuse the input');
    return result.error;
  }

  it('marks the bad approved region (contract validation)', async () => {
    const error = await createError({ approvedRegions: ['us-east-1', 'eastus', 'us east 2'] });
    expect(fieldErrorOf(error, createFields)).toEqual({
      field: 'approvedRegions',
      message: 'A region name such as us-east-1 or eastus',
      index: 2,
    });
  });

  it('marks the period end when the period ends before it starts (a check in the handler)', async () => {
    const error = await createError({ periodStart: '2025-06-01', periodEnd: '2025-05-31' });
    expect(fieldErrorOf(error, createFields)).toEqual({
      field: 'periodEnd',
      message: 'The engagement period ends before it starts.',
    });
  });
});
