import type { NormalizedResource, RuleContext, RuleResult, Severity } from '../assess/types';

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
  severity: Severity;
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
