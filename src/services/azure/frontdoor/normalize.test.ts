import { describe, expect, it } from 'vitest';
import {
  isFrontDoorProfile,
  normalizeCaching,
  normalizeCustomDomain,
  normalizeProfile,
  normalizeRoute,
  normalizeRule,
  wafAssociations,
} from './normalize';
import { cachingFor, coversAll, mayMatch } from './rules/caching';
import type { RouteRule } from './resource';

const base = '/subscriptions/s/resourceGroups/RG-Web/providers/Microsoft.Cdn/profiles/nwv-fd';

describe('normalizeProfile', () => {
  it('keeps Front Door SKUs and tells classic CDN profiles apart', () => {
    const profile = normalizeProfile({
      id: base,
      name: 'nwv-fd',
      location: 'Global',
      tags: { phi: 'true' },
      sku: { name: 'Premium_AzureFrontDoor' },
      properties: { frontDoorId: 'abc' },
    });
    expect(profile).toEqual({
      id: base,
      name: 'nwv-fd',
      resourceGroup: 'RG-Web',
      tags: { phi: 'true' },
      skuName: 'Premium_AzureFrontDoor',
      frontDoorId: 'abc',
    });
    expect(isFrontDoorProfile(profile!)).toBe(true);
    expect(isFrontDoorProfile({ ...profile!, skuName: 'Standard_Microsoft' })).toBe(false);
    expect(normalizeProfile({ name: 'x' })).toBeNull();
  });
});

describe('normalizeCaching and normalizeRule', () => {
  it('reads a missing or null cacheConfiguration as caching off', () => {
    expect(normalizeCaching(null)).toBeNull();
    expect(normalizeCaching(undefined)).toBeNull();
    expect(normalizeCaching({ queryStringCachingBehavior: 'UseQueryString' })).toEqual({
      queryStringCachingBehavior: 'UseQueryString',
      queryParameters: null,
      cacheBehavior: null,
      cacheDuration: null,
    });
  });

  it('reads the override action: caching on, off (no cacheConfiguration), or no override at all', () => {
    const rule = (actions: unknown[]) =>
      normalizeRule(
        {
          name: 'r',
          properties: {
            order: 2,
            matchProcessingBehavior: 'Stop',
            conditions: [
              {
                name: 'UrlPath',
                parameters: { operator: 'BeginsWith', negateCondition: true, matchValues: ['account/'] },
              },
            ],
            actions,
          },
        },
        'rs',
      );
    expect(rule([{ name: 'RouteConfigurationOverride', parameters: { typeName: 'x' } }])).toEqual({
      ruleSet: 'rs',
      name: 'r',
      order: 2,
      conditions: [{ name: 'UrlPath', operator: 'BeginsWith', negate: true, matchValues: ['account/'] }],
      caching: null,
      stops: true,
    });
    expect(
      rule([
        {
          name: 'RouteConfigurationOverride',
          parameters: {
            cacheConfiguration: { cacheBehavior: 'OverrideAlways', cacheDuration: '1.00:00:00' },
          },
        },
      ])?.caching,
    ).toMatchObject({ cacheBehavior: 'OverrideAlways', cacheDuration: '1.00:00:00' });
    expect(rule([{ name: 'ModifyResponseHeader', parameters: {} }])).not.toHaveProperty('caching');
  });
});

describe('normalizeRoute', () => {
  const profile = normalizeProfile({
    id: base,
    name: 'nwv-fd',
    tags: { phi: 'true' },
    sku: { name: 'Standard_AzureFrontDoor' },
  })!;
  const route = {
    id: `${base}/afdEndpoints/ep/routes/account`,
    name: 'account',
    properties: {
      customDomains: [{ id: `${base}/customDomains/shop`, isActive: true }],
      ruleSets: [{ id: `${base}/ruleSets/rs` }],
      supportedProtocols: ['Http', 'Https'],
      patternsToMatch: ['/account/*'],
      cacheConfiguration: null,
      forwardingProtocol: 'HttpsOnly',
      linkToDefaultDomain: 'Disabled',
      httpsRedirect: 'Enabled',
      enabledState: 'Enabled',
    },
  };

  it('names custom domains by host name and takes the rules of its rule sets, inheriting the profile tags', () => {
    const rules = new Map([
      [
        'rs',
        [
          { ruleSet: 'rs', name: 'b', order: 2, conditions: [], stops: false },
          { ruleSet: 'rs', name: 'a', order: 1, conditions: [], stops: false },
        ],
      ],
    ]);
    const normalized = normalizeRoute(route, {
      profile,
      endpointName: 'ep',
      domainNames: new Map([[`${base}/customdomains/shop`.toLowerCase(), 'shop.example']]),
      rulesByRuleSet: rules,
    });
    expect(normalized?.tags).toEqual({ phi: 'true' });
    expect(normalized?.properties).toMatchObject({
      customDomains: ['shop.example'],
      caching: null,
      ruleSetNames: ['rs'],
      linkToDefaultDomain: false,
    });
    expect(normalized?.properties.ruleSetRules?.map((rule) => rule.name)).toEqual(['a', 'b']);
  });

  it('leaves ruleSetRules absent when a rule set of the route could not be read', () => {
    const context = { profile, endpointName: 'ep', domainNames: new Map<string, string>() };
    expect(normalizeRoute(route, { ...context, rulesByRuleSet: new Map() })?.properties).not.toHaveProperty(
      'ruleSetRules',
    );
    expect(normalizeRoute(route, { ...context, rulesByRuleSet: undefined })?.properties).not.toHaveProperty(
      'ruleSetRules',
    );
    const withoutSets = { ...route, properties: { ...route.properties, ruleSets: [] } };
    expect(
      normalizeRoute(withoutSets, { ...context, rulesByRuleSet: undefined })?.properties.ruleSetRules,
    ).toEqual([]);
    // A domain id the list did not name stays an id.
    expect(
      normalizeRoute(route, { ...context, rulesByRuleSet: undefined })?.properties.customDomains,
    ).toEqual([`${base}/customDomains/shop`]);
  });
});

