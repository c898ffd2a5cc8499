/**
 * Browser mode: `phi-audit ui` prints a launch URL with the per-launch token in the fragment
 * (`#token=...`), which browsers never send to a server. The token is moved into sessionStorage
 * (this tab only, gone when it closes) so a reload keeps working, and removed from the address
 * bar so it does not end up in history, bookmarks or a screenshot.
 */
const STORAGE_KEY = 'phi-audit-desk.session-token';
const TOKEN_IN_HASH = /^#(?:.*&)?token=([^&]+)/;

export function takeSessionToken(
  location: Pick<Location, 'hash' | 'pathname' | 'search'> = window.location,
  storage: Pick<Storage, 'getItem' | 'setItem'> = window.sessionStorage,
  history: Pick<History, 'replaceState' | 'state'> = window.history,
): string | null {
  const match = TOKEN_IN_HASH.exec(location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    storage.setItem(STORAGE_KEY, token);
    history.replaceState(history.state, '', `${location.pathname}${location.search}`);
    return token;
  }
  return storage.getItem(STORAGE_KEY);
}
