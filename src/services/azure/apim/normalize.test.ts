import { describe, expect, it } from 'vitest';
import { normalizeApi, normalizeService, policyFacts } from './normalize';
import { isHealthOperation, reachability } from './rules/common';

const id = '/subscriptions/s/resourceGroups/RG-Apis/providers/Microsoft.ApiManagement/service/nwv-apim';

describe('normalizeService', () => {
  it('reads the protocol switches in any case, and null for a switch not reported', () => {
    const service = normalizeService({
      id,
      name: 'nwv-apim',
      location: 'East US 2',
      sku: { name: 'Premium', capacity: 1 },
      properties: {
        createdAtUtc: '2019-12-18T06:26:20.3348609Z',
        customProperties: {
          'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Protocols.Tls10': 'false',
          'microsoft.windowsazure.apimanagement.gateway.security.protocols.tls11': 'True',
          'Microsoft.WindowsAzure.ApiManagement.Gateway.Security.Backend.Protocols.Ssl30': 'maybe',
        },
      },
    });
    expect(service).toEqual({
      id,
      name: 'nwv-apim',
      location: 'eastus2',
      tags: {},
      properties: {
        resourceGroup: 'RG-Apis',
        skuName: 'Premium',
        createdAtUtc: '2019-12-18T06:26:20.3348609Z',
        gatewayProtocols: { tls10: false, tls11: true, ssl30: null },
        backendProtocols: { tls10: null, tls11: null, ssl30: null },
      },
    });
  });

  it('leaves the switches absent when customProperties is not reported at all', () => {
    const service = normalizeService({ id, name: 'nwv-apim', location: 'eastus', properties: {} });
    expect(service?.properties).not.toHaveProperty('gatewayProtocols');
    expect(normalizeService({ name: 'nwv-apim', location: 'eastus' })).toBeNull();
  });
});

describe('policyFacts', () => {
  it('finds caller authentication and <base /> in <inbound> only, ignoring comments and backend authentication', () => {
    expect(
      policyFacts(`<policies>
  <inbound>
    <!-- <validate-jwt header-name="Authorization" /> was here -->
    <base />
    <authentication-managed-identity resource="api://backend" />
  </inbound>
  <backend><validate-jwt header-name="x" /></backend>
</policies>`),
    ).toEqual({ inboundAuth: [], inheritsBase: true });
    expect(
      policyFacts(
        '<policies><inbound><choose><when condition="@(true)"><validate-azure-ad-token tenant-id="t"/></when></choose><validate-client-certificate validate-revocation="true" /></inbound></policies>',
      ),
    ).toEqual({
      inboundAuth: ['validate-azure-ad-token', 'validate-client-certificate'],
      inheritsBase: false,
    });
  });
});

describe('normalizeApi', () => {
  const service = normalizeService({
    id,
    name: 'nwv-apim',
    location: 'eastus',
    tags: { phi: 'true' },
    properties: {},
  })!;

  it("applies ARM's default subscriptionRequired true when omitted and inherits the service's tags", () => {
    const api = normalizeApi(
      { id: `${id}/apis/orders`, name: 'orders', properties: { path: 'orders', protocols: ['https'] } },
      service,
    );
    expect(api).toMatchObject({
      tags: { phi: 'true' },
      isCurrent: true,
      properties: { subscriptionRequired: true, path: 'orders' },
    });
  });

  it('marks a non-current revision', () => {
    const api = normalizeApi(
      {
        id: `${id}/apis/orders;rev=2`,
        name: 'orders;rev=2',
        properties: { isCurrent: false, subscriptionRequired: false },
      },
      service,
    );
    expect(api?.isCurrent).toBe(false);
  });
});

describe('reachability', () => {
  const none = { inboundAuth: [], inheritsBase: true };
  const api = {
    path: 'records',
    subscriptionRequired: false,
    globalPolicy: { inboundAuth: ['validate-jwt'], inheritsBase: false },
    apiPolicy: null,
  };
  const operation = { name: 'get', displayName: null, method: 'GET', urlTemplate: '/x', policy: null };

  it('follows <base /> from the operation to the API to the all-APIs policy', () => {
    expect(reachability(api, operation)).toEqual({ kind: 'auth', policy: 'validate-jwt', scope: 'all APIs' });
    expect(reachability(api, { ...operation, policy: none })).toEqual({
      kind: 'auth',
      policy: 'validate-jwt',
      scope: 'all APIs',
    });
    expect(reachability(api, { ...operation, policy: { inboundAuth: [], inheritsBase: false } })).toEqual({
      kind: 'anonymous',
    });
    expect(reachability({ ...api, apiPolicy: { inboundAuth: [], inheritsBase: false } }, operation)).toEqual({
      kind: 'anonymous',
    });
    expect(reachability({ ...api, globalPolicy: undefined }, operation)).toEqual({
      kind: 'unknown',
      missing: 'all-APIs policy',
    });
    expect(reachability({ ...api, subscriptionRequired: true }, operation)).toEqual({ kind: 'key' });
  });

  it('names health endpoints by the first segment of the operation path, or a health API', () => {
    expect(isHealthOperation({ path: 'orders' }, { ...operation, urlTemplate: '/health' })).toBe(true);
    expect(isHealthOperation({ path: 'orders' }, { ...operation, urlTemplate: '/status/live' })).toBe(true);
    expect(isHealthOperation({ path: 'orders' }, { ...operation, urlTemplate: '/{orderId}/status' })).toBe(
      false,
    );
    expect(isHealthOperation({ path: 'platform/ping' }, { ...operation, urlTemplate: '/' })).toBe(true);
  });
});
