import { useSyncExternalStore } from 'react';

/**
 * Hash routes (`#/audit-log`): they work the same from the HTTP bridge and from a file loaded by
 * Electron, and a reload keeps the screen.
 */
export const screenIds = [
  'engagement',
  'targets',
  'assessments',
  'findings',
  'controls',
  'phi-flows',
  'export',
  'audit-log',
] as const;
export type ScreenId = (typeof screenIds)[number];

function isScreenId(value: string): value is ScreenId {
  return (screenIds as readonly string[]).includes(value);
}

function routeFromHash(hash: string): ScreenId {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isScreenId(id) ? id : 'engagement';
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): ScreenId {
  return useSyncExternalStore(subscribe, () => routeFromHash(window.location.hash));
}

export function hrefFor(id: ScreenId): string {
  return `#/${id}`;
}

export function navigate(id: ScreenId): void {
  window.location.hash = `/${id}`;
}
