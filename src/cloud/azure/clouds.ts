import type { CloudName } from '../../kit/model';
import { DeskError } from '../../errors';

export interface AzureCloudEndpoints {
  cloud: CloudName;
  /** Azure Resource Manager, without a trailing slash, e.g. https://management.azure.com */
  armEndpoint: string;
  /** Microsoft Entra ID authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** OAuth scope for ARM tokens */
  armScope: string;
}

const known: Record<'AzureCloud' | 'AzureUSGovernment', { armEndpoint: string; authorityHost: string }> = {
  AzureCloud: {
    armEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
  },
  AzureUSGovernment: {
    armEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
  },
};

function httpsOrigin(value: string, what: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeskError('BAD_INPUT', `The ${what} "${value}" is not a URL.`);
  }
  // Tokens travel to these hosts: never over plain HTTP (a private CA is trusted through NODE_EXTRA_CA_CERTS).
  if (url.protocol !== 'https:') throw new DeskError('BAD_INPUT', `The ${what} must use https: ${value}`);
  return url.origin;
}

/**
 * Endpoints of a target's Azure cloud. A 'custom' cloud (an ARM-compatible endpoint) names them in
 * its non-secret auth selectors: auth.armEndpoint and auth.authorityHost.
 */
export function azureCloudEndpoints(
  cloud: CloudName,
  auth: Record<string, string> = {},
): AzureCloudEndpoints {
  let endpoints: { armEndpoint: string; authorityHost: string };
  if (cloud === 'AzureCloud' || cloud === 'AzureUSGovernment') {
    endpoints = known[cloud];
  } else if (cloud === 'custom') {
    if (!auth.armEndpoint)
      throw new DeskError('BAD_INPUT', 'A custom Azure cloud needs auth.armEndpoint (the ARM endpoint URL).');
    endpoints = {
      armEndpoint: httpsOrigin(auth.armEndpoint, 'ARM endpoint'),
      authorityHost: httpsOrigin(auth.authorityHost ?? known.AzureCloud.authorityHost, 'authority host'),
    };
  } else {
    throw new DeskError(
      'BAD_INPUT',
      `Cloud "${cloud}" is not an Azure cloud (expected AzureCloud, AzureUSGovernment or custom).`,
    );
  }
  return { cloud, ...endpoints, armScope: `${endpoints.armEndpoint}/.default` };
}
