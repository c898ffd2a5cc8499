/**
 * The recurring failure patterns the product looks for (the mission's list); every rule names one,
 * and the report groups findings by them. Wording is shared so a pattern is never spelled two ways.
 */
export const failurePatterns = {
  unencryptedStorage: 'storage without encryption at rest',
  weakTransport: 'non-TLS-1.2 edges',
  publicStorage: 'storage open to public access',
  missingAccessLogs: 'access logs that miss PHI reads',
  replicasOutsideApprovedRegions: 'backups replicated to unapproved regions',
  keysWithoutRotation: 'keys without rotation',
  keysAtRiskOfDeletion: 'keys that can be deleted with the data they protect',
  excessiveAccess: 'guests and IAM users with too much access',
  missingRoleSeparation: 'portals without role separation',
  phiCachedAtEdge: 'PHI cached at CDN edges',
  phiOutsideBaa: 'PHI in queues and services outside the BAA',
  unauthenticatedEndpoints: 'unauthenticated API health endpoints',
  missingDetection: 'no detection of and response to security incidents',
  unclassifiedData: 'data stores without a PHI classification',
  missingBackups: 'PHI stores without backups or point-in-time recovery',
  openNetworkPaths: 'network paths open to the internet or leaving it uncontrolled',
} as const;

export type FailurePattern = (typeof failurePatterns)[keyof typeof failurePatterns];
