import type { NormalizedResource, RuleContext, RuleResult, Severity } from './model';

/**
 * - internet: anyone on the internet, without credentials (public access settings);
 * - network: someone on the network path between client and service (transport security);
 * - internal: only someone who already has access, or a provider-side event; or the weakness
 *   impairs detection and recovery rather than opening a path (encryption at rest, logging, replicas).
 */
export type Exposure = 'internet' | 'network' | 'internal';

export interface Remediation {
  /** What to change, in plain words. */
  text: string;
  terraform?: string;
  cloudformation?: string;
  bicep?: string;
  cli?: string;
}

/**
 * One rule = one module in src/rules/<provider>/, metadata beside evaluate() (Prowler-style).
 * evaluate is pure: no network, no clock, no workspace access.
 */
export interface Rule {
  /** Stable id, e.g. 'aws.s3.default-encryption'. Part of every finding key: never rename. */
  id: string;
  title: string;
  /** Severity of a failing finding on a resource not classified as PHI. */
  severity: Severity;
  /**
   * Severity of a failing finding on a PHI-classified resource, when the rule rates it higher
   * (static metadata, so the report can print both). Absent = `severity`. Applied by
   * src/rules/evaluate.ts, never by the rule's evaluate().
   */
  severityWhenPhi?: Severity;
  /**
   * Who can exploit the weakness a failing finding reports; drives likelihood in the risk
   * analysis (src/rules/risk.ts, 164.308(a)(1)(ii)(A)). Absent = 'internal'. Every registered
   * rule declares it (test/unit/rules/registry.test.ts).
   */
  exposure?: Exposure;
  /** The resource type it judges, e.g. 'aws.s3.bucket' */
  resourceType: string;
  /** HIPAA Security Rule citations, each a row of the catalog, e.g. '164.312(a)(2)(iv)' */
  citations: string[];
  /** The recurring failure pattern this rule addresses (the mission's list). */
  failurePattern: string;
  rationale: string;
  remediation: Remediation;
  evaluate(resource: NormalizedResource, context: RuleContext): RuleResult;
}
