import { describe, expect, it } from 'vitest';
import { controlVerdict, type AttestationStatus } from '../../../../../src/assess/control-state';
import {
  controlStatus,
  safeguardLabels,
  safeguardSections,
  type ControlRow,
} from '../../../../../renderer/src/screens/controls/control-status';

/** A matrix row whose status the server decided from these findings and attestations. */
function row(failing: number, passing: number, attested: AttestationStatus[] = []): ControlRow {
  return {
    citation: '164.312(a)(2)(iv)',
    safeguard: 'technical',
    standard: 'Access control',
    implementationSpecification: 'Encryption and decryption',
    requirement: 'addressable',
    rowType: 'implementation_specification',
    standardCitation: '164.312(a)(1)',
    note: null,
    failing,
    passing,
    attestations: {
      implemented: attested.filter((a) => a === 'implemented').length,
      partially_implemented: attested.filter((a) => a === 'partially_implemented').length,
      not_implemented: attested.filter((a) => a === 'not_implemented').length,
      not_applicable: attested.filter((a) => a === 'not_applicable').length,
    },
    ...controlVerdict(failing, passing, attested),
  };
}

describe('controlStatus', () => {
  it('shows gaps the automated checks found as a filled red chip, the loudest status', () => {
    expect(controlStatus(row(2, 5))).toEqual({
      state: 'failing',
      label: 'Gaps found (automated)',
      color: 'error',
      filled: true,
    });
  });

  it('shows a gap the consultant attested in red, outlined: a gap, but not one the run found', () => {
    expect(controlStatus(row(0, 0, ['not_implemented']))).toEqual({
      state: 'attested_gap',
      label: 'Not implemented (attested)',
      color: 'error',
      filled: false,
    });
  });

  it('shows a partial implementation as a warning', () => {
    expect(controlStatus(row(0, 3, ['partially_implemented']))).toMatchObject({
      state: 'attested_gap',
      label: 'Partially implemented (attested)',
      color: 'warning',
      filled: false,
    });
  });

  it('shows passing checks and attested implementations in green, outlined', () => {
    expect(controlStatus(row(0, 4))).toMatchObject({
      label: 'Passing (automated)',
      color: 'success',
      filled: false,
    });
    expect(controlStatus(row(0, 4, ['implemented']))).toMatchObject({
      label: 'Passing (automated, attested)',
      color: 'success',
    });
    expect(controlStatus(row(0, 0, ['implemented']))).toMatchObject({
      state: 'attested',
      label: 'Implemented (attested)',
      color: 'success',
      filled: false,
    });
  });

  it('mutes rows that are not applicable or have no evidence yet', () => {
    expect(controlStatus(row(0, 0, ['not_applicable']))).toMatchObject({
      state: 'not_applicable',
      color: 'default',
      filled: false,
    });
    expect(controlStatus(row(0, 0))).toEqual({
      state: 'no_evidence',
      label: 'No evidence',
      color: 'default',
      filled: false,
    });
  });

  it('shows the label the server decided, word for word', () => {
    const custom = { ...row(0, 1), label: 'Passing (automated, 1 check)' };
    expect(controlStatus(custom).label).toBe('Passing (automated, 1 check)');
  });
});

describe('safeguard tabs', () => {
  it('name each safeguard and cite its section of 45 CFR Part 164', () => {
    expect(
      Object.entries(safeguardLabels).map(
        ([k, label]) => `${label} ${safeguardSections[k as ControlRow['safeguard']]}`,
      ),
    ).toEqual([
      'Administrative 164.308',
      'Physical 164.310',
      'Technical 164.312',
      'Organizational 164.314',
      'Documentation 164.316',
    ]);
  });
});
