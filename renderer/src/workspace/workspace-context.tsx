import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { OpOutput } from '../../../src/api/contract';
import { useDeskEvent, useOperation } from '../api/hooks';

export type WorkspaceSummary = NonNullable<OpOutput<'workspace.current'>>;

interface WorkspaceContextValue {
  /** The open workspace, or null when none is open. */
  summary: WorkspaceSummary | null;
  /** True until the first answer to workspace.current. */
  loading: boolean;
  /** Use the summary an action returned (create, open, update) without waiting for a reload. */
  setSummary(summary: WorkspaceSummary | null): void;
}

const WorkspaceContext = createContext<WorkspaceContextValue | null>(null);

/** Tracks the server session's open workspace: on start, after every change, and on events. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const current = useOperation('workspace.current', {});
  const { mutate } = current;

  // Closed elsewhere (another window, the CLI's session): forget it at once, in the same render
  // as the invalidation, so no screen asks a closed workspace for its data.
  useDeskEvent('workspace.changed', (event) => {
    if (event.path === null) mutate(null);
  });

  const value = useMemo<WorkspaceContextValue>(
    () => ({
      summary: current.data ?? null,
      loading: current.data === undefined && current.loading,
      setSummary: mutate,
    }),
    [current.data, current.loading, mutate],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

export function useWorkspace(): WorkspaceContextValue {
  const value = useContext(WorkspaceContext);
  if (!value) throw new Error('useWorkspace must be used inside <WorkspaceProvider>.');
  return value;
}
