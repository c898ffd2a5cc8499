import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { SiteProperties } from './resource';

/** Apps as the collector and the orchestrator hand them to rules, compliant unless overridden. */

const subscription = '00000000-0000-0000-0000-000000000001';

export function compliantSiteProperties(): SiteProperties {
  return {
    resourceGroup: 'rg-phi',
    kind: 'app,linux',
    functionApp: false,
    state: 'Running',
    defaultHostName: 'nwv-phi-app.azurewebsites.net',
    httpsOnly: true,
    clientCertEnabled: false,
    publicNetworkAccess: null,
    minTlsVersion: '1.2',
    scmMinTlsVersion: '1.2',
    ftpsState: 'Disabled',
    http20Enabled: true,
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
    scmAccessRestrictions: [],
    scmAccessRestrictionsDefaultAction: 'Deny',
    scmUsesMainRestrictions: true,
    authentication: {
      enabled: true,
      requireAuthentication: true,
      unauthenticatedClientAction: 'Return401',
      excludedPaths: [],
      identityProviders: ['azureActiveDirectory'],
    },
  };
}

interface Options {
  name?: string;
  phi?: boolean;
  properties?: Partial<Record<keyof SiteProperties, unknown>>;
  missing?: (keyof SiteProperties)[];
}

export function site(options: Options = {}): NormalizedResource {
  const name = options.name ?? 'nwv-phi-app';
  const phi = options.phi ?? true;
  const properties: Record<string, unknown> = { ...compliantSiteProperties(), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key];
  return {
    provider: 'azure',
    type: 'azure.appservice.site',
    nativeId: `/subscriptions/${subscription}/resourceGroups/rg-phi/providers/Microsoft.Web/sites/${name}`,
    name,
    scopeId: subscription,
    region: 'eastus',
    tags: phi ? { 'data-classification': 'phi' } : {},
    properties,
    phi,
    phiReason: phi ? 'tag data-classification=phi' : null,
    evidenceIds: [21],
  };
}

const authOff = {
  enabled: false,
  requireAuthentication: false,
  unauthenticatedClientAction: 'RedirectToLoginPage',
  excludedPaths: [],
  identityProviders: [],
};
const anonymous = {
  ...compliantSiteProperties().authentication,
  requireAuthentication: false,
  unauthenticatedClientAction: 'AllowAnonymous',
};
const functionApp = { kind: 'functionapp,linux', functionApp: true };

