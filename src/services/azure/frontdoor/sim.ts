import { z } from 'zod';
import {
  guid,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import {
  armCustomDomain,
  armEndpoint,
  armProfile,
  armRoute,
  armRule,
  armRuleSet,
  armSecurityPolicy,
} from './arm';
import demo from './demo.json' with { type: 'json' };

const name = (what: string) =>
  z
    .string()
    .regex(
      /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,88}[a-zA-Z0-9])?$/,
      `must be a Front Door ${what} name (letters, digits and hyphens)`,
    );

const scenarioCondition = z.strictObject({
  name: z.enum(['UrlPath', 'UrlFileExtension', 'RequestHeader', 'RequestMethod']),
  operator: z
    .enum(['Any', 'Equal', 'Contains', 'BeginsWith', 'EndsWith', 'Wildcard', 'RegEx'])
    .default('BeginsWith'),
  negate: z.boolean().default(false),
  matchValues: z.array(z.string()).default([]),
  /** The header a RequestHeader condition reads */
  selector: z.string().optional(),
});

const scenarioRule = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-zA-Z][a-zA-Z0-9]{0,259}$/,
      'must be a rule name (letters and digits, starting with a letter)',
    ),
  order: z.number().int().min(0),
  conditions: z.array(scenarioCondition).default([]),
  /** A RouteConfigurationOverride action: enabled false turns caching off for the matched requests */
  caching: z
    .strictObject({
      enabled: z.boolean().default(true),
      queryStringCachingBehavior: z
        .enum([
          'IgnoreQueryString',
          'UseQueryString',
          'IgnoreSpecifiedQueryStrings',
          'IncludeSpecifiedQueryStrings',
        ])
        .default('IgnoreQueryString'),
      cacheBehavior: z
        .enum(['HonorOrigin', 'OverrideAlways', 'OverrideIfOriginMissing'])
        .default('HonorOrigin'),
      cacheDuration: z
        .string()
        .regex(/^\d+\.\d\d:\d\d:\d\d$/, 'must be a duration such as 1.00:00:00')
        .default('1.00:00:00'),
    })
    .optional(),
  stop: z.boolean().default(false),
});

const scenarioRoute = z.strictObject({
  name: name('route'),
  patternsToMatch: z.array(z.string().startsWith('/')).min(1).default(['/*']),
  supportedProtocols: z
    .array(z.enum(['Http', 'Https']))
    .min(1)
    .default(['Http', 'Https']),
  httpsRedirect: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  forwardingProtocol: z.enum(['HttpOnly', 'HttpsOnly', 'MatchRequest']).default('HttpsOnly'),
  /** null = caching off (no cacheConfiguration) */
  caching: z
    .strictObject({
      queryStringCachingBehavior: z
        .enum([
          'IgnoreQueryString',
          'UseQueryString',
          'IgnoreSpecifiedQueryStrings',
          'IncludeSpecifiedQueryStrings',
        ])
        .default('IgnoreQueryString'),
      queryParameters: z.string().optional(),
    })
    .nullable()
    .default(null),
  ruleSets: z.array(z.string()).default([]),
  customDomains: z.array(z.string()).default([]),
  linkToDefaultDomain: z.boolean().default(true),
  enabledState: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  originGroup: z.string().default('default-origin-group'),
});

const scenarioEndpoint = z.strictObject({
  name: name('endpoint'),
  enabledState: z.enum(['Enabled', 'Disabled']).default('Enabled'),
  routes: z.array(scenarioRoute).default([]),
});

const scenarioCustomDomain = z.strictObject({
  name: name('custom domain'),
  hostName: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, 'must be a host name'),
  minimumTlsVersion: z.enum(['TLS10', 'TLS12']).default('TLS12'),
  certificateType: z.enum(['ManagedCertificate', 'CustomerCertificate']).default('ManagedCertificate'),
});

const scenarioSecurityPolicy = z.strictObject({
  name: name('security policy'),
  wafPolicy: z.string().min(1),
  /** Endpoint or custom domain names of the profile */
  domains: z.array(z.string()).min(1),
  patternsToMatch: z.array(z.string().startsWith('/')).default(['/*']),
});

