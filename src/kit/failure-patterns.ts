/**
 * The recurring failure patterns the product looks for; every rule names one, and the report
 * groups findings by them. Wording is shared so a pattern is never spelled two ways.
 */
export const failurePatterns = {
  unencryptedStorage: 'storage without encryption at rest',
  weakTransport: 'non-TLS-1.2 edges',
  publicStorage: 'storage open to public access',
  missingAccessLogs: 'access logs that miss PHI reads',
  replicasOutsideApprovedRegions: 'backups replicated to unapproved regions',
} as const;

export type FailurePattern = (typeof failurePatterns)[keyof typeof failurePatterns];