export const appServiceFixtures: ServiceFixtures = {
  'azure.appservice.https-only': {
    pass: [
      {
        name: 'HTTPS Only on',
        resource: site(),
        detail: 'App Service app nwv-phi-app has HTTPS Only on: plain-HTTP requests are redirected to HTTPS.',
      },
    ],
    fail: [
      {
        name: 'HTTPS Only off',
        resource: site({ properties: { httpsOnly: false } }),
        detail:
          'App Service app nwv-phi-app has HTTPS Only off: it answers plain-HTTP requests without redirecting them to HTTPS. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'a function app names itself as one',
        resource: site({ name: 'nwv-func', properties: { httpsOnly: false, ...functionApp } }),
        detail: 'Function app nwv-func has HTTPS Only off',
      },
    ],
    notApplicable: [
      {
        name: 'not reported',
        resource: site({ missing: ['httpsOnly'] }),
        detail: /^Not assessed: the HTTPS Only setting of App Service app nwv-phi-app/,
      },
    ],
  },
  'azure.appservice.min-tls-1-2': {
    pass: [
      {
        name: 'TLS 1.2 on app and SCM site',
        resource: site(),
        detail: 'requires TLS 1.2 or newer, its SCM site TLS 1.2.',
      },
      {
        name: 'TLS 1.3, SCM minimum not reported',
        resource: site({ properties: { minTlsVersion: '1.3', scmMinTlsVersion: null } }),
        detail: 'App Service app nwv-phi-app requires TLS 1.3 or newer.',
      },
    ],
    fail: [
      {
        name: 'app accepts TLS 1.0',
        resource: site({ properties: { minTlsVersion: '1.0' } }),
        detail:
          'App Service app nwv-phi-app: the app accepts TLS 1.0, below TLS 1.2. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'SCM site accepts TLS 1.1',
        resource: site({ properties: { scmMinTlsVersion: '1.1' } }),
        detail: 'its SCM (deployment) site accepts TLS 1.1, below TLS 1.2.',
      },
      {
        name: 'an unrecognised value',
        resource: site({ properties: { minTlsVersion: 'TLS1_2' } }),
        detail: 'the app accepts TLS TLS1_2',
      },
    ],
    notApplicable: [
      {
        name: 'site configuration not read',
        resource: site({ missing: ['minTlsVersion', 'scmMinTlsVersion'] }),
        detail: /^Not assessed: the minimum TLS version of App Service app nwv-phi-app/,
      },
    ],
  },
  'azure.appservice.ftps-only': {
    pass: [
      {
        name: 'FTP disabled',
        resource: site(),
        detail: 'App Service app nwv-phi-app has FTP disabled (ftpsState Disabled).',
      },
      {
        name: 'FTPS only',
        resource: site({ properties: { ftpsState: 'FtpsOnly' } }),
        detail: 'accepts FTPS only (ftpsState FtpsOnly).',
      },
    ],
    fail: [
      {
        name: 'plain FTP allowed',
        resource: site({ properties: { ftpsState: 'AllAllowed' } }),
        detail:
          'App Service app nwv-phi-app accepts plain FTP (ftpsState AllAllowed): deployment credentials and files can cross the network unencrypted. It is classified as PHI (tag data-classification=phi).',
      },
    ],
    notApplicable: [
      {
        name: 'site configuration not read',
        resource: site({ missing: ['ftpsState'] }),
        detail: /^Not assessed: the FTP state of App Service app nwv-phi-app/,
      },
    ],
  },
  'azure.appservice.authentication': {
    pass: [
      {
        name: 'Entra ID sign-in required',
        resource: site(),
        detail:
          'App Service app nwv-phi-app requires sign-in through azureActiveDirectory before any request reaches the app (unauthenticated requests: Return401).',
      },
    ],
    fail: [
      {
        name: 'platform authentication off',
        resource: site({ properties: { authentication: authOff } }),
        detail:
          'App Service app nwv-phi-app has App Service (platform) authentication off: confirm the app authenticates every user itself before it serves PHI. It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'on, but anonymous requests let through',
        resource: site({ properties: { authentication: anonymous } }),
        detail:
          'has platform authentication on but lets unauthenticated requests through to the app (AllowAnonymous)',
      },
      {
        name: 'a function app without platform authentication',
        resource: site({ name: 'nwv-func', properties: { authentication: authOff, ...functionApp } }),
        detail:
          'Function app nwv-func has App Service (platform) authentication off: confirm each function requires a function key',
      },
    ],
    notApplicable: [
      {
        name: 'not classified as PHI',
        resource: site({ phi: false, properties: { authentication: authOff } }),
        detail:
          'App Service app nwv-phi-app is not classified as PHI; platform authentication is judged on PHI apps only.',
      },
      {
        name: 'authsettingsV2 not read',
        resource: site({ missing: ['authentication'] }),
        detail:
          /^Not assessed: the authentication settings \(authsettingsV2\) of App Service app nwv-phi-app/,
      },
    ],
  },
  'azure.appservice.health-endpoint': {
    pass: [
      {
        name: 'health endpoint behind sign-in',
        resource: site(),
        detail:
          'The health endpoint /health of App Service app nwv-phi-app is behind platform authentication (unauthenticated requests: Return401).',
      },
    ],
    fail: [
      {
        name: 'platform authentication off',
        resource: site({ properties: { authentication: authOff } }),
        detail:
          'The health endpoint /health of App Service app nwv-phi-app is served without platform authentication (platform authentication is off): confirm it returns only a status, with no patient data, versions or dependency details.',
      },
      {
        name: 'anonymous requests let through',
        resource: site({ phi: false, properties: { authentication: anonymous } }),
        detail: '(platform authentication lets unauthenticated requests through)',
      },
      {
        name: 'the path is excluded from authentication',
        resource: site({
          properties: {
            healthCheckPath: '/api/health',
            authentication: { ...compliantSiteProperties().authentication, excludedPaths: ['/api/health*'] },
          },
        }),
        detail: '(the path is excluded from authentication (/api/health*))',
      },
    ],
    notApplicable: [
      {
        name: 'no health check path',
        resource: site({ properties: { healthCheckPath: null } }),
        detail: 'App Service app nwv-phi-app has no health check path set.',
      },
      {
        name: 'site configuration not read',
        resource: site({ missing: ['healthCheckPath'] }),
        detail: /^Not assessed: the health check path of App Service app nwv-phi-app/,
      },
      {
        name: 'authsettingsV2 not read',
        resource: site({ missing: ['authentication'] }),
        detail: /^Not assessed: the authentication settings \(authsettingsV2\)/,
      },
    ],
  },
  'azure.appservice.access-restrictions': {
    pass: [
      {
        name: 'Front Door only',
        resource: site(),
        detail:
          'App Service app nwv-phi-app denies requests its access restrictions do not match; it admits AzureFrontDoor.Backend.',
      },
      {
        name: 'public network access disabled',
        resource: site({
          properties: {
            publicNetworkAccess: 'Disabled',
            accessRestrictionsDefaultAction: 'Allow',
            accessRestrictions: [],
          },
        }),
        detail: 'has public network access disabled: it is reachable through private endpoints only.',
      },
    ],
    fail: [
      {
        name: 'default allow-all only',
        resource: site({ properties: { accessRestrictions: [], accessRestrictionsDefaultAction: 'Allow' } }),
        detail:
          'App Service app nwv-phi-app has no access restrictions: requests from any address reach the app (default action Allow). It is classified as PHI (tag data-classification=phi).',
      },
      {
        name: 'a blocklist is no restriction',
        resource: site({
          properties: {
            accessRestrictions: [
              {
                name: 'block-scanner',
                action: 'Deny',
                priority: 100,
                source: '203.0.113.0/24',
                kind: 'Default',
              },
            ],
            accessRestrictionsDefaultAction: 'Allow',
          },
        }),
        detail: 'has no access restrictions beyond 1 deny rule: requests from any address reach the app',
      },
      {
        name: 'Front Door service tag without an X-Azure-FDID check',
        resource: site({
          properties: {
            accessRestrictions: [
              {
                name: 'fd',
                action: 'Allow',
                priority: 100,
                source: 'AzureFrontDoor.Backend',
                kind: 'ServiceTag',
              },
            ],
          },
        }),
        detail:
          'App Service app nwv-phi-app admits the AzureFrontDoor.Backend service tag without an X-Azure-FDID header check (rule fd): any Front Door profile, including one anyone can create, reaches the app.',
      },
    ],
    notApplicable: [
      {
        name: 'not classified as PHI',
        resource: site({ phi: false, properties: { accessRestrictionsDefaultAction: 'Allow' } }),
        detail: 'is not classified as PHI; access restrictions are judged on PHI apps only.',
      },
      {
        name: 'site configuration not read',
        resource: site({ missing: ['accessRestrictions', 'accessRestrictionsDefaultAction'] }),
        detail: /^Not assessed: the access restrictions of App Service app nwv-phi-app/,
      },
    ],
  },
};
