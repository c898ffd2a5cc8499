/** What every section builder receives, and the small helpers they share. */
import type { Severity } from '../../kit/model';
import { getRule } from '../../rules/registry';
import { assessRisk, riskLevel, type RiskAssessment } from '../../rules/risk';
import type { FindingInfo, ReportData } from '../data';
import type { Emphasis } from '../model';
import type { CertificateInfo } from '../sign';

export interface ReportSigner {
  info: CertificateInfo;
}

export interface ReportContext {
  data: ReportData;
  createdAt: string;
  signer: CertificateInfo;
  /** SHA-256 over the evidence and diagram entries of the manifest (see manifest.ts). */
  contentDigest: string;
  /**
   * At most this many failing findings are shown one by one (with evidence hashes); above it the
   * report switches to compact tables so 10k findings stay a readable document.
   */
  detailLimit: number;
  /** At most this many evidence rows are listed in the report; the rest is in evidence/index.csv. */
  evidenceListLimit: number;
}

export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(s: Severity): number {
  return SEVERITIES.indexOf(s);
}

export function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

export function minute(iso: string | null | undefined): string {
  return iso ? `${iso.slice(0, 16).replace('T', ' ')} UTC` : '—';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export function failing(ctx: ReportContext): FindingInfo[] {
  return ctx.data.findings.filter((f) => f.status === 'fail');
}

export function severityEmphasis(s: string): Emphasis {
  return (['critical', 'high', 'medium', 'low', 'info'] as const).find((x) => x === s) ?? 'info';
}

export function riskEmphasis(level: string): Emphasis {
  return level === 'critical'
    ? 'critical'
    : level === 'high'
      ? 'high'
      : level === 'medium'
        ? 'medium'
        : 'low';
}

/**
 * The risk of a failing finding by the method of src/rules/risk.ts; a likelihood or impact the
 * consultant set in triage overrides the derived one (164.308(a)(1)(ii)(A) is the entity's own
 * analysis, the tool's rating is a starting point).
 */
export function findingRisk(ctx: ReportContext, f: FindingInfo): RiskAssessment & { overridden: boolean } {
  const rule = getRule(f.ruleId);
  const base = assessRisk({ severity: f.severity, phi: f.phi, exposure: rule?.exposure ?? 'internal' });
  const t = ctx.data.triage.get(f.key);
  if (t && (t.likelihood || t.impact)) {
    const likelihood = t.likelihood ?? base.likelihood;
    const impact = t.impact ?? base.impact;
    return {
      likelihood,
      impact,
      level: riskLevel(likelihood, impact),
      basis: `Set in triage by the consultant. ${base.basis}`,
      overridden: true,
    };
  }
  return { ...base, overridden: false };
}

export function resourceLabel(f: FindingInfo): string {
  return f.resourceName === f.nativeId ? f.nativeId : `${f.resourceName} (${f.nativeId})`;
}

export function accountLabel(f: FindingInfo): string {
  return `${f.provider === 'azure' ? 'Azure subscription' : f.provider === 'aws' ? 'AWS account' : 'Scope'} ${f.scopeId ?? '(unknown)'}`;
}
