import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import type { AzureSimAnswer } from '../../../kit';
import { appservice } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const siteId = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.Web/sites/${name}`;
const portal = siteId('rg-nwv-portal', 'nwv-patient-portal');
const telehealth = siteId('rg-nwv-phi-prod', 'nwv-telehealth-app');
const orders = siteId('rg-nwv-orders', 'nwv-order-events-func');
const storefront = siteId('rg-nwv-web', 'nwv-storefront');

describe('the App Service collector on the demo organisation', () => {
  it('judges each demo app as the demo intends', async () => {
    const scenario = serviceScenario(appservice);
    const results = judge(appservice, scenario, (await collectService(appservice, scenario)).resources);
    const status = (rule: string, id: string) => results.get(`azure.appservice.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['https-only', portal, 'fail'],
      ['https-only', telehealth, 'pass'],
      ['ftps-only', portal, 'fail'],
      ['ftps-only', telehealth, 'pass'],
      ['ftps-only', orders, 'pass'],
      ['min-tls-1-2', orders, 'fail'],
      ['min-tls-1-2', telehealth, 'pass'],
      ['authentication', portal, 'fail'],
      ['authentication', orders, 'fail'],
      ['authentication', telehealth, 'pass'],
      ['authentication', storefront, 'not_applicable'],
      ['health-endpoint', portal, 'fail'],
      ['health-endpoint', telehealth, 'pass'],
      ['health-endpoint', storefront, 'not_applicable'],
      ['access-restrictions', portal, 'fail'],
      ['access-restrictions', telehealth, 'pass'],
      ['access-restrictions', orders, 'pass'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.appservice.min-tls-1-2|${orders}`)?.detail).toBe(
      'Function app nwv-order-events-func: the app accepts TLS 1.1 and its SCM (deployment) site accepts TLS 1.0, below TLS 1.2. It is classified as PHI (tag data-classification=phi).',
    );
  });

  it('builds an app from its list entry, site configuration and auth settings, with the evidence of each', async () => {
    const run = await collectService(appservice, serviceScenario(appservice));
    const app = run.resources.find((each) => each.nativeId === telehealth);
    expect(app).toMatchObject({
      type: 'azure.appservice.site',
      name: 'nwv-telehealth-app',
      // Microsoft.Web answers 'East US 2'.
      region: 'eastus2',
      properties: {
        kind: 'app,linux',
        functionApp: false,
        httpsOnly: true,
        publicNetworkAccess: null,
        minTlsVersion: '1.2',
        ftpsState: 'Disabled',
        healthCheckPath: '/health',
        accessRestrictions: [
          {
            name: 'front-door-only',
            action: 'Allow',
            priority: 100,
            source: 'AzureFrontDoor.Backend',
            kind: 'ServiceTag',
            frontDoorIds: ['3f0b7c52-6a1e-4d8f-9b2c-1e5d7a9c4f60'],
          },
        ],
        accessRestrictionsDefaultAction: 'Deny',
        scmUsesMainRestrictions: true,
        authentication: {
          enabled: true,
          requireAuthentication: true,
          unauthenticatedClientAction: 'RedirectToLoginPage',
          identityProviders: ['azureActiveDirectory'],
        },
      },
    });
    expect(app!.evidenceIds.map((id) => run.evidence[id - 1]?.operation)).toEqual([
      'WebApps_List',
      'WebApps_GetConfiguration',
      'WebApps_GetAuthSettingsV2WithoutSecrets',
    ]);
    // The evidence of the auth read holds no secret: only the name of the setting that holds it.
    const auth = run.evidence[app!.evidenceIds[2]! - 1];
    expect(JSON.stringify(auth?.response)).toContain('clientSecretSettingName');
    expect(JSON.stringify(auth?.response)).not.toMatch(/"clientSecret"\s*:/);
    const portalApp = run.resources.find((each) => each.nativeId === portal);
    expect(portalApp?.properties).toMatchObject({
      accessRestrictions: [],
      accessRestrictionsDefaultAction: 'Allow',
      authentication: { enabled: false, identityProviders: [] },
    });
  });

  it('follows nextLink on the site list', async () => {
    const paged = await collectService(appservice, {
      ...serviceScenario(appservice),
      simulation: { awsPageSize: 10_000, azurePageSize: 1 },
    });
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId).sort()).toEqual(
      [orders, portal, storefront, telehealth].sort(),
    );
    expect(paged.evidence.filter((each) => each.operation === 'WebApps_List')).toHaveLength(4);
  });

  it('AccessDenied on the site configuration is a gap naming each app, and its settings are not assessed', async () => {
    const denied = serviceScenario(appservice, [
      {
        provider: 'azure',
        service: 'appservice',
        operation: 'WebApps_GetConfiguration',
        kind: 'access_denied',
      },
    ]);
    const run = await collectService(appservice, denied);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringMatching(/^WebApps_GetConfiguration for app nwv-patient-portal failed \(HTTP 403\)/),
    );
    const app = run.resources.find((each) => each.nativeId === portal)!;
    expect(app.properties).not.toHaveProperty('ftpsState');
    expect(app.properties).toHaveProperty('httpsOnly', false);
    const results = judge(appservice, denied, run.resources);
    expect(results.get(`azure.appservice.ftps-only|${portal}`)?.detail).toMatch(
      /^Not assessed: the FTP state/,
    );
    expect(results.get(`azure.appservice.https-only|${portal}`)?.status).toBe('fail');
  });

  it('an app deleted between the list and its reads is a not_found gap, never a pass', async () => {
    const answers = appservice.sim.answers;
    type Call = Parameters<NonNullable<(typeof answers)[string]>>[0];
    const gone = (call: Call): AzureSimAnswer | null =>
      call.params.name === 'nwv-telehealth-app'
        ? {
            status: 404,
            code: 'ResourceNotFound',
            message:
              "The Resource 'Microsoft.Web/sites/nwv-telehealth-app' under resource group 'rg-nwv-phi-prod' was not found.",
          }
        : null;
    const module: typeof appservice = {
      ...appservice,
      sim: {
        ...appservice.sim,
        answers: {
          ...answers,
          WebApps_GetConfiguration: (call: Call) => gone(call) ?? answers.WebApps_GetConfiguration!(call),
          WebApps_GetAuthSettingsV2WithoutSecrets: (call: Call) =>
            gone(call) ?? answers.WebApps_GetAuthSettingsV2WithoutSecrets!(call),
        },
      },
    };
    const scenario = serviceScenario(module);
    const run = await collectService(module, scenario);
    const gaps = run.gaps.filter((gap) => gap.message.includes('nwv-telehealth-app'));
    expect(gaps.map((gap) => [gap.operation, gap.reason])).toEqual([
      ['WebApps_GetConfiguration', 'not_found'],
      ['WebApps_GetAuthSettingsV2WithoutSecrets', 'not_found'],
    ]);
    const results = judge(module, scenario, run.resources);
    for (const rule of [
      'min-tls-1-2',
      'ftps-only',
      'authentication',
      'health-endpoint',
      'access-restrictions',
    ])
      expect(results.get(`azure.appservice.${rule}|${telehealth}`)?.detail, rule).toMatch(/^Not assessed:/);
    // What the list said is still judged.
    expect(results.get(`azure.appservice.https-only|${telehealth}`)?.status).toBe('pass');
  });
});

describe('the App Service simulator', () => {
  const registry = serviceRegistry(appservice);
  const withSites = (appServiceSites: unknown[]) => ({
    name: 'apps',
    description: 'App Service scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          appServiceSites,
        },
      ],
    },
  });

  it('names a bad field by its path, and refuses a name used twice or an access rule without one source', () => {
    expect(() =>
      registry.loadScenario(
        withSites([{ name: 'nwv-a', resourceGroup: 'rg', location: 'eastus', ftpsState: 'Open' }]),
      ),
    ).toThrow('azure.subscriptions[0].appServiceSites[0].ftpsState');
    const load = () =>
      registry.loadScenario(
        withSites([
          { name: 'nwv-a', resourceGroup: 'rg', location: 'eastus' },
          {
            name: 'NWV-A',
            resourceGroup: 'rg',
            location: 'eastus',
            accessRestrictions: {
              rules: [{ name: 'x', priority: 100, ipAddress: '10.0.0.0/8', serviceTag: 'AzureCloud' }],
            },
          },
        ]),
      );
    expect(load).toThrow('azure.subscriptions[0].appServiceSites[1].name: app name NWV-A is already used');
    expect(load).toThrow('an access rule names exactly one of ipAddress, serviceTag or subnetId');
  });

  it('answers a site with the Allow all catch-all and authentication off when nothing is configured', () => {
    const scenario = registry.loadScenario(
      withSites([{ name: 'nwv-a', resourceGroup: 'rg', location: 'westus2' }]),
    );
    const owner = scenario.azure.subscriptions[0]! as never;
    const params = {
      subscriptionId: '00000000-1111-4222-8333-444455556666',
      resourceGroupName: 'RG',
      name: 'NWV-A',
    };
    const call = {
      subscription: owner,
      scenario,
      params,
      url: new URL('https://management.azure.com/'),
      state: undefined,
    };
    const config = appservice.sim.answers.WebApps_GetConfiguration!(call) as {
      body: { location: string; properties: Record<string, unknown> };
    };
    expect(config.body.location).toBe('West US 2');
    expect(config.body.properties).toMatchObject({
      healthCheckPath: null,
      ipSecurityRestrictions: [
        {
          ipAddress: 'Any',
          action: 'Allow',
          priority: 2147483647,
          name: 'Allow all',
          description: 'Allow all access',
        },
      ],
      ipSecurityRestrictionsDefaultAction: 'Allow',
    });
    const auth = appservice.sim.answers.WebApps_GetAuthSettingsV2WithoutSecrets!(call) as {
      body: { properties: { platform: unknown } };
    };
    expect(auth.body.properties.platform).toEqual({ enabled: false, runtimeVersion: '~1' });
    expect(
      appservice.sim.answers.WebApps_GetConfiguration!({ ...call, params: { ...params, name: 'nwv-gone' } }),
    ).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });

  it('generates apps for the benchmark that the collector reads without a gap', async () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 12,
      latencyMs: 0,
      seed: 7,
    });
    for (const owner of scenario.azure.subscriptions) expect(owner.appServiceSites).toHaveLength(3);
    const run = await collectService(appservice, scenario);
    expect(run.gaps).toEqual([]);
    expect(run.resources).toHaveLength(6);
  });
});