const scenarioProfile = z.strictObject({
  name: name('profile'),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  /** Classic CDN SKUs are listed by Profiles_List and skipped by the collector */
  sku: z
    .enum(['Standard_AzureFrontDoor', 'Premium_AzureFrontDoor', 'Standard_Microsoft', 'Standard_Verizon'])
    .default('Standard_AzureFrontDoor'),
  frontDoorId: guid.default('00000000-0000-4000-8000-000000000fd0'),
  tags: scenarioTags.default({}),
  endpoints: z.array(scenarioEndpoint).default([]),
  ruleSets: z
    .array(
      z.strictObject({
        name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]{0,59}$/, 'must be a rule set name'),
        rules: z.array(scenarioRule).default([]),
      }),
    )
    .default([]),
  customDomains: z.array(scenarioCustomDomain).default([]),
  securityPolicies: z.array(scenarioSecurityPolicy).default([]),
});

export type ScenarioCondition = z.output<typeof scenarioCondition>;
export type ScenarioRule = z.output<typeof scenarioRule>;
export type ScenarioRoute = z.output<typeof scenarioRoute>;
export type ScenarioEndpoint = z.output<typeof scenarioEndpoint>;
export type ScenarioCustomDomain = z.output<typeof scenarioCustomDomain>;
export type ScenarioSecurityPolicy = z.output<typeof scenarioSecurityPolicy>;
export type ScenarioProfile = z.output<typeof scenarioProfile>;

const subscription = { frontDoorProfiles: z.array(scenarioProfile).default([]) };

function checkProfiles(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const endpointNames = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.frontDoorProfiles as ScenarioProfile[]).forEach((profile, p) => {
      const path = ['azure', 'subscriptions', s, 'frontDoorProfiles', p];
      const ruleSets = new Set(profile.ruleSets.map((set) => set.name.toLowerCase()));
      const domains = new Set(profile.customDomains.map((domain) => domain.name.toLowerCase()));
      const endpoints = new Set(profile.endpoints.map((endpoint) => endpoint.name.toLowerCase()));
      profile.endpoints.forEach((endpoint, e) => {
        // Endpoint names are global (<name>-<hash>.z01.azurefd.net with tenant reuse).
        const key = endpoint.name.toLowerCase();
        if (endpointNames.has(key))
          issue([...path, 'endpoints', e, 'name'], `endpoint name ${endpoint.name} is already used`);
        endpointNames.add(key);
        endpoint.routes.forEach((route, r) => {
          const at = [...path, 'endpoints', e, 'routes', r];
          route.ruleSets.forEach((set, i) => {
            if (!ruleSets.has(set.toLowerCase()))
              issue([...at, 'ruleSets', i], `rule set ${set} is not in profile ${profile.name}`);
          });
          route.customDomains.forEach((domain, i) => {
            if (!domains.has(domain.toLowerCase()))
              issue([...at, 'customDomains', i], `custom domain ${domain} is not in profile ${profile.name}`);
          });
        });
      });
      profile.securityPolicies.forEach((policy, i) =>
        policy.domains.forEach((domain, d) => {
          if (!domains.has(domain.toLowerCase()) && !endpoints.has(domain.toLowerCase()))
            issue(
              [...path, 'securityPolicies', i, 'domains', d],
              `${domain} is no endpoint or custom domain of profile ${profile.name}`,
            );
        }),
      );
    });
  });
}

