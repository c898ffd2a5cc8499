/**
 * URL path patterns: the engagement's PHI paths (`/account*`, `/api/*`) against a CDN's cache
 * behaviour or route patterns (`/account/*`, `*.jpg`, `/api/v1/*`). Both sides are globs where `*`
 * matches any run of characters (including `/`, as CloudFront and Front Door path patterns do) and
 * `?` one character. Matching is case-insensitive: a cache keyed on `/Account/*` still serves
 * `/account/…` to someone, and the consultant's patterns are written in lower case.
 */

/** PHI URL paths of a health-adjacent shop, used until the engagement sets its own. */
export const DEFAULT_PHI_URL_PATHS: readonly string[] = ['/account*', '/orders*', '/checkout*', '/api/*'];

/**
 * True when some request path matches both patterns: the intersection of the two glob languages is
 * not empty. A product walk over (position in a, position in b), memoised, so it is linear in
 * |a| × |b| rather than exponential in the number of stars.
 */
export function pathPatternsOverlap(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const seen = new Set<number>();
  const width = y.length + 1;
  const walk = (i: number, j: number): boolean => {
    const key = i * width + j;
    if (seen.has(key)) return false;
    seen.add(key);
    if (i === x.length && j === y.length) return true;
    const p = x[i];
    const q = y[j];
    // A star may match nothing: skip it on either side.
    if (p === '*' && walk(i + 1, j)) return true;
    if (q === '*' && walk(i, j + 1)) return true;
    if (p === undefined || q === undefined) return false;
    // Both consume one character of a common path (a star stays, it may match more).
    if (p === '*' && q === '*') return walk(i + 1, j) || walk(i, j + 1);
    if (p === '*') return walk(i, j + 1);
    if (q === '*') return walk(i + 1, j);
    if (p === '?' || q === '?' || p === q) return walk(i + 1, j + 1);
    return false;
  };
  return walk(0, 0);
}

/** The engagement's PHI paths a pattern can serve, in the engagement's order (empty: none). */
export function phiPathsServedBy(pattern: string, phiUrlPaths: readonly string[]): string[] {
  return phiUrlPaths.filter((phiPath) => pathPatternsOverlap(pattern, phiPath));
}
