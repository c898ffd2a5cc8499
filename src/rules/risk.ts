/**
 * The risk-analysis method for 164.308(a)(1)(ii)(A): a qualitative likelihood × impact matrix in
 * the style of NIST SP 800-30 Rev. 1 (Appendices G–I), reduced to three levels per factor.
 * Likelihood and impact are derived from a failing finding's severity, the PHI classification of
 * its resource and the exposure of the weakness; a consultant may override either in triage
 * (triage.likelihood / triage.impact), and riskLevel() then gives the level for the override.
 */
import type { Severity } from '../kit/model';
import type { Exposure } from '../kit/rule';

export type Likelihood = 'low' | 'medium' | 'high';
export type Impact = 'low' | 'medium' | 'high';
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

const levels = ['low', 'medium', 'high'] as const;

/** Rows: likelihood; columns: impact. */
export const RISK_MATRIX: Readonly<Record<Likelihood, Readonly<Record<Impact, RiskLevel>>>> = {
  low: { low: 'low', medium: 'low', high: 'medium' },
  medium: { low: 'low', medium: 'medium', high: 'high' },
  high: { low: 'medium', medium: 'high', high: 'critical' },
};

const exposureLikelihood: Readonly<Record<Exposure, Likelihood>> = {
  internet: 'high',
  network: 'medium',
  internal: 'low',
};

export const RISK_METHOD = [
  'Risk analysis method (45 CFR 164.308(a)(1)(ii)(A)); qualitative, after NIST SP 800-30 Rev. 1, with three levels per factor.',
  'Each failing finding is a vulnerability. Its risk level is the combination of the likelihood that a threat source exploits it and the impact on the confidentiality, integrity or availability of ePHI if one does.',
  'Likelihood starts from the exposure of the weakness: high when anyone on the internet can reach it without credentials (public access settings), medium when it needs a position on the network path (transport security), low when it needs existing access or a provider-side event, or when it weakens detection and recovery rather than opening a path (encryption at rest, access logging, replica location). A critical-severity finding raises likelihood one level; a low- or info-severity finding lowers it one level.',
  'Impact is high when the resource is classified as holding PHI (engagement tag keys or name patterns). For an unclassified resource it is medium when the finding is of high or critical severity (classification by tags can be incomplete, and such controls protect all data in the resource) and low otherwise.',
  'Risk level = matrix(likelihood, impact): low×low, low×medium and medium×low are low; low×high, medium×medium and high×low are medium; medium×high and high×medium are high; high×high is critical.',
  'Passing and not-applicable findings carry no risk. The consultant reviews every rating and may override likelihood or impact with a written justification, which the risk management plan (164.308(a)(1)(ii)(B)) records.',
].join('\n');

export interface RiskInput {
  severity: Severity;
  phi: boolean;
  exposure: Exposure;
}

export interface RiskAssessment {
  likelihood: Likelihood;
  impact: Impact;
  level: RiskLevel;
  /** Why each factor has its value, in the words of RISK_METHOD. */
  basis: string;
}

function shift(level: Likelihood, by: -1 | 0 | 1): Likelihood {
  const index = Math.min(levels.length - 1, Math.max(0, levels.indexOf(level) + by));
  return levels[index] ?? level;
}

export function riskLevel(likelihood: Likelihood, impact: Impact): RiskLevel {
  return RISK_MATRIX[likelihood][impact];
}

export function likelihoodOf(input: Pick<RiskInput, 'severity' | 'exposure'>): Likelihood {
  const base = exposureLikelihood[input.exposure];
  if (input.severity === 'critical') return shift(base, 1);
  if (input.severity === 'low' || input.severity === 'info') return shift(base, -1);
  return base;
}

export function impactOf(input: Pick<RiskInput, 'severity' | 'phi'>): Impact {
  if (input.phi) return 'high';
  return input.severity === 'critical' || input.severity === 'high' ? 'medium' : 'low';
}

export function assessRisk(input: RiskInput): RiskAssessment {
  const likelihood = likelihoodOf(input);
  const impact = impactOf(input);
  const basis =
    `Likelihood ${likelihood}: ${input.exposure} exposure, ${input.severity} severity. ` +
    `Impact ${impact}: ${input.phi ? 'resource classified as PHI' : `resource not classified as PHI, ${input.severity} severity`}.`;
  return { likelihood, impact, level: riskLevel(likelihood, impact), basis };
}

/** The risk of a finding, or null when it is not a failure (passes and not-applicable carry no risk). */
export function assessFindingRisk(finding: RiskInput & { status: string }): RiskAssessment | null {
  return finding.status === 'fail' ? assessRisk(finding) : null;
}
