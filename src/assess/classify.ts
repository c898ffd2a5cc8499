import type { NormalizedResource } from '../kit/model';

const TRUTHY = new Set(['true', 'yes', '1', 'phi', 'ephi', 'restricted', 'confidential-phi', 'hipaa']);

/**
 * PHI classification from tags (ARCHITECTURE.md "Normalize"): a resource holds PHI when one of the
 * engagement's PHI tag keys is present with a value that says so (`phi=true`,
 * `data-classification=phi`, `hipaa=yes`), or when its name matches one of the engagement's PHI
 * path patterns (glob with `*`). Matching is case-insensitive on keys and values.
 */
export function classifyPhi(
  resource: Pick<NormalizedResource, 'tags' | 'name' | 'nativeId'>,
  phiTagKeys: readonly string[],
  phiPathPatterns: readonly string[] = [],
): { phi: boolean; reason: string | null } {
  const keys = new Set(phiTagKeys.map((k) => k.toLowerCase()));
  for (const [key, value] of Object.entries(resource.tags)) {
    if (!keys.has(key.toLowerCase())) continue;
    const v = value.trim().toLowerCase();
    if (TRUTHY.has(v) || v.includes('phi')) return { phi: true, reason: `tag ${key}=${value}` };
  }
  for (const pattern of phiPathPatterns) {
    if (globToRegExp(pattern).test(resource.name) || globToRegExp(pattern).test(resource.nativeId)) {
      return { phi: true, reason: `name matches PHI pattern ${pattern}` };
    }
  }
  return { phi: false, reason: null };
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
