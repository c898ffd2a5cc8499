import { useCallback } from 'react';
import type { ApiError } from '../../../src/api/contract';
import { useAction, useOperation, type ActionOptions } from '../api/hooks';
import { navigate } from '../shell/router';
import { useWorkspace } from './workspace-context';

/** Opens a workspace by path and shows its Engagement summary. */
export function useOpenWorkspaceFile(options: ActionOptions = {}) {
  const { setSummary } = useWorkspace();
  const action = useAction('workspace.open', options);
  const { run } = action;
  const open = useCallback(
    async (path: string) => {
      const result = await run({ path });
      if (result.ok) {
        setSummary(result.value);
        navigate('engagement');
      }
      return result;
    },
    [run, setSummary],
  );
  return { open, pending: action.pending, error: action.error as ApiError | null, reset: action.reset };
}

export function useCloseWorkspace() {
  const { setSummary } = useWorkspace();
  const action = useAction('workspace.close');
  const { run } = action;
  const close = useCallback(async () => {
    const result = await run({});
    if (result.ok) setSummary(null);
    return result;
  }, [run, setSummary]);
  return { close, pending: action.pending };
}

/** Version, front door and the folder new workspaces go to; fixed for the session. */
export function useAppInfo() {
  return useOperation('app.info', {}, { live: false }).data;
}
