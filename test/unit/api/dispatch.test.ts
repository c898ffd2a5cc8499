import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeskError } from '../../../src/errors';
import { callOperation, dispatch } from '../../../src/api/dispatch';
import { handlers } from '../../../src/api/handlers';
import { DeskSession } from '../../../src/api/session';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
const sessions: DeskSession[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of sessions.splice(0)) await s.dispose();
});

function newSession(): DeskSession {
  const s = new DeskSession({ frontDoor: 'cli', workspaceDir: join(dir(), 'workspaces') });
  sessions.push(s);
  return s;
}

const create = {
  file: 'northwind',
  client: 'Northwind Health Shop',
  periodStart: '2025-01-01',
  periodEnd: '2025-12-31',
};

describe('dispatch', () => {
  it('refuses an unknown operation with VALIDATION, naming it', async () => {
    const result = await dispatch(newSession(), 'workspace.delete', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: "Unknown operation 'workspace.delete'." },
    });
  });

  it('does not treat Object.prototype names as operations', async () => {
    for (const op of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await dispatch(newSession(), op, {})).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
  });

  it('refuses bad input with VALIDATION naming the field', async () => {
    const result = await dispatch(newSession(), 'workspace.create', { ...create, periodStart: 'yesterday' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'periodStart',
        message: 'periodStart: expected a date as YYYY-MM-DD',
      },
    });
  });

  it('names a missing field, and the position of a bad list item', async () => {
    const s = newSession();
    const { client: _client, ...noClient } = create;
    expect(await dispatch(s, 'workspace.create', noClient)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'client' },
    });
    expect(await dispatch(s, 'workspace.create', { ...create, client: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'client', message: 'client: client is required' },
    });
    expect(
      await dispatch(s, 'workspace.create', { ...create, approvedRegions: ['us-east-1', 'not a region!'] }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'approvedRegions.1' },
    });
  });

  it('refuses input that is not an object', async () => {
    const result = await dispatch(newSession(), 'workspace.open', 'some/file.phiaudit');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(result.ok === false && result.error.field).toBeUndefined();
  });

  it('refuses an engagement period that ends before it starts, naming the field', async () => {
    const s = newSession();
    expect(
      await dispatch(s, 'workspace.create', {
        ...create,
        periodStart: '2025-06-01',
        periodEnd: '2025-01-31',
      }),
    ).toEqual({
      ok: false,
      error: {
        code: 'VALIDATION',
        field: 'periodEnd',
        message: 'periodEnd: the engagement period ends before it starts.',
      },
    });
    expect(await dispatch(s, 'workspace.create', create)).toMatchObject({ ok: true });
    expect(await dispatch(s, 'engagement.update', { periodEnd: '2024-12-31' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'periodEnd' },
    });
    expect(await dispatch(s, 'engagement.update', { periodStart: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'periodStart' },
    });
    // Electron IPC keeps keys whose value is undefined: they mean "unchanged", not "erase".
    expect(
      await dispatch(s, 'engagement.update', { periodStart: '2026-01-01', periodEnd: undefined }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'periodStart' },
    });
    expect(
      await dispatch(s, 'engagement.update', { client: undefined, consultant: 'Sam Okafor' }),
    ).toMatchObject({
      ok: true,
      value: { engagement: { client: 'Northwind Health Shop', consultant: 'Sam Okafor' } },
    });
  });

  it('turns a plain Error thrown by a handler into an INTERNAL result, and keeps serving', async () => {
    const s = newSession();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(handlers, 'workspace.current').mockImplementation(() => {
      throw new Error('disk unplugged');
    });
    expect(await dispatch(s, 'workspace.current', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error in workspace.current: disk unplugged' },
    });
    expect(logged).toHaveBeenCalled(); // recorded for the developer, not swallowed
    vi.mocked(handlers['workspace.current']).mockRestore();
    expect(await dispatch(s, 'workspace.current', {})).toEqual({ ok: true, value: null });
  });

  it('turns a rejected promise and a value that breaks the contract into INTERNAL results', async () => {
    const s = newSession();
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(handlers, 'app.info').mockImplementation(() => Promise.reject(new TypeError('x is undefined')));
    expect(await dispatch(s, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('x is undefined') },
    });
    vi.spyOn(handlers, 'workspace.close').mockImplementation(
      () => ({ closed: 'yes' }) as unknown as { closed: boolean },
    );
    expect(await dispatch(s, 'workspace.close', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Internal error: workspace.close produced an invalid result.' },
    });
  });

  it('keeps the code of a DeskError thrown by a handler', async () => {
    const result = await dispatch(newSession(), 'workspace.open', { path: join(dir(), 'missing.phiaudit') });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', message: expect.stringContaining('does not exist') },
    });
  });

  it('answers NO_WORKSPACE to operations that need an open workspace', async () => {
    const s = newSession();
    for (const [op, input] of [
      ['auditLog.verify', {}],
      ['auditLog.list', {}],
      ['engagement.update', { client: 'x' }],
    ] as const) {
      expect(await dispatch(s, op, input)).toEqual({
        ok: false,
        error: { code: 'NO_WORKSPACE', message: 'No workspace is open. Create or open an engagement first.' },
      });
    }
    expect(await dispatch(s, 'workspace.current', {})).toEqual({ ok: true, value: null });
  });

  it('creates, reads and updates a workspace through the contract', async () => {
    const s = newSession();
    const created = await callOperation(s, 'workspace.create', { ...create, approvedRegions: ['us-east-1'] });
    expect(created.path).toBe(join(dir(), 'workspaces', 'northwind.phiaudit'));
    expect(created.engagement).toMatchObject({
      client: 'Northwind Health Shop',
      title: 'HIPAA Security Rule assessment 2025',
      approvedRegions: ['us-east-1'],
      phiTagKeys: ['phi', 'data-classification', 'hipaa'],
    });
    const updated = await callOperation(s, 'engagement.update', { consultant: 'Sam Okafor' });
    expect(updated.engagement.consultant).toBe('Sam Okafor');
    expect(updated.counts.auditLogEntries).toBe(2);
    expect(await callOperation(s, 'auditLog.verify', {})).toMatchObject({ ok: true, rows: 2 });
    await expect(callOperation(s, 'workspace.create', create)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(callOperation(s, 'workspace.create', create)).rejects.toBeInstanceOf(DeskError);
  });
});
