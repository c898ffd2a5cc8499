/** The report operations through the API dispatcher, as the UI calls them. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeskEvent } from '../../../src/api/contract';
import { callOperation, dispatch } from '../../../src/api/dispatch';
import { DeskSession } from '../../../src/api/session';
import { createReportWorkspace } from '../../fixtures/report-workspace';
import { makeOpensslP12 } from './helpers';

let root: string;
let session: DeskSession;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'phi-report-api-'));
  session = new DeskSession({ frontDoor: 'browser', workspaceDir: root });
});
afterAll(async () => {
  await session.dispose();
  rmSync(root, { recursive: true, force: true });
});

describe('export.start, export.list, package.verify', () => {
  it('runs the export as a job with progress, lists it, and verifies it', async () => {
    await callOperation(session, 'workspace.open', { path: createReportWorkspace(root).path });
    const events: DeskEvent[] = [];
    const off = session.subscribe((e) => events.push(e));
    const { jobId } = await callOperation(session, 'export.start', {
      outDir: join(root, 'out'),
      signer: { kind: 'self-signed' },
    });
    expect(await session.waitForJob(jobId)).toBe('completed');
    off();
    const phases = new Set(
      events.flatMap((e) => (e.type === 'job.progress' && e.jobId === jobId ? [e.phase] : [])),
    );
    expect([...phases]).toEqual(expect.arrayContaining(['evidence', 'report', 'sign', 'done']));
    const finished = events.find((e) => e.type === 'job.finished' && e.jobId === jobId);
    expect(finished).toMatchObject({
      outcome: 'completed',
      message: expect.stringContaining('self-signed engagement certificate'),
    });

    const list = await callOperation(session, 'export.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ selfSigned: true, runIds: [1] });

    const v = await callOperation(session, 'package.verify', { path: list[0]!.path });
    expect(v.ok).toBe(true);
    expect(v.manifest?.client).toBe('Zoë Health Shop — Müller & Co');
  });

  it('answers a wrong passphrase at once with a SIGNING error, before any job starts', async () => {
    const p12 = makeOpensslP12(root, 'right');
    const r = await dispatch(session, 'export.start', {
      outDir: join(root, 'never'),
      signer: { kind: 'p12', p12Path: p12, passphrase: 'wrong' },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'SIGNING' } });
    expect(session.listJobs().filter((j) => j.kind === 'export')).toHaveLength(1);
  });

  it('rejects a signer of unknown kind at the boundary', async () => {
    const r = await dispatch(session, 'export.start', { signer: { kind: 'smartcard' } });
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
