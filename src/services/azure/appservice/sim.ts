import { z } from 'zod';
import {
  azureLocation,
  guid,
  scenarioTags,
  type AzureServiceSim,
  type AzureSimAnswer,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { armAuthSettingsV2, armSite, armSiteConfig } from './arm';
import demo from './demo.json' with { type: 'json' };

const scenarioAccessRule = z.strictObject({
  name: z.string().min(1),
  action: z.enum(['Allow', 'Deny']).default('Allow'),
  priority: z.number().int().min(1).max(2147483646),
  /** An IP range in CIDR notation */
  ipAddress: z.string().optional(),
  /** A service tag, e.g. AzureFrontDoor.Backend */
  serviceTag: z.string().optional(),
  /** A subnet resource id */
  subnetId: z.string().optional(),
  /** The X-Azure-FDID header value a Front Door rule checks */
  frontDoorId: guid.optional(),
});

const scenarioSite = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-zA-Z0-9][a-zA-Z0-9-]{0,58}[a-zA-Z0-9]$/,
      'must be an app name (2–60 letters, digits and hyphens)',
    ),
  resourceGroup: z.string().regex(/^[\w.()-]{1,90}$/, 'must be a resource group name'),
  location: azureLocation,
  kind: z
    .enum(['app', 'app,linux', 'app,linux,container', 'functionapp', 'functionapp,linux'])
    .default('app,linux'),
  plan: z.string().optional(),
  state: z.enum(['Running', 'Stopped']).default('Running'),
  tags: scenarioTags.default({}),
  httpsOnly: z.boolean().default(true),
  clientCertEnabled: z.boolean().default(false),
  /** null = the site does not report it (public access on) */
  publicNetworkAccess: z.enum(['Enabled', 'Disabled']).nullable().default(null),
  minTlsVersion: z.enum(['1.0', '1.1', '1.2', '1.3']).default('1.2'),
  scmMinTlsVersion: z.enum(['1.0', '1.1', '1.2', '1.3']).default('1.2'),
  ftpsState: z.enum(['AllAllowed', 'FtpsOnly', 'Disabled']).default('FtpsOnly'),
  http20Enabled: z.boolean().default(true),
  /** null = no health check */
  healthCheckPath: z.string().startsWith('/').nullable().default(null),
  accessRestrictions: z
    .strictObject({
      defaultAction: z.enum(['Allow', 'Deny']).default('Allow'),
      rules: z.array(scenarioAccessRule).default([]),
      scmUsesMain: z.boolean().default(false),
    })
    .default({ defaultAction: 'Allow', rules: [], scmUsesMain: false }),
  /** Absent = App Service authentication never configured (platform.enabled false) */
  authentication: z
    .strictObject({
      enabled: z.boolean().default(true),
      requireAuthentication: z.boolean().default(true),
      unauthenticatedClientAction: z
        .enum(['RedirectToLoginPage', 'AllowAnonymous', 'Return401', 'Return403', 'Return404'])
        .default('RedirectToLoginPage'),
      excludedPaths: z.array(z.string().startsWith('/')).default([]),
      clientId: guid.default('5b0c1f3e-2d4a-4e6b-9c8d-7a6f5e4d3c2b'),
    })
    .optional(),
});

export type ScenarioAccessRule = z.output<typeof scenarioAccessRule>;
export type ScenarioSite = z.output<typeof scenarioSite>;

const subscription = { appServiceSites: z.array(scenarioSite).default([]) };

function checkSites(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const names = new Set<string>();
  scenario.azure.subscriptions.forEach((each, s) => {
    (each.appServiceSites as ScenarioSite[]).forEach((site, i) => {
      const path = ['azure', 'subscriptions', s, 'appServiceSites', i];
      // App names are global DNS names (<name>.azurewebsites.net), case-insensitive.
      const name = site.name.toLowerCase();
      if (names.has(name)) issue([...path, 'name'], `app name ${site.name} is already used`);
      names.add(name);
      site.accessRestrictions.rules.forEach((rule, r) => {
        const sources = [rule.ipAddress, rule.serviceTag, rule.subnetId].filter(Boolean).length;
        if (sources !== 1)
          issue(
            [...path, 'accessRestrictions', 'rules', r],
            'an access rule names exactly one of ipAddress, serviceTag or subnetId',
          );
      });
    });
  });
}

/** The site a …/sites/{name}/… path names: ARM matches resource group and name case-insensitively. */
function findSite(
  sites: readonly ScenarioSite[],
  params: Readonly<Record<string, string>>,
): ScenarioSite | AzureSimAnswer {
  const group = (params.resourceGroupName ?? '').toLowerCase();
  const name = (params.name ?? '').toLowerCase();
  const site = sites.find(
    (each) => each.name.toLowerCase() === name && each.resourceGroup.toLowerCase() === group,
  );
  return (
    site ?? {
      status: 404,
      code: 'ResourceNotFound',
      message: `The Resource 'Microsoft.Web/sites/${params.name ?? ''}' under resource group '${params.resourceGroupName ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    }
  );
}

const isAnswer = (value: ScenarioSite | AzureSimAnswer): value is AzureSimAnswer => 'status' in value;

const generatedLocations = ['eastus', 'eastus2', 'westus2', 'centralus', 'westeurope'] as const;

export const appServiceSim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkSites,
  answers: {
    WebApps_List: ({ subscription: owner }) => ({
      list: [...owner.appServiceSites]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((site) => armSite(owner.subscriptionId, site)),
    }),
    WebApps_GetConfiguration: ({ subscription: owner, params }) => {
      const site = findSite(owner.appServiceSites, params);
      return isAnswer(site) ? site : { body: armSiteConfig(owner.subscriptionId, site) };
    },
    WebApps_GetAuthSettingsV2WithoutSecrets: ({ subscription: owner, params }) => {
      const site = findSite(owner.appServiceSites, params);
      return isAnswer(site) ? site : { body: armAuthSettingsV2(owner.subscriptionId, owner.tenantId, site) };
    },
  },
  locations: (owner) => owner.appServiceSites.map((site) => site.location),
  demo,
  generate({ index, count, tag, random }) {
    const { chance, pick } = random;
    // About one app per four resources of the size knob, a third of them function apps.
    return {
      appServiceSites: Array.from({ length: Math.ceil(count / 4) }, (_, i) => {
        const phi = chance(0.4);
        return {
          name: `g${tag}-app-${index}-${i}`.slice(0, 60),
          resourceGroup: `rg-generated-${i % 10}`,
          location: pick(generatedLocations),
          kind: pick(['app', 'app,linux', 'functionapp,linux'] as const),
          tags: phi ? { phi: 'true' } : {},
          httpsOnly: chance(0.8),
          minTlsVersion: chance(0.85) ? '1.2' : pick(['1.0', '1.1'] as const),
          ftpsState: pick(['AllAllowed', 'FtpsOnly', 'Disabled'] as const),
          healthCheckPath: chance(0.5) ? '/healthz' : null,
          accessRestrictions: chance(0.5)
            ? {
                defaultAction: 'Deny' as const,
                rules: [{ name: 'front-door', priority: 100, serviceTag: 'AzureFrontDoor.Backend' }],
              }
            : { defaultAction: 'Allow' as const },
          ...(chance(0.5) ? { authentication: { unauthenticatedClientAction: 'Return401' as const } } : {}),
        };
      }),
    };
  },
};
