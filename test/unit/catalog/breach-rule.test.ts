import { describe, expect, it } from 'vitest';
import {
  basePenalties,
  breachRiskAssessmentFactors,
  breachTimelines,
  latestPenaltySchedule,
  penaltyAdjustments,
  penaltyTiers,
} from '../../../src/catalog/breach-rule';

describe('Breach Notification Rule facts', () => {
  it('holds the notification deadlines with their citations', () => {
    const byCitation = new Map(breachTimelines.map((t) => [t.citation, t]));
    expect(byCitation.get('164.404(b)')?.deadline).toContain('60 calendar days after discovery');
    expect(byCitation.get('164.406')?.detail).toContain('more than 500 residents');
    expect(byCitation.get('164.408(c)')?.deadline).toContain('60 days after the end of the calendar year');
    expect(byCitation.get('164.410')?.audience).toBe('Business associate to covered entity');
    expect(byCitation.get('164.412')?.deadline).toContain('30 days');
    expect(breachRiskAssessmentFactors).toHaveLength(4);
  });

  it('holds four penalty tiers and dated, sourced adjustments', () => {
    expect(penaltyTiers.map((t) => t.tier)).toEqual([1, 2, 3, 4]);
    expect(basePenalties.perViolation[0]).toEqual([100, 50_000]);
    for (const schedule of penaltyAdjustments) {
      expect(schedule.citation).toMatch(/\d+ FR \d+/);
      expect(schedule.effective).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(schedule.confidence.length).toBeGreaterThan(10);
      // Tier 4's maximum is the calendar-year cap; tiers 1–3 share one per-violation maximum.
      expect(schedule.perViolation[3][1]).toBe(schedule.calendarYearCap);
      expect(new Set(schedule.perViolation.slice(0, 3).map((p) => p[1])).size).toBe(1);
    }
  });

  it('prints the latest adjustment with its confidence caveat', () => {
    const latest = latestPenaltySchedule();
    expect(latest.effective).toBe('2026-01-28');
    expect(latest.calendarYearCap).toBe(2_190_294);
    expect(latest.confidence).toContain('Re-verify');
  });
});
