import { pathPatternsOverlap } from '../../../../kit';
import type { Caching, Condition, RouteRule } from '../resource';

/**
 * Whether Front Door may cache responses for a PHI path on a route: the route's own caching, then
 * its rule sets' RouteConfigurationOverride actions in the order Front Door runs them. A rule that
 * certainly matches every request of the path sets the state; a rule that may match some of them
 * and turns caching on is reported as a way in.
 */

/** The request paths one URL-path condition value can match, as a glob ('/api/catalog/*'). */
function conditionPatterns(condition: Condition): string[] {
  const values = condition.matchValues.map((value) =>
    value.startsWith('/') || value.startsWith('*') ? value : `/${value}`,
  );
  switch ((condition.operator ?? '').toLowerCase()) {
    case 'any':
      return ['*'];
    case 'equal':
      return values;
    case 'beginswith':
      return values.map((value) => `${value}*`);
    case 'endswith':
      return condition.matchValues.map((value) => `*${value}`);
    case 'contains':
      return condition.matchValues.map((value) => `*${value}*`);
    case 'wildcard':
      return values;
    default:
      // RegEx and anything else: it may match any path.
      return ['*'];
  }
}

const isPath = (condition: Condition) => condition.name.toLowerCase() === 'urlpath';
const isExtension = (condition: Condition) => condition.name.toLowerCase() === 'urlfileextension';

/** "UrlPath BeginsWith /api/catalog/" for details. */
export function describeConditions(rule: RouteRule): string {
  if (rule.conditions.length === 0) return 'every request';
  return rule.conditions
    .map((condition) =>
      `${condition.negate ? 'not ' : ''}${condition.name} ${condition.operator ?? ''} ${condition.matchValues.join(', ')}`
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .join(' and ');
}

/**
 * The rule may run for some request of the PHI path. A file-extension condition limits a rule to
 * static files (images, scripts, styles), which this rule does not count as PHI responses.
 */
export function mayMatch(rule: RouteRule, phiPath: string): boolean {
  return rule.conditions.every((condition) => {
    if (condition.negate) return !isExtension(condition);
    if (isExtension(condition)) return false;
    if (!isPath(condition)) return true;
    return conditionPatterns(condition).some((pattern) => pathPatternsOverlap(pattern, phiPath));
  });
}

/** The rule runs for every request of the PHI path: only URL-path conditions that contain it. */
export function coversAll(rule: RouteRule, phiPath: string): boolean {
  const base = phiPath.replace(/\*+$/, '').toLowerCase();
  return rule.conditions.every((condition) => {
    if (!isPath(condition) || condition.negate) return false;
    const operator = (condition.operator ?? '').toLowerCase();
    if (operator === 'any') return true;
    if (operator !== 'beginswith') return false;
    return condition.matchValues.some((value) => {
      const prefix = (value.startsWith('/') ? value : `/${value}`).toLowerCase();
      return base.startsWith(prefix);
    });
  });
}

export interface CachingVerdict {
  /** The route's own caching applies to the path and no rule turns it off */
  byRoute: Caching | null;
  /** Rules that may turn caching on for requests of the path */
  byRules: { rule: RouteRule; caching: Caching }[];
}

export function cachingFor(
  routeCaching: Caching | null,
  rules: readonly RouteRule[],
  phiPath: string,
): CachingVerdict {
  let byRoute = routeCaching;
  const byRules: CachingVerdict['byRules'] = [];
  for (const rule of rules) {
    if (rule.caching === undefined) continue;
    const matches = mayMatch(rule, phiPath);
    if (!matches) continue;
    if (coversAll(rule, phiPath)) {
      // A later rule overrides an earlier one for the same requests.
      if (rule.caching === null) {
        byRoute = null;
        byRules.length = 0;
      } else byRules.push({ rule, caching: rule.caching });
    } else if (rule.caching !== null) byRules.push({ rule, caching: rule.caching });
    if (rule.stops && coversAll(rule, phiPath)) break;
  }
  return { byRoute, byRules };
}
