/**
 * The rules of every service module (src/services/index.ts), as the evaluator, the report and the
 * API look them up. A rule is added in its service's folder and listed in its defineService.
 */
import { registry } from '../services';

export const rules = registry.rules;
export const getRule = registry.getRule;
export const rulesForType = registry.rulesForType;

/** Recorded on every run and audit package; changes whenever any rule's metadata changes. */
export const RULESET_VERSION = registry.rulesetVersion;
