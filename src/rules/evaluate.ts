/**
 * Runs every rule on every resource of its type (ARCHITECTURE.md "Evaluate"): pure, no network,
 * so a workspace can be re-judged offline. A rule that throws is contained: its finding becomes
 * not_applicable "Rule error: …" and the error is returned for the orchestrator to log.
 */
import type { NormalizedResource, RuleContext, RuleResult, RuleStatus, Severity } from '../kit/model';
import { messageOf } from '../errors';
import { rules as registeredRules } from './registry';
import type { Exposure, Rule } from '../kit/rule';

export interface EvaluatedFinding {
  /** `${ruleId}|${nativeId}`: stable across runs, so triage and diffs carry over. */
  key: string;
  ruleId: string;
  nativeId: string;
  resourceType: string;
  status: RuleStatus;
  /** The rule's severity, or its severityWhenPhi on a PHI-classified resource (or one serving PHI). */
  severity: Severity;
  detail: string;
  citations: string[];
  phi: boolean;
  exposure: Exposure;
}

export interface RuleError {
  ruleId: string;
  nativeId: string;
  message: string;
  stack?: string;
}

export interface EvaluationResult {
  findings: EvaluatedFinding[];
  errors: RuleError[];
}

const STATUSES: ReadonlySet<string> = new Set<RuleStatus>(['pass', 'fail', 'not_applicable']);

export function findingKey(ruleId: string, nativeId: string): string {
  return `${ruleId}|${nativeId}`;
}

/**
 * The severity a finding of `rule` carries on `resource`: severityWhenPhi on a PHI-classified
 * resource, or when the result says the resource guards or serves one (RuleResult.servesPhi).
 */
export function effectiveSeverity(
  rule: Rule,
  resource: Pick<NormalizedResource, 'phi'>,
  result?: Pick<RuleResult, 'status' | 'servesPhi'>,
): Severity {
  const phi = resource.phi || (result?.status === 'fail' && Boolean(result.servesPhi));
  return phi && rule.severityWhenPhi ? rule.severityWhenPhi : rule.severity;
}

function runRule(rule: Rule, resource: NormalizedResource, context: RuleContext): RuleResult | Error {
  try {
    const result = rule.evaluate(resource, context);
    // A rule's result crosses into the workspace: refuse anything that is not a proper result.
    if (
      !result ||
      !STATUSES.has(result.status) ||
      typeof result.detail !== 'string' ||
      result.detail === ''
    ) {
      return new Error(`returned an invalid result (${JSON.stringify(result)})`);
    }
    return result;
  } catch (err) {
    return err instanceof Error ? err : new Error(messageOf(err));
  }
}

function groupByType(ruleset: readonly Rule[]): Map<string, Rule[]> {
  const byType = new Map<string, Rule[]>();
  for (const rule of ruleset) {
    const list = byType.get(rule.resourceType) ?? [];
    list.push(rule);
    byType.set(rule.resourceType, list);
  }
  return byType;
}

/**
 * One finding per (rule, resource) whose types match, in resource order then rule order.
 * `ruleset` defaults to the registry; tests pass their own.
 */
export function evaluateResources(
  resources: readonly NormalizedResource[],
  context: RuleContext,
  ruleset: readonly Rule[] = registeredRules,
): EvaluationResult {
  const byType = groupByType(ruleset);
  const findings: EvaluatedFinding[] = [];
  const errors: RuleError[] = [];
  for (const resource of resources) {
    for (const rule of byType.get(resource.type) ?? []) {
      const outcome = runRule(rule, resource, context);
      let result: RuleResult;
      if (outcome instanceof Error) {
        errors.push({
          ruleId: rule.id,
          nativeId: resource.nativeId,
          message: outcome.message,
          stack: outcome.stack,
        });
        result = {
          status: 'not_applicable',
          detail: `Rule error: ${rule.id} could not judge ${resource.name}: ${outcome.message}`,
        };
      } else {
        result = outcome;
      }
      findings.push({
        key: findingKey(rule.id, resource.nativeId),
        ruleId: rule.id,
        nativeId: resource.nativeId,
        resourceType: resource.type,
        status: result.status,
        severity: effectiveSeverity(rule, resource, result),
        detail: result.detail,
        citations: [...rule.citations],
        phi: resource.phi,
        exposure: rule.exposure ?? 'internal',
      });
    }
  }
  return { findings, errors };
}
