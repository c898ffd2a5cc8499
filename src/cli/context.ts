import { resolve } from 'node:path';
import { callOperation } from '../api/dispatch';
import { DeskSession } from '../api/session';
import type { OperationName, OpOutput } from '../api/contract';

/**
 * A CLI command talks to the core through the same API operations as the UI, in a session of
 * its own that is disposed (workspace closed) when the command ends.
 */
export class CliContext {
  readonly session: DeskSession;
  constructor(workspaceDir?: string) {
    this.session = new DeskSession({ frontDoor: 'cli', ...(workspaceDir ? { workspaceDir } : {}) });
  }

  call<K extends OperationName>(op: K, input: unknown): Promise<OpOutput<K>> {
    return callOperation(this.session, op, input);
  }

  openWorkspace(file: string) {
    return this.call('workspace.open', { path: resolve(file) });
  }

  dispose(): Promise<void> {
    return this.session.dispose();
  }
}

/** Runs fn with a fresh context and always disposes it. */
export async function withContext<T>(fn: (ctx: CliContext) => Promise<T>, workspaceDir?: string): Promise<T> {
  const ctx = new CliContext(workspaceDir);
  try {
    return await fn(ctx);
  } finally {
    await ctx.dispose();
  }
}
