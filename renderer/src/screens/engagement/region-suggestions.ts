/**
 * Region names offered while typing approved regions. Only suggestions: any region name is
 * accepted. US regions first (HIPAA workloads are mostly US-hosted), then sovereign clouds.
 * Source: AWS "Regions and Availability Zones" and Azure "Azure geographies" lists, 2026.
 */
export const awsRegions = [
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
  'ca-central-1',
  'eu-west-1',
  'eu-central-1',
  'us-gov-east-1',
  'us-gov-west-1',
] as const;

export const azureRegions = [
  'eastus',
  'eastus2',
  'centralus',
  'northcentralus',
  'southcentralus',
  'westcentralus',
  'westus',
  'westus2',
  'westus3',
  'canadacentral',
  'usgovvirginia',
  'usgovarizona',
  'usgovtexas',
] as const;

export const regionSuggestions: readonly string[] = [...awsRegions, ...azureRegions];

const awsSet = new Set<string>(awsRegions);

export function regionProvider(region: string): string {
  return awsSet.has(region) ? 'AWS' : 'Azure';
}

/** The PHI tag keys a new workspace uses when none are given (src/workspace DEFAULT_PHI_TAG_KEYS). */
export const defaultPhiTagKeys = ['phi', 'data-classification', 'hipaa'];

/** The PHI URL paths a new engagement starts with (src/kit/paths.ts DEFAULT_PHI_URL_PATHS). */
export const defaultPhiUrlPaths = ['/account*', '/orders*', '/checkout*', '/api/*'];
