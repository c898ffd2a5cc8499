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
