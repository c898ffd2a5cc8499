import { flagOf as flag, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type {
  Caching,
  Condition,
  CustomDomainProperties,
  EndpointProperties,
  RouteProperties,
  RouteRule,
} from './resource';

/**
 * Pure conversion of Microsoft.Cdn JSON (api-version 2024-02-01) into resources' parts. Absent
 * and null stay absent or null (a route without cacheConfiguration does not cache: that is the
 * API's own convention), never invented.
 */

export interface ArmResource {
  id?: unknown;
  name?: unknown;
  location?: unknown;
  tags?: unknown;
  sku?: unknown;
  properties?: Record<string, unknown> | null;
}

export const FRONT_DOOR_SKUS = ['standard_azurefrontdoor', 'premium_azurefrontdoor'];

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const strings = (value: unknown): string[] =>
  list(value).flatMap((each) => (typeof each === 'string' && each !== '' ? [each] : []));

/** '/subscriptions/…/ruleSets/shopcaching' → 'shopcaching' */
export const lastSegment = (id: string): string => id.split('/').filter(Boolean).pop() ?? id;

/** The ids a list of { id } references names, in order. */
const referenceIds = (value: unknown): string[] =>
  list(value).flatMap((each) => {
    const id = text(record(each)?.id);
    return id ? [id] : [];
  });

export interface NormalizedProfile {
  id: string;
  name: string;
  resourceGroup: string;
  tags: Record<string, string>;
  skuName: string;
  frontDoorId?: string;
}

/** A Microsoft.Cdn profile; null for an entry without id or name. */
export function normalizeProfile(profile: ArmResource): NormalizedProfile | null {
  const id = text(profile.id);
  const name = text(profile.name);
  if (!id || !name) return null;
  const frontDoorId = text(profile.properties?.frontDoorId);
  return {
    id,
    name,
    resourceGroup: resourceGroupOf(id),
    tags: tagsOf(profile.tags),
    skuName: text(record(profile.sku)?.name) ?? 'unknown',
    ...(frontDoorId ? { frontDoorId } : {}),
  };
}

export const isFrontDoorProfile = (profile: NormalizedProfile): boolean =>
  FRONT_DOOR_SKUS.includes(profile.skuName.toLowerCase());

/** A route's or override's cacheConfiguration; null when absent (caching off). */
export function normalizeCaching(value: unknown): Caching | null {
  const caching = record(value);
  if (!caching) return null;
  return {
    queryStringCachingBehavior: text(caching.queryStringCachingBehavior) ?? null,
    queryParameters: text(caching.queryParameters) ?? null,
    cacheBehavior: text(caching.cacheBehavior) ?? null,
    cacheDuration: text(caching.cacheDuration) ?? null,
  };
}

function normalizeCondition(value: unknown): Condition | null {
  const condition = record(value);
  const name = text(condition?.name);
  if (!name) return null;
  const parameters = record(condition?.parameters) ?? {};
  return {
    name,
    operator: text(parameters.operator) ?? null,
    negate: flag(parameters.negateCondition) ?? false,
    matchValues: strings(parameters.matchValues),
  };
}

/** One rule of a rule set; null for an entry without a name. */
export function normalizeRule(rule: ArmResource, ruleSet: string): RouteRule | null {
  const name = text(rule.name);
  if (!name) return null;
  const props = rule.properties ?? {};
  const override = list(props.actions)
    .map(record)
    .find((action) => text(action?.name) === 'RouteConfigurationOverride');
  const order = props.order;
  return {
    ruleSet,
    name,
    order: typeof order === 'number' ? order : 0,
    conditions: list(props.conditions).flatMap((each) => {
      const condition = normalizeCondition(each);
      return condition ? [condition] : [];
    }),
    ...(override ? { caching: normalizeCaching(record(override.parameters)?.cacheConfiguration) } : {}),
    stops: text(props.matchProcessingBehavior)?.toLowerCase() === 'stop',
  };
}

export interface RouteContext {
  profile: NormalizedProfile;
  endpointName: string;
  endpointHostName?: string;
  /** Custom domain id (lower case) → host name */
  domainNames: ReadonlyMap<string, string>;
  /** Rule set name (lower case) → its rules; undefined when a rule set could not be read */
  rulesByRuleSet: ReadonlyMap<string, RouteRule[]> | undefined;
}

export interface NormalizedChild<P> {
  id: string;
  name: string;
  tags: Record<string, string>;
  properties: P;
}

/** Rules of the route's rule sets in Front Door's order: rule sets as attached, rules by order. */
function routeRules(
  ruleSetNames: readonly string[],
  rules: RouteContext['rulesByRuleSet'],
): RouteRule[] | undefined {
  if (!rules) return ruleSetNames.length === 0 ? [] : undefined;
  const out: RouteRule[] = [];
  for (const name of ruleSetNames) {
    const found = rules.get(name.toLowerCase());
    if (!found) return undefined;
    out.push(...[...found].sort((a, b) => a.order - b.order));
  }
  return out;
}

export function normalizeRoute(
  route: ArmResource,
  context: RouteContext,
): NormalizedChild<RouteProperties> | null {
  const id = text(route.id);
  const name = text(route.name);
  if (!id || !name) return null;
  const props = route.properties ?? {};
  const ruleSetNames = referenceIds(props.ruleSets).map(lastSegment);
  const rules = routeRules(ruleSetNames, context.rulesByRuleSet);
  const enabledState = text(props.enabledState);
  const protocols = Array.isArray(props.supportedProtocols) ? strings(props.supportedProtocols) : undefined;
  const httpsRedirect = text(props.httpsRedirect);
  const forwarding = text(props.forwardingProtocol);
  const link = text(props.linkToDefaultDomain);
  const properties: RouteProperties = {
    resourceGroup: resourceGroupOf(id),
    profileName: context.profile.name,
    endpointName: context.endpointName,
    ...(context.endpointHostName ? { endpointHostName: context.endpointHostName } : {}),
    ...(enabledState ? { enabledState } : {}),
    patternsToMatch: strings(props.patternsToMatch),
    ...(protocols ? { supportedProtocols: protocols } : {}),
    ...(httpsRedirect ? { httpsRedirect } : {}),
    ...(forwarding ? { forwardingProtocol: forwarding } : {}),
    caching: normalizeCaching(props.cacheConfiguration),
    ruleSetNames,
    ...(rules ? { ruleSetRules: rules } : {}),
    customDomains: referenceIds(props.customDomains).map(
      (domain) => context.domainNames.get(domain.toLowerCase()) ?? domain,
    ),
    ...(link ? { linkToDefaultDomain: link.toLowerCase() === 'enabled' } : {}),
  };
  return { id, name, tags: { ...context.profile.tags, ...tagsOf(route.tags) }, properties };
}

export function normalizeCustomDomain(
  domain: ArmResource,
  profile: NormalizedProfile,
): NormalizedChild<CustomDomainProperties> | null {
  const id = text(domain.id);
  const name = text(domain.name);
  if (!id || !name) return null;
  const props = domain.properties ?? {};
  const tls = record(props.tlsSettings);
  const validation = text(props.domainValidationState);
  return {
    id,
    name,
    tags: { ...profile.tags },
    properties: {
      resourceGroup: resourceGroupOf(id),
      profileName: profile.name,
      hostName: text(props.hostName) ?? name,
      minimumTlsVersion: text(tls?.minimumTlsVersion) ?? null,
      certificateType: text(tls?.certificateType) ?? null,
      ...(validation ? { validationState: validation } : {}),
    },
  };
}

/** WAF associations of a profile's security policies; domain ids named by host name where known. */
export function wafAssociations(
  policies: readonly ArmResource[],
  hostNames: ReadonlyMap<string, string>,
): NonNullable<EndpointProperties['wafAssociations']> {
  return policies.flatMap((policy) => {
    const policyName = text(policy.name) ?? 'unnamed security policy';
    const parameters = record(policy.properties?.parameters);
    if (text(parameters?.type)?.toLowerCase() !== 'webapplicationfirewall') return [];
    const wafPolicyId = text(record(parameters?.wafPolicy)?.id) ?? null;
    return list(parameters?.associations).flatMap((each) => {
      const association = record(each);
      if (!association) return [];
      return [
        {
          policyName,
          wafPolicyId,
          domains: referenceIds(association.domains).map((id) => hostNames.get(id.toLowerCase()) ?? id),
          patternsToMatch: strings(association.patternsToMatch),
        },
      ];
    });
  });
}

/** An endpoint with the routes the WAF rule needs (undefined when they could not be read). */
export function normalizeEndpoint(
  endpoint: ArmResource,
  profile: NormalizedProfile,
  routes: readonly NormalizedChild<RouteProperties>[] | undefined,
  waf: EndpointProperties['wafAssociations'],
): NormalizedChild<EndpointProperties> | null {
  const id = text(endpoint.id);
  const name = text(endpoint.name);
  if (!id || !name) return null;
  const props = endpoint.properties ?? {};
  const hostName = text(props.hostName);
  const enabledState = text(props.enabledState);
  return {
    id,
    name,
    tags: { ...profile.tags, ...tagsOf(endpoint.tags) },
    properties: {
      resourceGroup: resourceGroupOf(id),
      profileName: profile.name,
      ...(hostName ? { hostName } : {}),
      ...(enabledState ? { enabledState } : {}),
      ...(routes
        ? {
            routes: routes.map((route) => ({
              name: route.name,
              enabled: route.properties.enabledState?.toLowerCase() !== 'disabled',
              patternsToMatch: route.properties.patternsToMatch,
              hostNames: [
                ...route.properties.customDomains,
                ...(route.properties.linkToDefaultDomain !== false && hostName ? [hostName] : []),
              ],
            })),
          }
        : {}),
      ...(waf ? { wafAssociations: waf } : {}),
    },
  };
}
