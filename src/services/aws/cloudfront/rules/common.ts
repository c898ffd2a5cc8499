import { phiPathsServedBy, type NormalizedResource } from '../../../../kit';
import { cloudfrontDistribution, type Behaviour, type BehaviourCache } from '../resource';

export const CLOUDFRONT_DISTRIBUTION = cloudfrontDistribution.type;

/** The collector's facts about a distribution; a field left undefined could not be collected. */
export const cloudfrontProperties = cloudfrontDistribution.properties;

/** "CloudFront distribution E2NWVSTORE7QX1 (www.northwindvitals.example)", the subject of every detail. */
export function distributionLabel(resource: NormalizedResource): string {
  const { aliases, domainName } = cloudfrontProperties(resource);
  const host = aliases?.[0] ?? domainName;
  return host
    ? `CloudFront distribution ${resource.name} (${host})`
    : `CloudFront distribution ${resource.name}`;
}

/** "behaviour /account/*" or "default behaviour (*)" */
export function behaviourLabel(behaviour: Behaviour): string {
  return behaviour.isDefault ? 'default behaviour (*)' : `behaviour ${behaviour.pathPattern}`;
}

/**
 * True when every path `inner` matches is matched by `outer` too. A sufficient check for the shapes
 * CloudFront path patterns take: equal patterns, `*`, or an outer `/prefix*` whose prefix holds no
 * wildcard and starts the inner pattern's literal prefix. Anything else is treated as not contained,
 * so a PHI path is then counted as reaching the later behaviour as well.
 */
export function patternContains(outer: string, inner: string): boolean {
  const o = outer.toLowerCase();
  const i = inner.toLowerCase();
  if (o === i || o === '*') return true;
  if (!o.endsWith('*')) return false;
  const prefix = o.slice(0, -1);
  if (/[*?]/.test(prefix)) return false;
  const literal = /^[^*?]*/.exec(i)?.[0] ?? '';
  return literal.startsWith(prefix);
}

/**
 * The engagement's PHI paths that reach behaviour `index`: CloudFront matches cache behaviours in
 * order and falls back to the default, so a PHI path wholly claimed by an earlier behaviour never
 * reaches a later one (behaviours are in precedence order, the default last).
 */
export function phiPathsReaching(
  behaviours: readonly Behaviour[],
  index: number,
  phiUrlPaths: readonly string[],
): string[] {
  const behaviour = behaviours[index];
  if (!behaviour) return [];
  const earlier = behaviours.slice(0, index);
  return phiPathsServedBy(behaviour.pathPattern, phiUrlPaths).filter(
    (phiPath) => !earlier.some((each) => patternContains(each.pathPattern, phiPath)),
  );
}

/** Whether CloudFront may keep responses at the edge: a TTL above 0 and not every header forwarded. */
export function cachesResponses(cache: BehaviourCache): boolean {
  if (cache.allHeadersForwarded) return false;
  return cache.minTtl > 0 || cache.defaultTtl > 0 || cache.maxTtl > 0;
}

/** The cache key separates viewers: Authorization or cookies in it. */
export function keyedOnViewer(cache: BehaviourCache): boolean {
  return cache.authorizationInKey || cache.cookiesInKey !== 'none';
}

export const quoted = (values: readonly string[]): string => values.map((each) => `"${each}"`).join(', ');

/** 'PHI path "/api/*"' or 'PHI paths "/account*", "/orders*"' */
export const phiPathWords = (paths: readonly string[]): string =>
  `PHI path${paths.length === 1 ? '' : 's'} ${quoted(paths)}`;
