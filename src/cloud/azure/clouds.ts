import type { CloudName } from '../../kit/model';
import { DeskError } from '../../errors';

export interface AzureCloudEndpoints {
  cloud: CloudName;
  /** Azure Resource Manager, without a trailing slash, e.g. https://management.azure.com */
  armEndpoint: string;
  /** Microsoft Entra ID authority host, e.g. https://login.microsoftonline.com */
  authorityHost: string;
  /** OAuth scope for ARM tokens: the token audience + '/.default' */
  armScope: string;
}

/** The Azure clouds a target may name; 'custom' is an ARM-compatible endpoint (Azure Stack Hub). */
export const AZURE_CLOUDS = ['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud', 'custom'] as const;

/**
 * Endpoints of the national clouds, as `az cloud show --name <cloud>` prints them
 * (endpoints.resourceManager, endpoints.activeDirectory; Microsoft Learn "National clouds", 2026-11).
 */
const known: Record<
  'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud',
  { armEndpoint: string; authorityHost: string }
> = {
  AzureCloud: {
    armEndpoint: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
  },
  AzureUSGovernment: {
    armEndpoint: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
  },
  AzureChinaCloud: {
    armEndpoint: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
  },
};

/** An https URL of a custom cloud, as given (a token audience may carry a path); refuses anything else. */
export function httpsUrl(value: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new DeskError('BAD_INPUT', `The ${what} "${value}" is not a URL.`);
  }
  // Tokens travel to these hosts: never over plain HTTP (a private CA is trusted through NODE_EXTRA_CA_CERTS).
  if (url.protocol !== 'https:') throw new DeskError('BAD_INPUT', `The ${what} must use https: ${value}`);
  return url;
}

function httpsOrigin(value: string, what: string): string {
  return httpsUrl(value, what).origin;
}

/**
 * Endpoints of a target's Azure cloud. A 'custom' cloud (an ARM-compatible endpoint such as Azure
 * Stack Hub) names them in its non-secret auth selectors: auth.armEndpoint and auth.authorityHost
 * (both required: a token for the wrong authority would be sent to the wrong host) and optionally
 * auth.audience, the token audience the ARM endpoint expects (Azure Stack Hub:
 * `https://management.<domain>/<guid>`, from `az cloud show` endpoints.activeDirectoryResourceId);
 * without it the ARM endpoint is the audience.
 */
export function azureCloudEndpoints(
  cloud: CloudName,
  auth: Record<string, string> = {},
): AzureCloudEndpoints {
  let endpoints: { armEndpoint: string; authorityHost: string };
  let audience: string;
  if (cloud === 'AzureCloud' || cloud === 'AzureUSGovernment' || cloud === 'AzureChinaCloud') {
    endpoints = known[cloud];
    audience = endpoints.armEndpoint;
  } else if (cloud === 'custom') {
    if (!auth.armEndpoint || !auth.authorityHost)
      throw new DeskError(
        'BAD_INPUT',
        'A custom Azure cloud needs its ARM endpoint and its authority host (and, for Azure Stack Hub, the token audience): `az cloud show` prints them as endpoints.resourceManager, endpoints.activeDirectory and endpoints.activeDirectoryResourceId.',
      );
    endpoints = {
      armEndpoint: httpsOrigin(auth.armEndpoint, 'ARM endpoint'),
      authorityHost: httpsOrigin(auth.authorityHost, 'authority host'),
    };
    audience = auth.audience
      ? httpsUrl(auth.audience, 'token audience').href.replace(/\/+$/, '')
      : endpoints.armEndpoint;
  } else {
    throw new DeskError(
      'BAD_INPUT',
      `Cloud "${cloud}" is not an Azure cloud (expected ${AZURE_CLOUDS.join(', ')}).`,
    );
  }
  return { cloud, ...endpoints, armScope: `${audience}/.default` };
}
