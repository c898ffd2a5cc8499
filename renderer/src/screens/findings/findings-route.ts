import { hrefFor } from '../../shell/router';

/** `#/findings?run=3`: the Findings screen opened on one run (the router ignores the query). */
export function findingsHref(runId?: number): string {
  return runId === undefined ? hrefFor('findings') : `${hrefFor('findings')}?run=${runId}`;
}

/** The run named in the address, if any. */
export function runIdFromHash(hash: string): number | null {
  const query = hash.split('?')[1];
  if (!query) return null;
  const value = Number(new URLSearchParams(query).get('run'));
  return Number.isInteger(value) && value > 0 ? value : null;
}
