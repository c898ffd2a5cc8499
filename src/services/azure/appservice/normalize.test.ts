import { describe, expect, it } from 'vitest';
import { accessRestrictions, authenticationOf, normalizeSite, siteConfigProperties } from './normalize';

const id = '/subscriptions/s/resourceGroups/RG-Portal/providers/Microsoft.Web/sites/nwv-portal';

describe('normalizeSite', () => {
  it('reads a list entry as Microsoft.Web answers it (display-name location, kind, httpsOnly)', () => {
    expect(
      normalizeSite({
        id,
        name: 'nwv-portal',
        kind: 'functionapp,linux',
        location: 'East US 2',
        tags: { phi: 'true' },
        properties: {
          state: 'Running',
          defaultHostName: 'nwv-portal.azurewebsites.net',
          httpsOnly: false,
          clientCertEnabled: false,
        },
      }),
    ).toEqual({
      id,
      name: 'nwv-portal',
      location: 'eastus2',
      tags: { phi: 'true' },
      properties: {
        resourceGroup: 'RG-Portal',
        kind: 'functionapp,linux',
        functionApp: true,
        state: 'Running',
        defaultHostName: 'nwv-portal.azurewebsites.net',
        httpsOnly: false,
        clientCertEnabled: false,
        publicNetworkAccess: null,
      },
    });
  });

  it('leaves httpsOnly absent when not reported, and skips an entry without id, name or location', () => {
    const site = normalizeSite({ id, name: 'nwv-portal', location: 'eastus', properties: null });
    expect(site?.properties).not.toHaveProperty('httpsOnly');
    expect(site?.properties.kind).toBe('app');
    expect(normalizeSite({ name: 'nwv-portal', location: 'eastus' })).toBeNull();
  });
});

describe('accessRestrictions', () => {
  it("reads ARM's catch-all entry as the default action and keeps only explicit rules", () => {
    expect(
      accessRestrictions(
        [
          {
            ipAddress: 'Any',
            action: 'Allow',
            priority: 2147483647,
            name: 'Allow all',
            description: 'Allow all access',
          },
        ],
        undefined,
      ),
    ).toEqual({ rules: [], defaultAction: 'Allow' });
    expect(
      accessRestrictions(
        [
          {
            ipAddress: 'AzureFrontDoor.Backend',
            tag: 'ServiceTag',
            action: 'Allow',
            priority: 100,
            name: 'fd',
            headers: { 'X-Azure-FDID': ['3f0b7c52-6a1e-4d8f-9b2c-1e5d7a9c4f60'] },
          },
          {
            vnetSubnetResourceId: '/subscriptions/s/.../subnets/app-gw',
            action: 'Allow',
            priority: 200,
            name: 'agw',
          },
          { ipAddress: 'Any', action: 'Deny', priority: 2147483647, name: 'Deny all' },
        ],
        null,
      ),
    ).toEqual({
      rules: [
        {
          name: 'fd',
          action: 'Allow',
          priority: 100,
          source: 'AzureFrontDoor.Backend',
          kind: 'ServiceTag',
          frontDoorIds: ['3f0b7c52-6a1e-4d8f-9b2c-1e5d7a9c4f60'],
        },
        {
          name: 'agw',
          action: 'Allow',
          priority: 200,
          source: '/subscriptions/s/.../subnets/app-gw',
          kind: 'Subnet',
        },
      ],
      defaultAction: 'Deny',
    });
  });

  it('prefers the reported default action, and applies the pre-2023 implicit deny when rules exist', () => {
    expect(accessRestrictions([], 'Deny')?.defaultAction).toBe('Deny');
    expect(
      accessRestrictions(
        [{ ipAddress: '10.0.0.0/8', action: 'Allow', priority: 100, name: 'corp' }],
        undefined,
      )?.defaultAction,
    ).toBe('Deny');
    expect(accessRestrictions(null, 'Allow')).toBeUndefined();
  });
});

describe('siteConfigProperties', () => {
  it('keeps null for settings never set and reads both restriction lists', () => {
    const props = siteConfigProperties({
      properties: {
        minTlsVersion: '1.2',
        scmMinTlsVersion: null,
        ftpsState: 'AllAllowed',
        http20Enabled: false,
        healthCheckPath: null,
        ipSecurityRestrictions: [
          { ipAddress: 'Any', action: 'Allow', priority: 2147483647, name: 'Allow all' },
        ],
        scmIpSecurityRestrictionsUseMain: false,
      },
    });
    expect(props).toEqual({
      minTlsVersion: '1.2',
      scmMinTlsVersion: null,
      ftpsState: 'AllAllowed',
      http20Enabled: false,
      healthCheckPath: null,
      accessRestrictions: [],
      accessRestrictionsDefaultAction: 'Allow',
      scmUsesMainRestrictions: false,
    });
  });
});

describe('authenticationOf', () => {
  it('reads an app that never configured authentication as off', () => {
    expect(authenticationOf({ properties: {} })).toEqual({
      enabled: false,
      requireAuthentication: null,
      unauthenticatedClientAction: null,
      excludedPaths: [],
      identityProviders: [],
    });
  });

  it('names enabled identity providers and excluded paths', () => {
    expect(
      authenticationOf({
        properties: {
          platform: { enabled: true },
          globalValidation: {
            requireAuthentication: true,
            unauthenticatedClientAction: 'Return401',
            excludedPaths: ['/healthz', 7],
          },
          identityProviders: {
            azureActiveDirectory: {
              enabled: true,
              registration: { clientSecretSettingName: 'MICROSOFT_PROVIDER_AUTHENTICATION_SECRET' },
            },
            github: { enabled: false },
            apple: { registration: {} },
          },
        },
      }),
    ).toEqual({
      enabled: true,
      requireAuthentication: true,
      unauthenticatedClientAction: 'Return401',
      excludedPaths: ['/healthz'],
      identityProviders: ['azureActiveDirectory', 'apple'],
    });
  });
});
