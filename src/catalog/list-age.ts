/**
 * How old a dated HIPAA services list is on the day a run uses it. Rules have no clock, so they only
 * name the list's date; whoever prints a run (report, CLI) calls this with the run's date and
 * shows the warning. AWS updates its eligible list several times a year: a list more than six
 * months older than the run may miss services added since, or still name services since removed.
 */

/** A list this many whole months older than the run is stale. */
export const ELIGIBILITY_LIST_STALE_AFTER_MONTHS = 6;

export interface EligibilityListAge {
  /** Whole calendar days from the list's date to the run's date (negative when the run is earlier). */
  days: number;
  /** Whole calendar months from the list's date to the run's date */
  months: number;
  /** More than six months older than the run */
  stale: boolean;
  /** The sentence to print beside the list's date when it is stale; null otherwise */
  warning: string | null;
}

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' (or an ISO timestamp, or a Date) as a UTC calendar date. */
function utcDate(value: string | Date): { y: number; m: number; d: number; ms: number } {
  // Dates as ISO 8601 only: Date.parse accepts 'May 2026' and reads it in local time.
  if (typeof value === 'string' && !/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/.test(value))
    throw new Error(`"${value}" is not a date (YYYY-MM-DD or an ISO 8601 timestamp).`);
  const date =
    typeof value === 'string' ? new Date(value.length === 10 ? `${value}T00:00:00Z` : value) : value;
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error(`"${String(value)}" is not a date.`);
  return {
    y: date.getUTCFullYear(),
    m: date.getUTCMonth(),
    d: date.getUTCDate(),
    ms: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()),
  };
}

/** Pure: the age of a list dated `listDate` ('2026-05-22') on `runDate` (a date or ISO timestamp). */
export function eligibilityListAge(listDate: string, runDate: string | Date): EligibilityListAge {
  const list = utcDate(listDate);
  const run = utcDate(runDate);
  const days = Math.round((run.ms - list.ms) / DAY_MS);
  let months = (run.y - list.y) * 12 + (run.m - list.m);
  if (run.d < list.d) months -= 1;
  const staleFrom = Date.UTC(list.y, list.m + ELIGIBILITY_LIST_STALE_AFTER_MONTHS, list.d);
  const stale = run.ms > staleFrom;
  const listDay = new Date(list.ms).toISOString().slice(0, 10);
  const runDay = new Date(run.ms).toISOString().slice(0, 10);
  return {
    days,
    months,
    stale,
    warning: stale
      ? `The HIPAA eligible services list is dated ${listDay}, more than ${ELIGIBILITY_LIST_STALE_AFTER_MONTHS} months before this run (${runDay}): services added or removed since are not reflected. Re-check the provider's current list before relying on these findings.`
      : null,
  };
}
