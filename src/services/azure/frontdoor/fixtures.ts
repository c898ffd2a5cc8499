import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { CustomDomainProperties, EndpointProperties, RouteProperties, RouteRule } from './resource';

/** Front Door resources as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';
const profilePath = `/subscriptions/${subscription}/resourceGroups/rg-web/providers/Microsoft.Cdn/profiles/nwv-fd`;

export function compliantRouteProperties(): RouteProperties {
  return {
    resourceGroup: 'rg-web',
    profileName: 'nwv-fd',
    endpointName: 'nwv-shop',
    endpointHostName: 'nwv-shop-abc123.z01.azurefd.net',
    enabledState: 'Enabled',
    patternsToMatch: ['/account/*'],
    supportedProtocols: ['Http', 'Https'],
    httpsRedirect: 'Enabled',
    forwardingProtocol: 'HttpsOnly',
    caching: null,
    ruleSetNames: [],
    ruleSetRules: [],
    customDomains: ['shop.northwindvitals.example'],
    linkToDefaultDomain: true,
  };
}

export function compliantEndpointProperties(): EndpointProperties {
  return {
    resourceGroup: 'rg-web',
    profileName: 'nwv-fd',
    hostName: 'nwv-shop-abc123.z01.azurefd.net',
    enabledState: 'Enabled',
    routes: [
      {
        name: 'account',
        enabled: true,
        patternsToMatch: ['/account/*'],
        hostNames: ['shop.northwindvitals.example', 'nwv-shop-abc123.z01.azurefd.net'],
      },
      {
        name: 'static',
        enabled: true,
        patternsToMatch: ['/static/*'],
        hostNames: ['static.northwindvitals.example'],
      },
    ],
    wafAssociations: [
      {
        policyName: 'shop-waf',
        wafPolicyId:
          '/subscriptions/s/resourceGroups/rg-web/providers/Microsoft.Network/frontdoorWebApplicationFirewallPolicies/shopwaf',
        domains: ['shop.northwindvitals.example', 'nwv-shop-abc123.z01.azurefd.net'],
        patternsToMatch: ['/*'],
      },
    ],
  };
}

export function compliantDomainProperties(): CustomDomainProperties {
  return {
    resourceGroup: 'rg-web',
    profileName: 'nwv-fd',
    hostName: 'shop.northwindvitals.example',
    minimumTlsVersion: 'TLS12',
    certificateType: 'ManagedCertificate',
    validationState: 'Approved',
  };
}

interface Options<P> {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const phi = options.phi ?? false;
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
    name,
    scopeId: subscription,
    region: 'global',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [31],
  };
}

export const route = (options: Options<RouteProperties> = {}) => {
  const name = options.name ?? 'account';
  return build(
    'azure.frontdoor.route',
    `${profilePath}/afdEndpoints/nwv-shop/routes/${name}`,
    name,
    compliantRouteProperties(),
    options,
  );
};
export const endpoint = (options: Options<EndpointProperties> = {}) => {
  const name = options.name ?? 'nwv-shop';
  return build(
    'azure.frontdoor.endpoint',
    `${profilePath}/afdEndpoints/${name}`,
    name,
    compliantEndpointProperties(),
    options,
  );
};
export const domain = (options: Options<CustomDomainProperties> = {}) => {
  const name = options.name ?? 'shop-northwindvitals';
  return build(
    'azure.frontdoor.custom-domain',
    `${profilePath}/customDomains/${name}`,
    name,
    compliantDomainProperties(),
    options,
  );
};

const caching = {
  queryStringCachingBehavior: 'IgnoreQueryString',
  queryParameters: null,
  cacheBehavior: null,
  cacheDuration: null,
};
const rule = (overrides: Partial<RouteRule>): RouteRule => ({
  ruleSet: 'shoprules',
  name: 'cacheCatalog',
  order: 1,
  conditions: [{ name: 'UrlPath', operator: 'BeginsWith', negate: false, matchValues: ['api/catalog/'] }],
  caching: { ...caching, cacheBehavior: 'HonorOrigin' },
  stops: false,
  ...overrides,
});

export const frontDoorFixtures: ServiceFixtures = {
  'azure.frontdoor.phi-cached-at-edge': {
    pass: [
      {
        name: 'PHI path, caching off',
        resource: route(),
        detail:
          'Route account on endpoint nwv-shop (Front Door profile nwv-fd) serves PHI path /account* with caching off.',
      },
      {
        name: 'a cached route serving no PHI path',
        resource: route({ name: 'static', properties: { patternsToMatch: ['/static/*'], caching } }),
        detail:
          "Route static on endpoint nwv-shop (Front Door profile nwv-fd) serves none of the engagement's PHI URL paths (/static/*); caching it exposes no PHI.",
      },
      {
        name: 'route caching on, a rule turns it off for the PHI path',
        resource: route({
          properties: {
            caching,
            ruleSetRules: [
              rule({
                name: 'noCacheAccount',
                conditions: [
                  { name: 'UrlPath', operator: 'BeginsWith', negate: false, matchValues: ['/account'] },
                ],
                caching: null,
              }),
            ],
          },
        }),
        detail: 'serves PHI path /account* with caching off.',
      },
      {
        name: 'a rule that caches images only',
        resource: route({
          properties: {
            ruleSetRules: [
              rule({
                name: 'cacheImages',
                conditions: [
                  { name: 'UrlFileExtension', operator: 'Equal', negate: false, matchValues: ['jpg', 'png'] },
                ],
                caching: { ...caching, cacheBehavior: 'OverrideAlways', cacheDuration: '7.00:00:00' },
              }),
            ],
          },
        }),
        detail: 'with caching off.',
      },
      {
        name: "the engagement's own PHI paths",
        resource: route({ name: 'static', properties: { patternsToMatch: ['/account/*'], caching } }),
        context: { phiUrlPaths: ['/patients/*'] },
        detail: "serves none of the engagement's PHI URL paths (/account/*)",
      },
    ],
    fail: [
      {
        name: 'route caching on for /account/*',
        resource: route({ properties: { caching } }),
        detail:
          "Route account on endpoint nwv-shop (Front Door profile nwv-fd) may cache PHI at the edge: route caching is on for PHI path /account* (query string IgnoreQueryString). Front Door's cache key never includes the Authorization header or cookies, so a cached response can reach another user unless the origin marks it Cache-Control private or no-store, which this tool cannot see.",
      },
      {
        name: 'a rule turns caching on for part of a PHI path',
        resource: route({
          name: 'api',
          properties: { patternsToMatch: ['/api/*'], ruleSetRules: [rule({})] },
        }),
        detail:
          'rule cacheCatalog of rule set shoprules turns caching on for UrlPath BeginsWith api/catalog/, which can serve PHI path /api/* (query string IgnoreQueryString)',
      },
      {
        name: 'a rule without conditions that overrides the origin',
        resource: route({
          properties: {
            ruleSetRules: [
              rule({
                name: 'cacheAll',
                conditions: [],
                caching: { ...caching, cacheBehavior: 'OverrideAlways', cacheDuration: '1.00:00:00' },
              }),
            ],
          },
        }),
        detail: 'whatever Cache-Control the origin sends (OverrideAlways).',
      },
      {
        name: 'a later rule turns caching back on',
        resource: route({
          properties: {
            ruleSetRules: [
              rule({
                name: 'off',
                order: 1,
                conditions: [{ name: 'UrlPath', operator: 'Any', negate: false, matchValues: [] }],
                caching: null,
              }),
              rule({
                name: 'on',
                order: 2,
                conditions: [{ name: 'RequestHeader', operator: 'Equal', negate: false, matchValues: ['x'] }],
              }),
            ],
          },
        }),
        detail: 'rule on of rule set shoprules turns caching on for RequestHeader Equal x',
      },
    ],
    notApplicable: [
      {
        name: 'disabled route',
        resource: route({ properties: { enabledState: 'Disabled', caching } }),
        detail: 'is disabled: it serves no requests.',
      },
      {
        name: 'caching not collected',
        resource: route({ missing: ['caching'] }),
        detail: /^Not assessed: the caching configuration of Route account/,
      },
      {
        name: 'rule sets not read',
        resource: route({ properties: { ruleSetNames: ['shoprules'] }, missing: ['ruleSetRules'] }),
        detail: /^Not assessed: the rule set rules of Route account/,
      },
    ],
  },
  'azure.frontdoor.https-redirect': {
    pass: [
      {
        name: 'redirect on',
        resource: route(),
        detail:
          'Route account on endpoint nwv-shop (Front Door profile nwv-fd) redirects HTTP requests to HTTPS.',
      },
      {
        name: 'HTTPS only',
        resource: route({ properties: { supportedProtocols: ['Https'], httpsRedirect: 'Disabled' } }),
        detail: 'accepts HTTPS only.',
      },
    ],
    fail: [
      {
        name: 'HTTP accepted without redirect',
        resource: route({ phi: true, properties: { httpsRedirect: 'Disabled' } }),
        detail:
          'Route account on endpoint nwv-shop (Front Door profile nwv-fd) accepts plain HTTP and does not redirect it to HTTPS (httpsRedirect Disabled). It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'protocols not collected',
        resource: route({ missing: ['supportedProtocols'] }),
        detail: /^Not assessed: the supported protocols/,
      },
      {
        name: 'disabled route',
        resource: route({ properties: { enabledState: 'Disabled', httpsRedirect: 'Disabled' } }),
        detail: 'is disabled',
      },
    ],
  },
  'azure.frontdoor.origin-https': {
    pass: [
      { name: 'HttpsOnly', resource: route(), detail: 'forwards requests to its origin over HTTPS only.' },
      {
        name: 'MatchRequest on an HTTPS-only route',
        resource: route({
          properties: { forwardingProtocol: 'MatchRequest', supportedProtocols: ['Https'] },
        }),
        detail: "forwards over the viewer's protocol, which is always HTTPS here (MatchRequest).",
      },
    ],
    fail: [
      {
        name: 'HttpOnly',
        resource: route({ properties: { forwardingProtocol: 'HttpOnly' } }),
        detail:
          'Route account on endpoint nwv-shop (Front Door profile nwv-fd) forwards every request to its origin over plain HTTP (forwardingProtocol HttpOnly).',
      },
      {
        name: 'MatchRequest with HTTP accepted and no redirect',
        resource: route({ properties: { forwardingProtocol: 'MatchRequest', httpsRedirect: 'Disabled' } }),
        detail:
          'forwards plain-HTTP requests to its origin over HTTP (forwardingProtocol MatchRequest, HTTP accepted without redirect).',
      },
    ],
    notApplicable: [
      {
        name: 'forwarding protocol not collected',
        resource: route({ missing: ['forwardingProtocol'] }),
        detail: /^Not assessed: the forwarding protocol/,
      },
    ],
  },
  'azure.frontdoor.min-tls-1-2': {
    pass: [
      {
        name: 'TLS 1.2',
        resource: domain(),
        detail:
          'Front Door custom domain shop.northwindvitals.example (shop-northwindvitals, profile nwv-fd) requires TLS 1.2 or newer.',
      },
    ],
    fail: [
      {
        name: 'TLS 1.0',
        resource: domain({ properties: { minimumTlsVersion: 'TLS10' } }),
        detail:
          'Front Door custom domain shop.northwindvitals.example (shop-northwindvitals, profile nwv-fd) accepts connections below TLS 1.2 (minimum TLS version TLS10).',
      },
    ],
    notApplicable: [
      {
        name: 'TLS settings not reported',
        resource: domain({ properties: { minimumTlsVersion: null } }),
        detail: /^Not assessed: the minimum TLS version of Front Door custom domain/,
      },
    ],
  },
  'azure.frontdoor.waf': {
    pass: [
      {
        name: 'every PHI host covered',
        resource: endpoint(),
        detail:
          'Front Door endpoint nwv-shop (nwv-shop-abc123.z01.azurefd.net) of profile nwv-fd serves PHI paths only on domains covered by WAF security policy shop-waf.',
      },
    ],
    fail: [
      {
        name: 'no security policy',
        resource: endpoint({ properties: { wafAssociations: [] } }),
        detail:
          'Front Door endpoint nwv-shop (nwv-shop-abc123.z01.azurefd.net) of profile nwv-fd serves PHI paths without a WAF security policy on shop.northwindvitals.example (/account*), nwv-shop-abc123.z01.azurefd.net (/account*).',
      },
      {
        name: "the endpoint's default host name left out",
        resource: endpoint({
          properties: {
            wafAssociations: [
              {
                policyName: 'shop-waf',
                wafPolicyId: null,
                domains: ['shop.northwindvitals.example'],
                patternsToMatch: ['/*'],
              },
            ],
          },
        }),
        detail: 'without a WAF security policy on nwv-shop-abc123.z01.azurefd.net (/account*).',
      },
    ],
    notApplicable: [
      {
        name: 'no PHI path served',
        resource: endpoint({
          properties: {
            routes: [
              { name: 'static', enabled: true, patternsToMatch: ['/static/*'], hostNames: ['x.example'] },
            ],
            wafAssociations: [],
          },
        }),
        detail:
          "Front Door endpoint nwv-shop (nwv-shop-abc123.z01.azurefd.net) of profile nwv-fd serves none of the engagement's PHI URL paths.",
      },
      {
        name: 'routes not read',
        resource: endpoint({ missing: ['routes'] }),
        detail: /^Not assessed: the routes of Front Door endpoint nwv-shop/,
      },
      {
        name: 'security policies not read',
        resource: endpoint({ missing: ['wafAssociations'] }),
        detail: /^Not assessed: the security policies \(WAF associations\) of Front Door endpoint nwv-shop/,
      },
    ],
  },
};
