import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DeskClient } from '../../../src/api/contract';

interface DeskContextValue {
  client: DeskClient;
  /** Bumped whenever data may have changed; every live useOperation reloads on it. */
  revision: number;
  invalidate(): void;
}

const DeskContext = createContext<DeskContextValue | null>(null);

/**
 * Provides the DeskClient and a single invalidation counter. The server says when data changes
 * (another workspace opened, a job finished); a successful useAction says so too. That is coarse
 * on purpose: a desktop app over a local SQLite file can afford to re-read what is on screen.
 */
export function DeskProvider({ client, children }: { client: DeskClient; children: ReactNode }) {
  const [revision, setRevision] = useState(0);
  const invalidate = useCallback(() => setRevision((r) => r + 1), []);

  useEffect(
    () =>
      client.subscribe((event) => {
        if (event.type === 'workspace.changed' || event.type === 'job.finished') invalidate();
      }),
    [client, invalidate],
  );

  const value = useMemo(() => ({ client, revision, invalidate }), [client, revision, invalidate]);
  return <DeskContext.Provider value={value}>{children}</DeskContext.Provider>;
}

export function useDeskContext(): DeskContextValue {
  const value = useContext(DeskContext);
  if (!value) throw new Error('Desk hooks must be used inside <DeskProvider>.');
  return value;
}
