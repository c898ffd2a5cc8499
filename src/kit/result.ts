import type { RuleResult } from './model';

/** Result builders, so every rule words its outcome the same way. */

export function pass(detail: string): RuleResult {
  return { status: 'pass', detail };
}

export function fail(detail: string): RuleResult {
  return { status: 'fail', detail };
}

/**
 * A failure on a resource that guards or serves a PHI-classified one (named in `phiResource`, e.g.
 * "EC2 instance nwv-legacy-intake"): rated with the rule's severityWhenPhi.
 */
export function failServingPhi(detail: string, phiResource: string): RuleResult {
  return { status: 'fail', detail, servesPhi: phiResource };
}

export function notApplicable(detail: string): RuleResult {
  return { status: 'not_applicable', detail };
}

/** Marks every not-assessed detail: the report lists these beside the coverage gaps. */
export const NOT_ASSESSED_PREFIX = 'Not assessed:';

/**
 * The setting the rule needs was not collected (AccessDenied, throttling, an older workspace):
 * a coverage gap, never a pass. `setting` names what could not be read, `subject` the resource.
 */
export function notAssessed(setting: string, subject: string): RuleResult {
  return notApplicable(
    `${NOT_ASSESSED_PREFIX} the ${setting} of ${subject} could not be read (see coverage gaps).`,
  );
}

export function isNotAssessed(result: RuleResult): boolean {
  return result.status === 'not_applicable' && result.detail.startsWith(NOT_ASSESSED_PREFIX);
}

/** Appended to a failing detail on a PHI-classified resource: why it counts as PHI. */
export function phiNote(resource: { phi: boolean; phiReason: string | null }): string {
  if (!resource.phi) return '';
  return ` It is classified as PHI (${resource.phiReason ?? 'engagement classification'}).`;
}
