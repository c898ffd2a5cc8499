import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { AzureSimAnswer } from '../../../kit';
import { frontdoor } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const profile = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Cdn/profiles/${name}`;
const shop = profile('rg-nwv-web', 'nwv-fd-shop');
const telehealth = profile('rg-nwv-phi-prod', 'nwv-fd-telehealth');
const shopRoute = (name: string) => `${shop}/afdEndpoints/nwv-shop/routes/${name}`;
const teleRoute = (name: string) => `${telehealth}/afdEndpoints/nwv-telehealth/routes/${name}`;

describe('the Front Door collector on the demo organisation', () => {
  it('judges each demo route, domain and endpoint as the demo intends', async () => {
    const scenario = serviceScenario(frontdoor);
    const results = judge(frontdoor, scenario, (await collectService(frontdoor, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.frontdoor.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['phi-cached-at-edge', shopRoute('account'), 'fail'],
      ['phi-cached-at-edge', shopRoute('static'), 'pass'],
      ['phi-cached-at-edge', shopRoute('api'), 'fail'],
      ['phi-cached-at-edge', teleRoute('app'), 'pass'],
      ['phi-cached-at-edge', teleRoute('assets'), 'pass'],
      ['https-redirect', shopRoute('static'), 'fail'],
      ['https-redirect', shopRoute('account'), 'pass'],
      ['https-redirect', shopRoute('api'), 'pass'],
      ['origin-https', shopRoute('static'), 'fail'],
      ['origin-https', shopRoute('api'), 'pass'],
      ['min-tls-1-2', `${shop}/customDomains/shop-northwindvitals`, 'fail'],
      ['min-tls-1-2', `${telehealth}/customDomains/telehealth-northwindvitals`, 'pass'],
      ['waf', `${shop}/afdEndpoints/nwv-shop`, 'fail'],
      ['waf', `${telehealth}/afdEndpoints/nwv-telehealth`, 'pass'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.frontdoor.phi-cached-at-edge|${shopRoute('api')}`)?.detail).toContain(
      'rule cacheCatalog of rule set shopapi turns caching on for UrlPath BeginsWith api/catalog/, which can serve PHI path /api/* (query string UseQueryString)',
    );
    expect(results.get(`azure.frontdoor.waf|${shop}/afdEndpoints/nwv-shop`)?.detail).toMatch(
      /serves PHI paths without a WAF security policy on shop\.northwindvitals\.example \(\/account\*, \/api\/\*\), nwv-shop-[a-z0-9]{16}\.z01\.azurefd\.net \(\/account\*, \/api\/\*\)\.$/,
    );
  });

  it('reads Front Door profiles only: a classic CDN profile is listed and skipped', async () => {
    const run = await collectService(frontdoor, serviceScenario(frontdoor));
    expect(
      run.resources.filter((each) => each.type === 'azure.frontdoor.profile').map((each) => each.name),
    ).toEqual(['nwv-fd-shop', 'nwv-fd-telehealth']);
    const asked = run.evidence.map((each) => JSON.stringify(each.request));
    expect(asked.some((request) => request.includes('nwv-cdn-legacy-media'))).toBe(false);
  });

  it('builds a route with its rule-set rules, custom domains by host name and inherited profile tags', async () => {
    const run = await collectService(frontdoor, serviceScenario(frontdoor));
    const app = run.resources.find((each) => each.nativeId === teleRoute('app'));
    expect(app).toMatchObject({
      type: 'azure.frontdoor.route',
      region: 'global',
      tags: { 'data-classification': 'phi', app: 'telehealth-notes', env: 'prod' },
      properties: {
        profileName: 'nwv-fd-telehealth',
        endpointName: 'nwv-telehealth',
        patternsToMatch: ['/*'],
        caching: null,
        ruleSetNames: ['thsecurity'],
        ruleSetRules: [
          {
            ruleSet: 'thsecurity',
            name: 'noCacheVisits',
            order: 1,
            conditions: [
              { name: 'UrlPath', operator: 'BeginsWith', negate: false, matchValues: ['visits/'] },
            ],
            caching: null,
            stops: false,
          },
          { ruleSet: 'thsecurity', name: 'hsts', order: 2, conditions: [], stops: false },
        ],
        customDomains: ['telehealth.northwindvitals.example'],
        linkToDefaultDomain: false,
      },
    });
    expect(app!.properties.ruleSetRules).toHaveLength(2);
    expect((app!.properties.ruleSetRules as object[])[1]).not.toHaveProperty('caching');
    expect(app!.evidenceIds.map((id) => run.evidence[id - 1]?.operation)).toEqual([
      'Profiles_List',
      'AFDEndpoints_ListByProfile',
      'Routes_ListByEndpoint',
      'Rules_ListByRuleSet',
    ]);
  });

  it('follows nextLink on every list', async () => {
    const paged = await collectService(frontdoor, {
      ...serviceScenario(frontdoor),
      simulation: { awsPageSize: 10_000, azurePageSize: 1 },
    });
    const whole = await collectService(frontdoor, serviceScenario(frontdoor));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      whole.resources.map((each) => each.nativeId).sort(),
    );
    expect(paged.evidence.filter((each) => each.operation === 'Profiles_List')).toHaveLength(3);
    expect(paged.evidence.filter((each) => each.operation === 'Routes_ListByEndpoint')).toHaveLength(5);
  });

  it('AccessDenied on a rule set leaves its routes not assessed, naming the rule set, and the other routes judged', async () => {
    const denied = serviceScenario(frontdoor, [
      { provider: 'azure', service: 'frontdoor', operation: 'Rules_ListByRuleSet', kind: 'access_denied' },
    ]);
    const run = await collectService(frontdoor, denied);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringMatching(
        /^Rules_ListByRuleSet for rule set shopapi of Front Door profile nwv-fd-shop failed \(HTTP 403\)/,
      ),
    );
    const results = judge(frontdoor, denied, run.resources);
    expect(results.get(`azure.frontdoor.phi-cached-at-edge|${shopRoute('api')}`)?.detail).toMatch(
      /^Not assessed: the rule set rules of Route api/,
    );
    expect(results.get(`azure.frontdoor.phi-cached-at-edge|${shopRoute('account')}`)?.status).toBe('fail');
  });

  it('a profile deleted between the list and its reads is a not_found gap, never a pass', async () => {
    const answers = frontdoor.sim.answers;
    type Call = Parameters<NonNullable<(typeof answers)[string]>>[0];
    const gone = (call: Call): AzureSimAnswer | null =>
      call.params.profileName === 'nwv-fd-telehealth'
        ? {
            status: 404,
            code: 'ResourceNotFound',
            message: "The Resource 'Microsoft.Cdn/profiles/nwv-fd-telehealth' was not found.",
          }
        : null;
    const wrapped = Object.fromEntries(
      Object.entries(answers).map(([operation, answer]) => [
        operation,
        (call: Call) => gone(call) ?? answer!(call),
      ]),
    );
    const module: typeof frontdoor = { ...frontdoor, sim: { ...frontdoor.sim, answers: wrapped } };
    const scenario = serviceScenario(module);
    const run = await collectService(module, scenario);
    const gaps = run.gaps.filter((gap) => gap.message.includes('nwv-fd-telehealth'));
    expect(gaps.map((gap) => gap.reason)).toEqual(['not_found', 'not_found', 'not_found', 'not_found']);
    expect(run.resources.filter((each) => each.nativeId.startsWith(`${telehealth}/`))).toEqual([]);
    expect(run.resources.some((each) => each.nativeId === telehealth)).toBe(true);
  });
});

