import { flagOf as flag, normalizeRegion, resourceGroupOf, tagsOf, textOf as text } from '../../../kit';
import type { AccessRule, Authentication, SiteProperties } from './resource';

/**
 * Pure conversion of Microsoft.Web JSON (api-version 2023-12-01) into a site's parts. Absent and
 * null properties stay absent (or null where the schema says "not reported"), never invented.
 */

export interface ArmSite {
  id?: unknown;
  name?: unknown;
  kind?: unknown;
  location?: unknown;
  tags?: unknown;
  properties?: Record<string, unknown> | null;
}

export interface ArmConfig {
  properties?: Record<string, unknown> | null;
}

export interface NormalizedSite {
  id: string;
  name: string;
  /** Microsoft.Web answers display names ('East US'); normalized to 'eastus' */
  location: string;
  tags: Record<string, string>;
  properties: SiteProperties;
}

/** ARM's catch-all entry: priority 2147483647, ipAddress 'Any' ('Allow all' or 'Deny all'). */
export const CATCH_ALL_PRIORITY = 2147483647;

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;

const nullableText = (value: unknown): string | null => text(value) ?? null;

export function normalizeSite(site: ArmSite): NormalizedSite | null {
  const id = text(site.id);
  const name = text(site.name);
  const location = text(site.location);
  if (!id || !name || !location) return null;
  const props = site.properties ?? {};
  const kind = text(site.kind) ?? 'app';
  const state = text(props.state);
  const host = text(props.defaultHostName);
  const httpsOnly = flag(props.httpsOnly);
  const clientCert = flag(props.clientCertEnabled);
  const properties: SiteProperties = {
    resourceGroup: resourceGroupOf(id),
    kind,
    functionApp: kind.toLowerCase().split(',').includes('functionapp'),
    ...(state ? { state } : {}),
    ...(host ? { defaultHostName: host } : {}),
    ...(httpsOnly !== undefined ? { httpsOnly } : {}),
    ...(clientCert !== undefined ? { clientCertEnabled: clientCert } : {}),
    publicNetworkAccess: nullableText(props.publicNetworkAccess),
  };
  return { id, name, location: normalizeRegion(location), tags: tagsOf(site.tags), properties };
}

function accessRule(entry: Record<string, unknown>): AccessRule {
  const subnet = text(entry.vnetSubnetResourceId);
  const priority = entry.priority;
  const headers = record(entry.headers) ?? {};
  const fdid = Object.entries(headers).find(([name]) => name.toLowerCase() === 'x-azure-fdid')?.[1];
  const frontDoorIds = Array.isArray(fdid)
    ? fdid.filter((id): id is string => typeof id === 'string' && id !== '')
    : [];
  return {
    name: nullableText(entry.name),
    action: text(entry.action) ?? 'Allow',
    priority: typeof priority === 'number' ? priority : null,
    source: subnet ?? nullableText(entry.ipAddress),
    kind: subnet ? 'Subnet' : (text(entry.tag) ?? 'Default'),
    ...(frontDoorIds.length > 0 ? { frontDoorIds } : {}),
  };
}

const isCatchAll = (entry: Record<string, unknown>): boolean =>
  entry.priority === CATCH_ALL_PRIORITY && text(entry.ipAddress)?.toLowerCase() === 'any';

/**
 * One access-restriction list: the explicit rules and the action for unmatched requests. ARM
 * reports the default as ipSecurityRestrictionsDefaultAction (2023-01-01 and later) and also as a
 * catch-all entry ('Allow all' / 'Deny all'); an older answer without either denies unmatched
 * requests as soon as one rule exists and allows everything otherwise.
 */
export function accessRestrictions(
  list: unknown,
  defaultAction: unknown,
): { rules: AccessRule[]; defaultAction: string } | undefined {
  if (!Array.isArray(list)) return undefined;
  const entries = list.flatMap((each) => {
    const entry = record(each);
    return entry ? [entry] : [];
  });
  const catchAll = entries.find(isCatchAll);
  const rules = entries.filter((entry) => !isCatchAll(entry)).map(accessRule);
  const reported = text(defaultAction) ?? (catchAll ? text(catchAll.action) : undefined);
  return { rules, defaultAction: reported ?? (rules.length > 0 ? 'Deny' : 'Allow') };
}

/** The settings of WebApps_GetConfiguration the rules read. */
export function siteConfigProperties(config: ArmConfig): Partial<SiteProperties> {
  const props = config.properties ?? {};
  const main = accessRestrictions(props.ipSecurityRestrictions, props.ipSecurityRestrictionsDefaultAction);
  const scm = accessRestrictions(
    props.scmIpSecurityRestrictions,
    props.scmIpSecurityRestrictionsDefaultAction,
  );
  const http2 = flag(props.http20Enabled);
  const useMain = flag(props.scmIpSecurityRestrictionsUseMain);
  return {
    minTlsVersion: nullableText(props.minTlsVersion),
    scmMinTlsVersion: nullableText(props.scmMinTlsVersion),
    ftpsState: nullableText(props.ftpsState),
    ...(http2 !== undefined ? { http20Enabled: http2 } : {}),
    healthCheckPath: nullableText(props.healthCheckPath),
    ...(main ? { accessRestrictions: main.rules, accessRestrictionsDefaultAction: main.defaultAction } : {}),
    ...(scm
      ? { scmAccessRestrictions: scm.rules, scmAccessRestrictionsDefaultAction: scm.defaultAction }
      : {}),
    ...(useMain !== undefined ? { scmUsesMainRestrictions: useMain } : {}),
  };
}

/**
 * App Service authentication from WebApps_GetAuthSettingsV2WithoutSecrets. A site that never
 * configured it answers platform.enabled false (or no platform at all): authentication off.
 */
export function authenticationOf(config: ArmConfig): Authentication {
  const props = config.properties ?? {};
  const platform = record(props.platform);
  const validation = record(props.globalValidation);
  const providers = record(props.identityProviders) ?? {};
  const excluded = Array.isArray(validation?.excludedPaths) ? validation.excludedPaths : [];
  return {
    enabled: flag(platform?.enabled) ?? false,
    requireAuthentication: flag(validation?.requireAuthentication) ?? null,
    unauthenticatedClientAction: nullableText(validation?.unauthenticatedClientAction),
    excludedPaths: excluded.flatMap((path) => (typeof path === 'string' && path !== '' ? [path] : [])),
    // A provider block without `enabled: false` is on (the V2 format's default).
    identityProviders: Object.entries(providers).flatMap(([name, value]) => {
      const provider = record(value);
      return provider && flag(provider.enabled) !== false ? [name] : [];
    }),
  };
}
