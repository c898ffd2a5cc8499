import type { ScenarioAccessRule, ScenarioSite } from './sim';

/**
 * ARM JSON as Microsoft.Web answers it at api-version 2023-12-01 (WebApps.json and its examples
 * ListWebApps.json, GetSiteConfig.json, GetAuthSettingsV2WithoutSecrets.json): locations as display
 * names ('East US'), the site configuration with null for settings never set (healthCheckPath),
 * access-restriction lists ending in ARM's catch-all entry ('Allow all' / 'Deny all', priority
 * 2147483647) beside ipSecurityRestrictionsDefaultAction, and authsettingsV2 with platform.enabled
 * false on an app that never configured authentication.
 */

const displayNames: Record<string, string> = {
  eastus: 'East US',
  eastus2: 'East US 2',
  westus: 'West US',
  westus2: 'West US 2',
  westus3: 'West US 3',
  centralus: 'Central US',
  northcentralus: 'North Central US',
  southcentralus: 'South Central US',
  westeurope: 'West Europe',
  northeurope: 'North Europe',
};

/** Microsoft.Web answers a location's display name, as the portal shows it. */
export const displayLocation = (location: string): string => displayNames[location] ?? location;

export function siteId(subscriptionId: string, site: ScenarioSite): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${site.resourceGroup}/providers/Microsoft.Web/sites/${site.name}`;
}

const planId = (subscriptionId: string, site: ScenarioSite) =>
  `/subscriptions/${subscriptionId}/resourceGroups/${site.resourceGroup}/providers/Microsoft.Web/serverfarms/${site.plan ?? `${site.name}-plan`}`;

/** One entry of WebApps_List. */
export function armSite(subscriptionId: string, site: ScenarioSite): object {
  const host = `${site.name}.azurewebsites.net`;
  return {
    id: siteId(subscriptionId, site),
    name: site.name,
    type: 'Microsoft.Web/sites',
    kind: site.kind,
    location: displayLocation(site.location),
    tags: site.tags,
    properties: {
      name: site.name,
      state: site.state,
      hostNames: [host],
      enabledHostNames: [host, `${site.name}.scm.azurewebsites.net`],
      defaultHostName: host,
      serverFarmId: planId(subscriptionId, site),
      reserved: site.kind.includes('linux'),
      // The list's siteConfig is a stub: the settings the rules read are null here.
      siteConfig: {
        numberOfWorkers: 1,
        linuxFxVersion: site.kind.includes('linux') ? 'NODE|20-lts' : '',
        minTlsVersion: null,
        ftpsState: null,
      },
      httpsOnly: site.httpsOnly,
      clientCertEnabled: site.clientCertEnabled,
      clientCertMode: 'Required',
      publicNetworkAccess: site.publicNetworkAccess,
      resourceGroup: site.resourceGroup,
      redundancyMode: 'None',
    },
  };
}

function restrictionList(rules: readonly ScenarioAccessRule[], defaultAction: 'Allow' | 'Deny'): object[] {
  const explicit = rules.map((rule) => ({
    ...(rule.serviceTag
      ? { ipAddress: rule.serviceTag, tag: 'ServiceTag' }
      : rule.subnetId
        ? { vnetSubnetResourceId: rule.subnetId, tag: 'Default' }
        : { ipAddress: rule.ipAddress ?? 'Any', tag: 'Default' }),
    action: rule.action,
    priority: rule.priority,
    name: rule.name,
    ...(rule.frontDoorId ? { headers: { 'x-azure-fdid': [rule.frontDoorId] } } : {}),
  }));
  const catchAll =
    defaultAction === 'Allow'
      ? {
          ipAddress: 'Any',
          action: 'Allow',
          priority: 2147483647,
          name: 'Allow all',
          description: 'Allow all access',
        }
      : {
          ipAddress: 'Any',
          action: 'Deny',
          priority: 2147483647,
          name: 'Deny all',
          description: 'Deny all access',
        };
  return [...explicit, catchAll];
}

/** The answer of WebApps_GetConfiguration (GET …/config/web). */
export function armSiteConfig(subscriptionId: string, site: ScenarioSite): object {
  const access = site.accessRestrictions;
  return {
    id: `${siteId(subscriptionId, site)}/config/web`,
    name: site.name,
    type: 'Microsoft.Web/sites/config',
    location: displayLocation(site.location),
    tags: site.tags,
    properties: {
      numberOfWorkers: 1,
      defaultDocuments: ['index.html', 'hostingstart.html'],
      netFrameworkVersion: 'v4.0',
      linuxFxVersion: site.kind.includes('linux') ? 'NODE|20-lts' : '',
      requestTracingEnabled: false,
      httpLoggingEnabled: true,
      detailedErrorLoggingEnabled: false,
      publishingUsername: `$${site.name}`,
      scmType: 'None',
      use32BitWorkerProcess: false,
      alwaysOn: !site.kind.startsWith('functionapp'),
      http20Enabled: site.http20Enabled,
      minTlsVersion: site.minTlsVersion,
      scmMinTlsVersion: site.scmMinTlsVersion,
      ftpsState: site.ftpsState,
      healthCheckPath: site.healthCheckPath,
      ipSecurityRestrictions: restrictionList(access.rules, access.defaultAction),
      ipSecurityRestrictionsDefaultAction: access.defaultAction,
      scmIpSecurityRestrictions: restrictionList([], access.scmUsesMain ? access.defaultAction : 'Allow'),
      scmIpSecurityRestrictionsDefaultAction: access.scmUsesMain ? access.defaultAction : 'Allow',
      scmIpSecurityRestrictionsUseMain: access.scmUsesMain,
      publicNetworkAccess: site.publicNetworkAccess,
      minimumElasticInstanceCount: 0,
    },
  };
}

/** The answer of WebApps_GetAuthSettingsV2WithoutSecrets (GET …/config/authsettingsV2). */
export function armAuthSettingsV2(subscriptionId: string, tenantId: string, site: ScenarioSite): object {
  const auth = site.authentication;
  const base = {
    id: `${siteId(subscriptionId, site)}/config/authsettingsV2`,
    name: 'authsettingsV2',
    type: 'Microsoft.Web/sites/config',
    location: displayLocation(site.location),
  };
  if (!auth)
    return {
      ...base,
      properties: {
        platform: { enabled: false, runtimeVersion: '~1' },
        globalValidation: {
          requireAuthentication: false,
          unauthenticatedClientAction: 'RedirectToLoginPage',
        },
        httpSettings: {
          requireHttps: true,
          routes: { apiPrefix: '/.auth' },
          forwardProxy: { convention: 'NoProxy' },
        },
        login: { tokenStore: { enabled: false } },
      },
    };
  return {
    ...base,
    properties: {
      platform: { enabled: auth.enabled, runtimeVersion: '~1' },
      globalValidation: {
        requireAuthentication: auth.requireAuthentication,
        unauthenticatedClientAction: auth.unauthenticatedClientAction,
        redirectToProvider: 'azureactivedirectory',
        ...(auth.excludedPaths.length > 0 ? { excludedPaths: auth.excludedPaths } : {}),
      },
      identityProviders: {
        azureActiveDirectory: {
          enabled: true,
          registration: {
            openIdIssuer: `https://login.microsoftonline.com/${tenantId}/v2.0`,
            clientId: auth.clientId,
            // The without-secrets read names the app setting that holds the secret, never the secret.
            clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET',
          },
          validation: { allowedAudiences: [`api://${auth.clientId}`] },
        },
      },
      login: { tokenStore: { enabled: true }, preserveUrlFragmentsForLogins: false },
      httpSettings: {
        requireHttps: true,
        routes: { apiPrefix: '/.auth' },
        forwardProxy: { convention: 'NoProxy' },
      },
    },
  };
}
