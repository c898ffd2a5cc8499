import { describe, expect, it } from 'vitest';
import {
  assessFindingRisk,
  assessRisk,
  impactOf,
  likelihoodOf,
  RISK_MATRIX,
  RISK_METHOD,
  riskLevel,
} from '../../../src/rules/risk';
import type { Impact, Likelihood, RiskLevel } from '../../../src/rules/risk';

const order: Record<RiskLevel, number> = { low: 0, medium: 1, high: 2, critical: 3 };
const three = ['low', 'medium', 'high'] as const;

describe('risk matrix', () => {
  it('maps every likelihood × impact to the documented level', () => {
    const table: [Likelihood, Impact, RiskLevel][] = [
      ['low', 'low', 'low'],
      ['low', 'medium', 'low'],
      ['low', 'high', 'medium'],
      ['medium', 'low', 'low'],
      ['medium', 'medium', 'medium'],
      ['medium', 'high', 'high'],
      ['high', 'low', 'medium'],
      ['high', 'medium', 'high'],
      ['high', 'high', 'critical'],
    ];
    for (const [l, i, level] of table) expect(riskLevel(l, i), `${l}×${i}`).toBe(level);
  });

  it('is symmetric and never lowers risk when a factor rises', () => {
    for (const l of three) {
      for (const i of three) {
        expect(RISK_MATRIX[l][i]).toBe(RISK_MATRIX[i][l]);
        const li = three.indexOf(l);
        const next = three[li + 1];
        if (next) expect(order[RISK_MATRIX[next][i]]).toBeGreaterThanOrEqual(order[RISK_MATRIX[l][i]]);
      }
    }
  });
});

describe('likelihood and impact', () => {
  it('derives likelihood from exposure, moved one level by critical or low severity', () => {
    expect(likelihoodOf({ exposure: 'internet', severity: 'high' })).toBe('high');
    expect(likelihoodOf({ exposure: 'network', severity: 'medium' })).toBe('medium');
    expect(likelihoodOf({ exposure: 'internal', severity: 'high' })).toBe('low');
    expect(likelihoodOf({ exposure: 'internal', severity: 'critical' })).toBe('medium');
    expect(likelihoodOf({ exposure: 'internet', severity: 'critical' })).toBe('high');
    expect(likelihoodOf({ exposure: 'network', severity: 'low' })).toBe('low');
    expect(likelihoodOf({ exposure: 'internal', severity: 'info' })).toBe('low');
  });

  it('rates impact high for PHI, else by severity', () => {
    expect(impactOf({ phi: true, severity: 'low' })).toBe('high');
    expect(impactOf({ phi: false, severity: 'critical' })).toBe('medium');
    expect(impactOf({ phi: false, severity: 'high' })).toBe('medium');
    expect(impactOf({ phi: false, severity: 'medium' })).toBe('low');
  });

  it('rates the seeded failure patterns as a consultant would expect', () => {
    // A public PHI bucket (public access block off): critical.
    expect(assessRisk({ exposure: 'internet', severity: 'critical', phi: true }).level).toBe('critical');
    // Plain HTTP accepted on a PHI account: high.
    expect(assessRisk({ exposure: 'network', severity: 'high', phi: true }).level).toBe('high');
    // An unencrypted PHI bucket: medium (needs existing access or a provider-side event).
    expect(assessRisk({ exposure: 'internal', severity: 'high', phi: true }).level).toBe('medium');
    // An unencrypted non-PHI bucket: low.
    expect(assessRisk({ exposure: 'internal', severity: 'medium', phi: false }).level).toBe('low');
  });

  it('explains its basis and rates only failures', () => {
    const risk = assessRisk({ exposure: 'network', severity: 'medium', phi: false });
    expect(risk).toMatchObject({ likelihood: 'medium', impact: 'low', level: 'low' });
    expect(risk.basis).toBe(
      'Likelihood medium: network exposure, medium severity. Impact low: resource not classified as PHI, medium severity.',
    );
    expect(
      assessFindingRisk({ status: 'pass', exposure: 'internet', severity: 'critical', phi: true }),
    ).toBeNull();
    expect(
      assessFindingRisk({ status: 'not_applicable', exposure: 'internet', severity: 'critical', phi: true }),
    ).toBeNull();
    expect(
      assessFindingRisk({ status: 'fail', exposure: 'internet', severity: 'critical', phi: true })?.level,
    ).toBe('critical');
  });

  it('describes the method for the report', () => {
    expect(RISK_METHOD).toContain('164.308(a)(1)(ii)(A)');
    expect(RISK_METHOD).toContain('NIST SP 800-30');
    for (const word of ['Likelihood', 'Impact', 'Risk level', 'override'])
      expect(RISK_METHOD).toContain(word);
  });
});
