import { homedir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultWorkspaceDir, DeskSession } from '../../../src/api/session';
import type { DeskEvent } from '../../../src/api/contract';
import { createWorkspace } from '../../support/engagement';
import { useTempDir } from '../../support/temp';

const dir = useTempDir();
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('defaultWorkspaceDir', () => {
  it('is PHI_AUDIT_WORKSPACE_DIR when set, ~/PHI Audit Desk otherwise', () => {
    vi.stubEnv('PHI_AUDIT_WORKSPACE_DIR', '/srv/engagements');
    expect(defaultWorkspaceDir()).toBe('/srv/engagements');
    vi.stubEnv('PHI_AUDIT_WORKSPACE_DIR', undefined);
    expect(defaultWorkspaceDir()).toBe(join(homedir(), 'PHI Audit Desk'));
  });

  it('treats an empty PHI_AUDIT_WORKSPACE_DIR as unset', () => {
    vi.stubEnv('PHI_AUDIT_WORKSPACE_DIR', '');
    expect(defaultWorkspaceDir()).toBe(join(homedir(), 'PHI Audit Desk'));
  });
});

describe('DeskSession', () => {
  it('announces every change of workspace and closes the one it replaces', async () => {
    const session = new DeskSession({ frontDoor: 'cli', workspaceDir: dir() });
    const events: DeskEvent[] = [];
    const off = session.subscribe((e) => events.push(e));
    const first = createWorkspace(dir(), 'a.phiaudit');
    const second = createWorkspace(dir(), 'b.phiaudit');
    session.setWorkspace(first);
    session.setWorkspace(second);
    expect(first.isOpen).toBe(false);
    session.setWorkspace(null);
    expect(second.isOpen).toBe(false);
    off();
    session.setWorkspace(null);
    expect(events).toEqual([
      { type: 'workspace.changed', path: first.path },
      { type: 'workspace.changed', path: second.path },
      { type: 'workspace.changed', path: null },
    ]);
    await session.dispose();
  });
});

describe('DeskSession jobs', () => {
  it('fails a job whose result does not match its kind’s contract, and says so', async () => {
    const session = new DeskSession({ frontDoor: 'cli', workspaceDir: dir() });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const jobId = session.startJob('evaluate', async () => ({
      message: 'done',
      // what a drifted core might return: stats of the wrong shape
      result: { runId: 2, sourceRunId: 1, stats: { findings: 3 } } as never,
    }));
    expect(await session.waitForJob(jobId)).toBe('failed');
    expect(session.finishedEvent(jobId, 'evaluate')).toMatchObject({
      outcome: 'failed',
      errorCode: 'INTERNAL',
      message: 'Internal error: the evaluate job produced an invalid result.',
    });
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
    await session.dispose();
  });

  it('lists a finished job with its typed result, found only under its own kind', async () => {
    const session = new DeskSession({ frontDoor: 'cli', workspaceDir: dir() });
    const stats = {
      resources: 4,
      phiResources: 1,
      findings: { fail: 1, pass: 2, notApplicable: 1 },
      failBySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
      newFailures: 1,
      newFailuresBySeverity: { critical: 0, high: 1, medium: 0, low: 0, info: 0 },
      resolved: 0,
      ruleErrors: 0,
      baselineRunId: null,
    };
    const jobId = session.startJob('evaluate', async () => ({
      message: 'Run 2: 1 failing finding.',
      result: { runId: 2, sourceRunId: 1, stats },
    }));
    expect(await session.waitForJob(jobId)).toBe('completed');
    expect(session.finishedEvent(jobId, 'evaluate')?.result?.stats.findings.fail).toBe(1);
    expect(session.finishedEvent(jobId, 'export')).toBeNull();
    expect(session.listJobs()).toEqual([
      expect.objectContaining({
        kind: 'evaluate',
        state: 'completed',
        lastEvent: expect.objectContaining({ result: { runId: 2, sourceRunId: 1, stats } }),
      }),
    ]);
    await session.dispose();
  });
});