describe('the Front Door simulator', () => {
  const registry = serviceRegistry(frontdoor);
  const withProfiles = (frontDoorProfiles: unknown[]) => ({
    name: 'fd',
    description: 'Front Door scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          frontDoorProfiles,
        },
      ],
    },
  });

  it('names a bad field by its path, and refuses references to rule sets or domains the profile lacks', () => {
    expect(() =>
      registry.loadScenario(
        withProfiles([
          {
            name: 'fd',
            resourceGroup: 'rg',
            customDomains: [{ name: 'd', hostName: 'x.example', minimumTlsVersion: 'TLS11' }],
          },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].frontDoorProfiles[0].customDomains[0].minimumTlsVersion');
    const load = () =>
      registry.loadScenario(
        withProfiles([
          {
            name: 'fd',
            resourceGroup: 'rg',
            endpoints: [
              { name: 'ep', routes: [{ name: 'r', ruleSets: ['missing'], customDomains: ['nodomain'] }] },
            ],
            securityPolicies: [{ name: 'waf', wafPolicy: 'w', domains: ['elsewhere'] }],
          },
        ]),
      );
    expect(load).toThrow(
      'azure.subscriptions[0].frontDoorProfiles[0].endpoints[0].routes[0].ruleSets[0]: rule set missing is not in profile fd',
    );
    expect(load).toThrow('custom domain nodomain is not in profile fd');
    expect(load).toThrow('elsewhere is no endpoint or custom domain of profile fd');
  });

  it('answers a route without caching with cacheConfiguration null, and a caching-off override without one', () => {
    const scenario = registry.loadScenario(
      withProfiles([
        {
          name: 'fd',
          resourceGroup: 'rg',
          ruleSets: [{ name: 'rs', rules: [{ name: 'off', order: 1, caching: { enabled: false } }] }],
          endpoints: [{ name: 'ep', routes: [{ name: 'r', ruleSets: ['rs'] }] }],
        },
      ]),
    );
    const owner = scenario.azure.subscriptions[0]! as never;
    const base = {
      subscriptionId: '00000000-1111-4222-8333-444455556666',
      resourceGroupName: 'RG',
      profileName: 'FD',
    };
    const call = (params: Record<string, string>) => ({
      subscription: owner,
      scenario,
      params: { ...base, ...params },
      url: new URL('https://management.azure.com/'),
      state: undefined,
    });
    const routes = frontdoor.sim.answers.Routes_ListByEndpoint!(call({ endpointName: 'ep' })) as {
      list: { properties: Record<string, unknown> }[];
    };
    expect(routes.list[0]?.properties).toMatchObject({
      cacheConfiguration: null,
      httpsRedirect: 'Enabled',
      forwardingProtocol: 'HttpsOnly',
    });
    const rules = frontdoor.sim.answers.Rules_ListByRuleSet!(call({ ruleSetName: 'rs' })) as {
      list: { properties: { actions: { name: string; parameters: Record<string, unknown> }[] } }[];
    };
    expect(rules.list[0]?.properties.actions[0]).toEqual({
      name: 'RouteConfigurationOverride',
      parameters: { typeName: 'DeliveryRuleRouteConfigurationOverrideActionParameters' },
    });
    expect(frontdoor.sim.answers.Routes_ListByEndpoint!(call({ endpointName: 'gone' }))).toMatchObject({
      status: 404,
      code: 'ResourceNotFound',
    });
  });

  it('generates profiles for the benchmark that the collector reads without a gap', async () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 20,
      latencyMs: 0,
      seed: 7,
    });
    for (const owner of scenario.azure.subscriptions) expect(owner.frontDoorProfiles).toHaveLength(2);
    const run = await collectService(frontdoor, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources.filter((each) => each.type === 'azure.frontdoor.route')).toHaveLength(8);
  });
});
