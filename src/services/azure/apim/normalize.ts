import { flagOf as flag, normalizeRegion, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { ApiProperties, OperationFacts, PolicyFacts, ServiceProperties } from './resource';

/**
 * Pure conversion of Microsoft.ApiManagement JSON (api-version 2022-08-01) into resources' parts.
 * Absent stays absent; documented defaults are applied only where the reference states them
 * (subscriptionRequired: true).
 */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  sku?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface NormalizedService {
  id: string;
  name: string;
  location: string;
  tags: Record<string, string>;
  properties: ServiceProperties;
}

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const PREFIX = 'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.';

/** A customProperties switch: "True"/"False" (any case) or a boolean; null when not reported. */
function protocolSwitch(custom: Record<string, unknown>, key: string): boolean | null {
  const found = Object.entries(custom).find(
    ([name]) => name.toLowerCase() === `${PREFIX}${key}`.toLowerCase(),
  );
  const value = found?.[1];
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim()))
    return value.trim().toLowerCase() === 'true';
  return null;
}

export function normalizeService(service: ArmResource): NormalizedService | null {
  const id = text(service.id);
  const name = text(service.name);
  const location = text(service.location);
  if (!id || !name || !location) return null;
  const props = service.properties ?? {};
  const custom = record(props.customProperties);
  const created = text(props.createdAtUtc);
  const gateway = text(props.gatewayUrl);
  return {
    id,
    name,
    location: normalizeRegion(location),
    tags: tagsOf(service.tags),
    properties: {
      resourceGroup: resourceGroupOf(id),
      skuName: text(record(service.sku)?.name) ?? 'unknown',
      ...(created ? { createdAtUtc: created } : {}),
      ...(gateway ? { gatewayUrl: gateway } : {}),
      ...(custom
        ? {
            gatewayProtocols: {
              tls10: protocolSwitch(custom, 'Protocols.Tls10'),
              tls11: protocolSwitch(custom, 'Protocols.Tls11'),
              ssl30: protocolSwitch(custom, 'Protocols.Ssl30'),
            },
            backendProtocols: {
              tls10: protocolSwitch(custom, 'Backend.Protocols.Tls10'),
              tls11: protocolSwitch(custom, 'Backend.Protocols.Tls11'),
              ssl30: protocolSwitch(custom, 'Backend.Protocols.Ssl30'),
            },
          }
        : {}),
    },
  };
}

/** Policies that authenticate the caller. authentication-basic/-certificate/-managed-identity authenticate APIM to the backend and do not count. */
export const CALLER_AUTH_POLICIES = [
  'validate-jwt',
  'validate-azure-ad-token',
  'validate-client-certificate',
] as const;

/**
 * What a policy document does for caller authentication: the caller-authentication policies and
 * <base /> inside its <inbound> section (comments removed). A policy inside <choose> counts: its
 * condition is not evaluated. Format xml and rawxml read the same here.
 */
export function policyFacts(xml: string): PolicyFacts {
  const clean = xml.replace(/<!--[\s\S]*?-->/g, '');
  const inbound = /<inbound\b[^>]*>([\s\S]*?)<\/inbound>/i.exec(clean)?.[1] ?? '';
  return {
    inboundAuth: CALLER_AUTH_POLICIES.filter((name) => new RegExp(`<${name}[\\s/>]`, 'i').test(inbound)),
    inheritsBase: /<base\s*\/>|<base\s*>\s*<\/base>/i.test(inbound),
  };
}

/** A policy contract's facts, or undefined when the answer carries no policy text. */
export function policyContractFacts(contract: ArmResource): PolicyFacts | undefined {
  const value = text(contract.properties?.value);
  return value === undefined ? undefined : policyFacts(value);
}

export interface NormalizedApi {
  id: string;
  name: string;
  tags: Record<string, string>;
  /** properties.isCurrent: false for a non-current revision */
  isCurrent: boolean;
  properties: ApiProperties;
}

export function normalizeApi(api: ArmResource, service: NormalizedService): NormalizedApi | null {
  const id = text(api.id);
  const name = text(api.name);
  if (!id || !name) return null;
  const props = api.properties ?? {};
  const protocols = Array.isArray(props.protocols)
    ? props.protocols.flatMap((each) => (typeof each === 'string' ? [each] : []))
    : [];
  const apiType = text(props.type) ?? text(props.apiType);
  return {
    id,
    name,
    // APIs carry no ARM tags: they inherit the service's.
    tags: { ...service.tags },
    isCurrent: flag(props.isCurrent) ?? true,
    properties: {
      resourceGroup: resourceGroupOf(id),
      serviceName: service.name,
      displayName: text(props.displayName) ?? null,
      path: typeof props.path === 'string' ? props.path : '',
      protocols,
      // "Specifies whether an API or Product subscription is required for accessing the API" — true when omitted.
      subscriptionRequired: flag(props.subscriptionRequired) ?? true,
      ...(apiType ? { apiType } : {}),
    },
  };
}

export function normalizeOperation(operation: ArmResource): Omit<OperationFacts, 'policy'> | null {
  const name = text(operation.name);
  if (!name) return null;
  const props = operation.properties ?? {};
  return {
    name,
    displayName: text(props.displayName) ?? null,
    method: text(props.method) ?? 'GET',
    urlTemplate: text(props.urlTemplate) ?? '/',
  };
}
