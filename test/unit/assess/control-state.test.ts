import { describe, expect, it } from 'vitest';
import { controlVerdict } from '../../../src/assess/control-state';

describe('controlVerdict: one status rule for the report matrix and the Controls screen', () => {
  it('an automated failure wins over any attestation', () => {
    expect(controlVerdict(1, 5, ['implemented']).state).toBe('failing');
  });
  it('an attested gap outranks passing checks', () => {
    expect(controlVerdict(0, 3, ['not_implemented'])).toMatchObject({ state: 'attested_gap', tone: 'fail' });
    expect(controlVerdict(0, 3, ['partially_implemented'])).toMatchObject({
      state: 'attested_gap',
      tone: 'warning',
    });
  });
  it('passing checks, then attestations, then no evidence', () => {
    expect(controlVerdict(0, 2, []).label).toBe('Passing (automated)');
    expect(controlVerdict(0, 2, ['implemented']).label).toBe('Passing (automated, attested)');
    expect(controlVerdict(0, 0, ['implemented']).state).toBe('attested');
    expect(controlVerdict(0, 0, ['not_applicable']).state).toBe('not_applicable');
    expect(controlVerdict(0, 0, [])).toEqual({ state: 'no_evidence', label: 'No evidence', tone: 'muted' });
  });
});
