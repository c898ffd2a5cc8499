/**
 * Region comparison for the replication rules. AWS regions ('us-east-1') and Azure locations
 * ('eastus', or the display form 'East US') are compared case- and space-insensitively.
 */

export function normalizeRegion(region: string): string {
  return region.trim().toLowerCase().replace(/\s+/g, '');
}

export function isApprovedRegion(region: string, approvedRegions: readonly string[]): boolean {
  const wanted = normalizeRegion(region);
  return approvedRegions.some((r) => normalizeRegion(r) === wanted);
}

/** "us-east-1, us-west-2" for detail messages. */
export function listRegions(regions: readonly string[]): string {
  return regions.join(', ');
}

/** The agreed wording when an engagement has no approved regions yet. */
export const NO_APPROVED_REGIONS = 'no approved regions set for this engagement';
