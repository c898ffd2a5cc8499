import type { OpOutput } from '../../../../src/api/contract';

export type ControlRow = OpOutput<'controls.matrix'>['rows'][number];
export type ControlState = 'failing' | 'attested_gap' | 'passing' | 'attested' | 'not_applicable' | 'no_evidence';

export interface ControlStatus {
  state: ControlState;
  label: string;
  color: 'error' | 'warning' | 'success' | 'default';
  filled: boolean;
}

/**
 * A row's status, in the order the report's control matrix decides it (src/report/sections/
 * matrix.ts): an automated failure first, then what the consultant attested, then passing checks.
 */
export function controlStatus(row: ControlRow): ControlStatus {
  const a = row.attestations;
  const attested = a.implemented + a.partially_implemented + a.not_implemented + a.not_applicable > 0;
  if (row.failing > 0) return { state: 'failing', label: 'Gaps found (automated)', color: 'error', filled: true };
  if (a.not_implemented > 0) return { state: 'attested_gap', label: 'Not implemented (attested)', color: 'error', filled: false };
  if (a.partially_implemented > 0) return { state: 'attested_gap', label: 'Partially implemented (attested)', color: 'warning', filled: false };
  if (row.passing > 0) return { state: 'passing', label: attested ? 'Passing (automated, attested)' : 'Passing (automated)', color: 'success', filled: false };
  if (a.implemented > 0) return { state: 'attested', label: 'Implemented (attested)', color: 'success', filled: false };
  if (a.not_applicable > 0) return { state: 'not_applicable', label: 'Not applicable (attested)', color: 'default', filled: false };
  return { state: 'no_evidence', label: 'No evidence', color: 'default', filled: false };
}

export const safeguardLabels: Record<ControlRow['safeguard'], string> = {
  administrative: 'Administrative',
  physical: 'Physical',
  technical: 'Technical',
  organizational: 'Organizational',
  documentation: 'Documentation',
};

export const safeguardSections: Record<ControlRow['safeguard'], string> = {
  administrative: '164.308',
  physical: '164.310',
  technical: '164.312',
  organizational: '164.314',
  documentation: '164.316',
};