const notFound = (what: string, group: string): AzureSimAnswer => ({
  status: 404,
  code: 'ResourceNotFound',
  message: `The Resource '${what}' under resource group '${group}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
});

const same = (a: string | undefined, b: string) => (a ?? '').toLowerCase() === b.toLowerCase();

function findProfile(profiles: readonly ScenarioProfile[], params: Readonly<Record<string, string>>) {
  return profiles.find(
    (profile) =>
      same(params.profileName, profile.name) && same(params.resourceGroupName, profile.resourceGroup),
  );
}

const byName = <T extends { name: string }>(items: readonly T[]) =>
  [...items].sort((a, b) => a.name.localeCompare(b.name));

type Call = Parameters<AzureServiceSim<typeof subscription, undefined>['answers'][string]>[0];

/** Answers a list under one profile, or ARM's 404 when the profile is not there. */
function underProfile(call: Call, answer: (profile: ScenarioProfile) => AzureSimAnswer): AzureSimAnswer {
  const profile = findProfile(call.subscription.frontDoorProfiles, call.params);
  if (!profile)
    return notFound(
      `Microsoft.Cdn/profiles/${call.params.profileName ?? ''}`,
      call.params.resourceGroupName ?? '',
    );
  return answer(profile);
}

const generatedDomains = ['example', 'test'] as const;

export const frontDoorSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkProfiles,
  answers: {
    Profiles_List: ({ subscription: owner }) => ({
      list: byName(owner.frontDoorProfiles).map((profile) => armProfile(owner.subscriptionId, profile)),
    }),
    AFDEndpoints_ListByProfile: (call) =>
      underProfile(call, (profile) => ({
        list: byName(profile.endpoints).map((endpoint) =>
          armEndpoint(call.subscription.subscriptionId, profile, endpoint),
        ),
      })),
    Routes_ListByEndpoint: (call) =>
      underProfile(call, (profile) => {
        const endpoint = profile.endpoints.find((each) => same(call.params.endpointName, each.name));
        if (!endpoint)
          return notFound(
            `Microsoft.Cdn/profiles/${profile.name}/afdEndpoints/${call.params.endpointName ?? ''}`,
            profile.resourceGroup,
          );
        return {
          list: byName(endpoint.routes).map((route) =>
            armRoute(call.subscription.subscriptionId, profile, endpoint, route),
          ),
        };
      }),
    RuleSets_ListByProfile: (call) =>
      underProfile(call, (profile) => ({
        list: byName(profile.ruleSets).map((set) =>
          armRuleSet(call.subscription.subscriptionId, profile, set.name),
        ),
      })),
    Rules_ListByRuleSet: (call) =>
      underProfile(call, (profile) => {
        const set = profile.ruleSets.find((each) => same(call.params.ruleSetName, each.name));
        if (!set)
          return notFound(
            `Microsoft.Cdn/profiles/${profile.name}/ruleSets/${call.params.ruleSetName ?? ''}`,
            profile.resourceGroup,
          );
        return {
          list: [...set.rules]
            .sort((a, b) => a.order - b.order)
            .map((rule) => armRule(call.subscription.subscriptionId, profile, set.name, rule)),
        };
      }),
    AFDCustomDomains_ListByProfile: (call) =>
      underProfile(call, (profile) => ({
        list: byName(profile.customDomains).map((domain) =>
          armCustomDomain(call.subscription.subscriptionId, profile, domain),
        ),
      })),
    SecurityPolicies_ListByProfile: (call) =>
      underProfile(call, (profile) => ({
        list: byName(profile.securityPolicies).map((policy) =>
          armSecurityPolicy(call.subscription.subscriptionId, profile, policy),
        ),
      })),
  },
  // Front Door is global: its resources add no location to a subscription's default regions.
  locations: () => [],
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // One profile per ten resources of the size knob: an endpoint with a cached static route, an
    // account route cached or not, and a WAF on half of them.
    return {
      frontDoorProfiles: Array.from({ length: Math.ceil(count / 10) }, (_, i) => {
        const profile = `g${tag}-fd-${index}-${i}`;
        const endpoint = `g${tag}-ep-${index}-${i}`;
        const domain = `www-${i}`;
        return {
          name: profile,
          resourceGroup: `rg-generated-${i % 10}`,
          sku: pick(['Standard_AzureFrontDoor', 'Premium_AzureFrontDoor'] as const),
          tags: chance(0.4) ? { phi: 'true' } : {},
          customDomains: [
            {
              name: domain,
              hostName: `www${i}.g${tag}-${index}.${pick(generatedDomains)}`,
              minimumTlsVersion: chance(0.8) ? ('TLS12' as const) : ('TLS10' as const),
            },
          ],
          endpoints: [
            {
              name: endpoint,
              routes: [
                { name: 'static', patternsToMatch: ['/static/*'], caching: {}, customDomains: [domain] },
                {
                  name: 'account',
                  patternsToMatch: ['/account/*'],
                  caching: chance(0.3) ? {} : null,
                  httpsRedirect: chance(0.8) ? ('Enabled' as const) : ('Disabled' as const),
                  forwardingProtocol: chance(0.9) ? ('HttpsOnly' as const) : ('HttpOnly' as const),
                  customDomains: [domain],
                },
              ],
            },
          ],
          securityPolicies: chance(0.5)
            ? [{ name: 'waf', wafPolicy: `g${tag}waf${index}x${i}`, domains: [endpoint, domain] }]
            : [],
        };
      }),
    };
  },
};
