import type { IpcMainInvokeEvent, WebContents, WebFrameMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { IPC, INVOKE_CHANNELS } from '../../../main/channels';
import { guardInvoke, senderFacts, UntrustedSenderError } from '../../../main/ipc-guard';

// Fakes with just the fields the guard reads; `electron` itself is never loaded.
function frame(
  url: string,
  opts: { token: string; parent?: WebFrameMain | null; detached?: boolean },
): WebFrameMain {
  return {
    url,
    frameToken: opts.token,
    parent: opts.parent ?? null,
    detached: opts.detached ?? false,
  } as unknown as WebFrameMain;
}

function contents(id: number, mainFrame: WebFrameMain, destroyed = false): WebContents {
  return { id, mainFrame, isDestroyed: () => destroyed } as unknown as WebContents;
}

type InvokeEvent = Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>;

const APP_URL = 'app://desk/index.html#/engagement';
const appMain = frame(APP_URL, { token: 'main' });
const appContents = contents(1, appMain);
const fromApp: InvokeEvent = { sender: appContents, senderFrame: appMain };

describe('senderFacts', () => {
  it('reads a trusted main-frame call', () => {
    expect(senderFacts(fromApp, appContents)).toEqual({
      frameUrl: APP_URL,
      isMainFrame: true,
      fromAppWindow: true,
    });
  });

  it('sees a subframe of our window', () => {
    const sub = frame(APP_URL, { token: 'sub', parent: appMain });
    expect(senderFacts({ sender: appContents, senderFrame: sub }, appContents).isMainFrame).toBe(false);
  });

  it('sees a frame that is gone', () => {
    expect(senderFacts({ sender: appContents, senderFrame: null }, appContents).frameUrl).toBeNull();
    const detached = frame(APP_URL, { token: 'main', detached: true });
    expect(senderFacts({ sender: appContents, senderFrame: detached }, appContents).frameUrl).toBeNull();
  });

  it('sees another webContents, and a destroyed window', () => {
    const otherMain = frame(APP_URL, { token: 'other' });
    expect(
      senderFacts({ sender: contents(2, otherMain), senderFrame: otherMain }, appContents).fromAppWindow,
    ).toBe(false);
    expect(senderFacts(fromApp, null).fromAppWindow).toBe(false);
    expect(senderFacts(fromApp, contents(1, appMain, true)).fromAppWindow).toBe(false);
  });
});

describe('guardInvoke', () => {
  it('runs the handler for our main frame', async () => {
    const handler = vi.fn(async (...args: unknown[]) => args.length);
    await expect(
      guardInvoke(IPC.call, () => appContents, handler)(fromApp, 'workspace.current', {}),
    ).resolves.toBe(2);
    expect(handler).toHaveBeenCalledWith('workspace.current', {});
  });

  const untrusted: [string, InvokeEvent][] = [
    ['a subframe', { sender: appContents, senderFrame: frame(APP_URL, { token: 'sub', parent: appMain }) }],
    [
      'another origin in our window',
      { sender: appContents, senderFrame: frame('https://evil.example/', { token: 'main' }) },
    ],
    ['a file:// page', { sender: appContents, senderFrame: frame('file:///tmp/x.html', { token: 'main' }) }],
    ['a missing frame', { sender: appContents, senderFrame: null }],
    [
      'another window',
      { sender: contents(7, frame(APP_URL, { token: 'x' })), senderFrame: frame(APP_URL, { token: 'x' }) },
    ],
  ];

  it.each(untrusted)('refuses %s before the handler runs, and logs it', async (_what, event) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = vi.fn(async () => 'ran');
    await expect(
      guardInvoke(IPC.call, () => appContents, handler)(event, 'workspace.current', {}),
    ).rejects.toBeInstanceOf(UntrustedSenderError);
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith('[ipc] desk:call refused: untrusted sender');
    warn.mockRestore();
  });

  it('refuses everything while there is no window', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const handler = vi.fn(async () => 'ran');
    await expect(guardInvoke(IPC.call, () => null, handler)(fromApp)).rejects.toBeInstanceOf(
      UntrustedSenderError,
    );
    expect(handler).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});

describe('channel registry', () => {
  it('names every channel once, under desk:', () => {
    const names = Object.values(IPC);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^desk:[a-zA-Z:]+$/);
  });

  it('lists every invoke channel (all but the main → renderer event channel)', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual(
      Object.values(IPC)
        .filter((c) => c !== IPC.event)
        .sort(),
    );
  });
});
