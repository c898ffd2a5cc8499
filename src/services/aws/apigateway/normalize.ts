import type { DomainName, Resource, RestApi, Stage } from '@aws-sdk/client-api-gateway';
import type { DomainNameProperties, RestApiMethod, RestApiProperties } from './resource';

/**
 * Pure conversions from API Gateway (v1) answers: RestApi, Resource (with methods embedded),
 * Stage and DomainName as the REST API reference (2015-07-09) shapes them.
 */

export const restApiArn = (partition: string, region: string, id: string): string =>
  `arn:${partition}:apigateway:${region}::/restapis/${id}`;

export const domainNameArn = (partition: string, region: string, name: string): string =>
  `arn:${partition}:apigateway:${region}::/domainnames/${name}`;

/** Each method of each resource, in path order; resources without methods add nothing. */
export function methodsFrom(resources: readonly Resource[]): RestApiMethod[] {
  return resources
    .flatMap((resource) =>
      Object.entries(resource.resourceMethods ?? {}).map(([verb, method]) => ({
        path: resource.path ?? '/',
        httpMethod: method.httpMethod ?? verb,
        authorizationType: method.authorizationType ?? 'NONE',
        apiKeyRequired: method.apiKeyRequired === true,
      })),
    )
    .sort((a, b) => a.path.localeCompare(b.path) || a.httpMethod.localeCompare(b.httpMethod));
}

export function stagesFrom(stages: readonly Stage[]): NonNullable<RestApiProperties['stages']> {
  return stages
    .map((stage) => ({
      name: stage.stageName ?? '',
      deploymentId: stage.deploymentId ?? null,
      accessLogDestination: stage.accessLogSettings?.destinationArn ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function restApiBase(
  api: RestApi,
): Pick<RestApiProperties, 'apiId' | 'endpointTypes' | 'disableExecuteApiEndpoint'> {
  return {
    apiId: api.id ?? '',
    endpointTypes: [...(api.endpointConfiguration?.types ?? [])],
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint === true,
  };
}

export function domainNameFrom(domain: DomainName): DomainNameProperties {
  return {
    securityPolicy: domain.securityPolicy ?? null,
    endpointTypes: [...(domain.endpointConfiguration?.types ?? [])],
    mutualTls: domain.mutualTlsAuthentication?.truststoreUri !== undefined,
    status: domain.domainNameStatus ?? null,
  };
}

/**
 * A health or status probe: the last path segment is health, healthz, status, ping, ready, live or
 * heartbeat and no path parameter precedes it (/orders/{id}/status is an order's status, not a probe).
 */
export function isHealthPath(path: string): boolean {
  if (path.includes('{')) return false;
  return /\/(health|healthz|healthcheck|status|ping|ready|readyz|readiness|live|livez|liveness|heartbeat)\/?$/i.test(
    path,
  );
}

/** Security policies whose minimum protocol is TLS 1.2 or later: TLS_1_2 and the enhanced SecurityPolicy_TLS12/TLS13 ones. */
export function securityPolicyMinimum(policy: string): 'below-1.2' | '1.2-or-later' | 'unknown' {
  if (policy === 'TLS_1_0') return 'below-1.2';
  if (policy === 'TLS_1_2') return '1.2-or-later';
  if (/^SecurityPolicy_TLS1[23]_/.test(policy)) return '1.2-or-later';
  return 'unknown';
}
