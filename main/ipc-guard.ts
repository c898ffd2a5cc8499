/**
 * The sender check that runs before every IPC handler. Kept apart from ipc.ts, with type-only
 * `electron` imports, so the guard itself is unit-tested with fake events.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { isTrustedSender, type SenderFacts } from './security';

/** The facts isTrustedSender decides on, read from an invoke event. */
export function senderFacts(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  appContents: WebContents | null,
): SenderFacts {
  const frame = event.senderFrame;
  const mainFrame = event.sender.mainFrame;
  return {
    frameUrl: frame !== null && !frame.detached ? frame.url : null,
    isMainFrame: frame !== null && frame.parent === null && frame.frameToken === mainFrame.frameToken,
    fromAppWindow: appContents !== null && !appContents.isDestroyed() && event.sender.id === appContents.id,
  };
}

export class UntrustedSenderError extends Error {
  constructor(channel: string) {
    super(`${channel}: refused, the sender is not the app's main frame`);
    this.name = 'UntrustedSenderError';
  }
}

/**
 * Wraps a handler so it runs only for our window's main frame on the app origin. A refusal
 * rejects the invoke in the calling frame and is logged; the handler never sees the call.
 */
export function guardInvoke<R>(
  channel: string,
  appContents: () => WebContents | null,
  handler: (...args: unknown[]) => Promise<R>,
): (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>, ...args: unknown[]) => Promise<R> {
  return async (event, ...args) => {
    if (!isTrustedSender(senderFacts(event, appContents()))) {
      console.warn(`[ipc] ${channel} refused: untrusted sender`);
      throw new UntrustedSenderError(channel);
    }
    return handler(...args);
  };
}