describe('custom domains and security policies', () => {
  const profile = normalizeProfile({ id: base, name: 'nwv-fd', sku: { name: 'Standard_AzureFrontDoor' } })!;

  it('reads the minimum TLS version, null when tlsSettings is absent', () => {
    expect(
      normalizeCustomDomain(
        {
          id: `${base}/customDomains/shop`,
          name: 'shop',
          properties: {
            hostName: 'shop.example',
            tlsSettings: { minimumTlsVersion: 'TLS10', certificateType: 'ManagedCertificate' },
          },
        },
        profile,
      )?.properties,
    ).toMatchObject({
      hostName: 'shop.example',
      minimumTlsVersion: 'TLS10',
      certificateType: 'ManagedCertificate',
    });
    expect(
      normalizeCustomDomain({ id: `${base}/customDomains/x`, name: 'x', properties: {} }, profile)?.properties
        .minimumTlsVersion,
    ).toBeNull();
  });

  it('keeps only WAF security policies and names their domains by host name', () => {
    expect(
      wafAssociations(
        [
          {
            name: 'waf',
            properties: {
              parameters: {
                type: 'WebApplicationFirewall',
                wafPolicy: { id: '/w' },
                associations: [
                  {
                    domains: [{ id: `${base}/customDomains/shop` }, { id: `${base}/afdEndpoints/ep` }],
                    patternsToMatch: ['/*'],
                  },
                ],
              },
            },
          },
          { name: 'other', properties: { parameters: { type: 'SomethingElse' } } },
        ],
        new Map([[`${base}/customdomains/shop`.toLowerCase(), 'shop.example']]),
      ),
    ).toEqual([
      {
        policyName: 'waf',
        wafPolicyId: '/w',
        domains: ['shop.example', `${base}/afdEndpoints/ep`],
        patternsToMatch: ['/*'],
      },
    ]);
  });
});

describe('caching through rule sets', () => {
  const on = {
    queryStringCachingBehavior: 'IgnoreQueryString',
    queryParameters: null,
    cacheBehavior: 'HonorOrigin',
    cacheDuration: null,
  };
  const rule = (overrides: Partial<RouteRule>): RouteRule => ({
    ruleSet: 'rs',
    name: 'r',
    order: 1,
    conditions: [],
    caching: on,
    stops: false,
    ...overrides,
  });
  const path = (operator: string, ...matchValues: string[]) => ({
    name: 'UrlPath',
    operator,
    negate: false,
    matchValues,
  });

  it('matches URL-path conditions with or without the leading slash, and never file-extension rules', () => {
    expect(mayMatch(rule({ conditions: [path('BeginsWith', 'account/')] }), '/account*')).toBe(true);
    expect(mayMatch(rule({ conditions: [path('BeginsWith', '/static/')] }), '/account*')).toBe(false);
    expect(mayMatch(rule({ conditions: [path('EndsWith', '.json')] }), '/api/*')).toBe(true);
    expect(
      mayMatch(
        rule({
          conditions: [{ name: 'UrlFileExtension', operator: 'Equal', negate: false, matchValues: ['png'] }],
        }),
        '/account*',
      ),
    ).toBe(false);
    expect(mayMatch(rule({ conditions: [path('RegEx', '^/x$')] }), '/account*')).toBe(true);
    expect(coversAll(rule({ conditions: [path('BeginsWith', 'account')] }), '/account*')).toBe(true);
    expect(coversAll(rule({ conditions: [path('BeginsWith', 'account/orders')] }), '/account*')).toBe(false);
  });

  it('lets a covering rule turn route caching off, and a later partial rule turn it back on', () => {
    const off = rule({ name: 'off', conditions: [path('BeginsWith', '/account')], caching: null });
    expect(cachingFor(on, [off], '/account*')).toEqual({ byRoute: null, byRules: [] });
    const partial = rule({ name: 'on', order: 2, conditions: [path('BeginsWith', '/account/orders')] });
    expect(cachingFor(on, [off, partial], '/account*').byRules.map((each) => each.rule.name)).toEqual(['on']);
    expect(cachingFor(null, [], '/account*')).toEqual({ byRoute: null, byRules: [] });
  });
});
