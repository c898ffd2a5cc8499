import { describe, expect, it, vi } from 'vitest';
import { takeSessionToken } from '../../../../renderer/src/api/session-token';

const KEY = 'phi-audit-desk.session-token';

/** The address bar, this tab's sessionStorage and its history, as takeSessionToken sees them. */
function tab(hash: string, stored: Record<string, string> = {}) {
  const items = new Map(Object.entries(stored));
  const storage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
  const history = { state: { scrollY: 120 }, replaceState: vi.fn() };
  const location = { hash, pathname: '/', search: '?view=wide' };
  return { location, storage, history, items };
}

describe('takeSessionToken', () => {
  it('reads the token from the launch URL’s fragment and removes it from the address bar', () => {
    const t = tab('#token=3f9c2a7e-launch');
    expect(takeSessionToken(t.location, t.storage, t.history)).toBe('3f9c2a7e-launch');
    // Replaced, not pushed: the URL with the token is not left in the history either.
    expect(t.history.replaceState).toHaveBeenCalledOnce();
    expect(t.history.replaceState).toHaveBeenCalledWith({ scrollY: 120 }, '', '/?view=wide');
  });

  it('keeps the token in this tab’s sessionStorage, so a reload still signs in', () => {
    const first = tab('#token=3f9c2a7e-launch');
    takeSessionToken(first.location, first.storage, first.history);
    expect(first.items.get(KEY)).toBe('3f9c2a7e-launch');

    const reload = tab('', Object.fromEntries(first.items));
    expect(takeSessionToken(reload.location, reload.storage, reload.history)).toBe('3f9c2a7e-launch');
    expect(reload.history.replaceState).not.toHaveBeenCalled();
  });

  it('finds the token among other fragment parameters and decodes it', () => {
    const t = tab('#/findings&token=a%2Bb%3D%3D&theme=dark');
    expect(takeSessionToken(t.location, t.storage, t.history)).toBe('a+b==');
  });

  it('prefers a new launch URL’s token over one stored by an earlier launch', () => {
    const t = tab('#token=new-launch', { [KEY]: 'old-launch' });
    expect(takeSessionToken(t.location, t.storage, t.history)).toBe('new-launch');
    expect(t.items.get(KEY)).toBe('new-launch');
  });

  it('is null without a token anywhere (the missing-token screen shows), and leaves the URL alone', () => {
    for (const hash of ['', '#/audit-log', '#token=', '#mytoken=abc']) {
      const t = tab(hash);
      expect(takeSessionToken(t.location, t.storage, t.history)).toBeNull();
      expect(t.history.replaceState).not.toHaveBeenCalled();
    }
  });
});
