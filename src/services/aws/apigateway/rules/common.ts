import type { NormalizedResource } from '../../../../kit';
import { isHealthPath } from '../normalize';
import { domainName, restApi, type RestApiMethod } from '../resource';

export const REST_API = restApi.type;
export const DOMAIN_NAME = domainName.type;
export const restApiProperties = restApi.properties;
export const domainNameProperties = domainName.properties;

/** "API Gateway REST API nwv-storefront-api (k7x2m9q4ab) in us-east-1" */
export function restApiLabel(resource: NormalizedResource): string {
  const { apiId } = restApiProperties(resource);
  return `API Gateway REST API ${resource.name}${apiId && apiId !== resource.name ? ` (${apiId})` : ''} in ${resource.region}`;
}

export const domainLabel = (resource: NormalizedResource): string =>
  `API Gateway custom domain ${resource.name} in ${resource.region}`;

/** "GET /account" */
export const methodLabel = (method: RestApiMethod): string => `${method.httpMethod} ${method.path}`;

/**
 * Methods callable without credentials: authorizationType NONE and no API key. OPTIONS (CORS
 * preflight, answered without the caller's data) is left out.
 */
export function openMethods(methods: readonly RestApiMethod[]): RestApiMethod[] {
  return methods.filter(
    (method) =>
      method.httpMethod !== 'OPTIONS' && method.authorizationType === 'NONE' && !method.apiKeyRequired,
  );
}

export const isHealthMethod = (method: RestApiMethod): boolean => isHealthPath(method.path);

/** How the API is reachable, for details: a private API answers only through VPC endpoints. */
export function reachWords(resource: NormalizedResource): string {
  const { endpointTypes } = restApiProperties(resource);
  return endpointTypes?.includes('PRIVATE')
    ? ' (a private API, reachable through VPC endpoints its policy allows)'
    : '';
}
