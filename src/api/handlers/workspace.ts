import { readdirSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, resolve } from 'node:path';
import { DeskError } from '../../errors';
import { TOOL_VERSION } from '../../version';
import { summarizeWorkspace } from '../../workspace/summary';
import { DEFAULT_PHI_URL_PATHS } from '../../kit/paths';
import { DEFAULT_PHI_TAG_KEYS, WORKSPACE_EXTENSION, Workspace } from '../../workspace/workspace';
import type { workspaceOps } from '../contract/workspace';
import { FieldError } from '../field-error';
import type { HandlersOf } from './types';

/** A bare name goes into the workspace folder and gets the .phiaudit extension. */
function resolveNewWorkspacePath(file: string, workspaceDir: string): string {
  if (/[\\/]/.test(file) && !isAbsolute(file)) {
    throw new DeskError('BAD_INPUT', 'file: give a plain file name, or an absolute path.');
  }
  const withExt = file.toLowerCase().endsWith(WORKSPACE_EXTENSION) ? file : `${file}${WORKSPACE_EXTENSION}`;
  return isAbsolute(withExt) ? withExt : join(workspaceDir, withExt);
}

export const workspaceHandlers: HandlersOf<typeof workspaceOps> = {
  'app.info': (_input, session) => ({
    toolVersion: TOOL_VERSION,
    frontDoor: session.frontDoor,
    workspaceDir: session.workspaceDir,
    platform: process.platform,
  }),

  'workspace.create': (input, session) => {
    session.assertNoRunningJobs();
    if (input.periodEnd < input.periodStart)
      throw new FieldError('periodEnd', 'the engagement period ends before it starts.');
    // The workspace folder is made only when a bare name is to go into it, not for an explicit path.
    const path = resolveNewWorkspacePath(
      input.file,
      isAbsolute(input.file) ? session.workspaceDir : session.ensureWorkspaceDir(),
    );
    const year = input.periodStart.slice(0, 4);
    const ws = Workspace.create(path, {
      client: input.client,
      title: input.title?.trim() || `HIPAA Security Rule assessment ${year}`,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      approvedRegions: input.approvedRegions ?? [],
      phiTagKeys: input.phiTagKeys && input.phiTagKeys.length > 0 ? input.phiTagKeys : DEFAULT_PHI_TAG_KEYS,
      phiPathPatterns: input.phiPathPatterns ?? [],
      phiUrlPaths: input.phiUrlPaths ?? [...DEFAULT_PHI_URL_PATHS],
      consultant: input.consultant ?? '',
    });
    session.setWorkspace(ws);
    return summarizeWorkspace(ws);
  },

  'workspace.open': (input, session) => {
    session.assertNoRunningJobs();
    const path = resolve(input.path);
    if (session.workspace?.path === path) return summarizeWorkspace(session.workspace);
    // Close ours first: the file lock is per connection, and the same file may be reopened.
    session.setWorkspace(null);
    const ws = Workspace.open(path);
    session.setWorkspace(ws);
    return summarizeWorkspace(ws);
  },

  'workspace.close': (_input, session) => {
    const had = session.workspace !== null;
    session.setWorkspace(null);
    return { closed: had };
  },

  'workspace.current': (_input, session) =>
    session.workspace ? summarizeWorkspace(session.workspace) : null,

  'workspace.recent': (_input, session) => {
    let names: string[];
    try {
      names = readdirSync(session.workspaceDir);
    } catch {
      return []; // the folder is created with the first workspace
    }
    return names
      .filter((n) => n.toLowerCase().endsWith(WORKSPACE_EXTENSION))
      .map((n) => {
        const path = join(session.workspaceDir, n);
        const st = statSync(path);
        return { path, fileName: basename(path), modifiedAt: st.mtime.toISOString(), sizeBytes: st.size };
      })
      .sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt));
  },

  'engagement.update': (input, session) => {
    const ws = session.requireWorkspace();
    // Keys sent as undefined (IPC keeps them) leave the setting unchanged.
    const patch = Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== undefined),
    ) as typeof input;
    const next = { ...ws.engagement, ...patch };
    if (next.periodEnd < next.periodStart) {
      throw new FieldError(
        patch.periodEnd === undefined ? 'periodStart' : 'periodEnd',
        'the engagement period ends before it starts.',
      );
    }
    ws.updateEngagement(patch);
    return summarizeWorkspace(ws);
  },
};
