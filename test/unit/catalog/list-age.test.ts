import { describe, expect, it } from 'vitest';
import { awsEligibleSource } from '../../../src/catalog/aws-eligible';
import { eligibilityListAge } from '../../../src/catalog/list-age';

describe('eligibilityListAge', () => {
  it('is fresh up to six months after the list date, and stale the day after', () => {
    expect(eligibilityListAge('2026-05-22', '2026-11-22')).toEqual({
      days: 184,
      months: 6,
      stale: false,
      warning: null,
    });
    const stale = eligibilityListAge('2026-05-22', '2026-11-23');
    expect(stale).toMatchObject({ days: 185, months: 6, stale: true });
    expect(stale.warning).toBe(
      "The HIPAA eligible services list is dated 2026-05-22, more than 6 months before this run (2026-11-23): services added or removed since are not reflected. Re-check the provider's current list before relying on these findings.",
    );
  });

  it('takes a run timestamp or Date, counts whole months, and warns about the shipped AWS list in December 2026', () => {
    expect(eligibilityListAge('2026-05-22', '2026-06-21T23:59:00Z')).toMatchObject({ months: 0, days: 30 });
    expect(eligibilityListAge('2026-05-22', new Date('2027-05-22T08:00:00Z'))).toMatchObject({
      months: 12,
      stale: true,
    });
    expect(eligibilityListAge(awsEligibleSource.listDate, '2026-12-08').stale).toBe(true);
    // A run dated before the list (a clock set wrong) is not stale.
    expect(eligibilityListAge('2026-05-22', '2026-01-01')).toMatchObject({ stale: false, warning: null });
  });

  it('refuses what is not a date', () => {
    expect(() => eligibilityListAge('May 2026', '2026-12-08')).toThrow('is not a date');
  });
});
