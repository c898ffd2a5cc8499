/**
 * The status of one Security Rule row (a standard or implementation specification), decided the
 * same way for the control matrix in the report and on the Controls screen: an automated failure
 * first, then what the consultant attested, then passing automated checks.
 */

export const controlStates = [
  'failing',
  'attested_gap',
  'passing',
  'attested',
  'not_applicable',
  'no_evidence',
] as const;
export type ControlState = (typeof controlStates)[number];

export type AttestationStatus =
  'implemented' | 'partially_implemented' | 'not_implemented' | 'not_applicable';

/** How loudly a status should read: both the report and the UI map it to their own colours. */
export type ControlTone = 'fail' | 'warning' | 'pass' | 'ok' | 'muted';

export interface ControlVerdict {
  state: ControlState;
  label: string;
  tone: ControlTone;
}

export function controlVerdict(
  failing: number,
  passing: number,
  attested: readonly AttestationStatus[],
): ControlVerdict {
  if (failing > 0) return { state: 'failing', label: 'Gaps found (automated)', tone: 'fail' };
  if (attested.includes('not_implemented'))
    return { state: 'attested_gap', label: 'Not implemented (attested)', tone: 'fail' };
  if (attested.includes('partially_implemented'))
    return { state: 'attested_gap', label: 'Partially implemented (attested)', tone: 'warning' };
  if (passing > 0)
    return {
      state: 'passing',
      label: attested.length > 0 ? 'Passing (automated, attested)' : 'Passing (automated)',
      tone: 'pass',
    };
  if (attested.includes('implemented'))
    return { state: 'attested', label: 'Implemented (attested)', tone: 'ok' };
  if (attested.includes('not_applicable'))
    return { state: 'not_applicable', label: 'Not applicable (attested)', tone: 'muted' };
  return { state: 'no_evidence', label: 'No evidence', tone: 'muted' };
}
