import { describe, expect, it } from 'vitest';
import { azureCloudEndpoints } from '../../../../src/cloud/azure/clouds';
import { isNetworkFailure } from '../../../../src/cloud/azure/connect';
import { describePrincipal, principalFromToken } from '../../../../src/cloud/azure/token-claims';

describe('azureCloudEndpoints', () => {
  it('knows the public, US Government and China clouds', () => {
    expect(azureCloudEndpoints('AzureCloud')).toEqual({
      cloud: 'AzureCloud',
      armEndpoint: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
      armScope: 'https://management.azure.com/.default',
    });
    expect(azureCloudEndpoints('AzureUSGovernment')).toMatchObject({
      armEndpoint: 'https://management.usgovcloudapi.net',
      authorityHost: 'https://login.microsoftonline.us',
    });
    expect(azureCloudEndpoints('AzureChinaCloud')).toMatchObject({
      armEndpoint: 'https://management.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      armScope: 'https://management.chinacloudapi.cn/.default',
    });
  });

  it('takes a custom cloud from the auth selectors, HTTPS only', () => {
    expect(
      azureCloudEndpoints('custom', {
        armEndpoint: 'https://arm.stack.example:8443/',
        authorityHost: 'https://login.stack.example',
      }),
    ).toMatchObject({
      armEndpoint: 'https://arm.stack.example:8443',
      armScope: 'https://arm.stack.example:8443/.default',
    });
    expect(() =>
      azureCloudEndpoints('custom', {
        armEndpoint: 'http://arm.stack.example',
        authorityHost: 'https://login.stack.example',
      }),
    ).toThrow(/must use https/);
    expect(() => azureCloudEndpoints('custom')).toThrow(/ARM endpoint and its authority host/);
    expect(() => azureCloudEndpoints('custom', { armEndpoint: 'https://arm.stack.example' })).toThrow(
      /authority host/,
    );
    expect(() => azureCloudEndpoints('aws')).toThrow(/not an Azure cloud/);
  });

  it('asks tokens for the custom cloud’s audience (Azure Stack Hub) when one is given', () => {
    expect(
      azureCloudEndpoints('custom', {
        armEndpoint: 'https://management.local.azurestack.external',
        authorityHost: 'https://adfs.local.azurestack.external',
        audience: 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155/',
      }).armScope,
    ).toBe('https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155/.default');
  });
});

describe('principalFromToken', () => {
  const token = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('names a user or an application from the token claims', () => {
    const user = principalFromToken(token({ upn: 'auditor@contoso.example', oid: 'o1', tid: 't1' }));
    expect(describePrincipal(user, null)).toBe('auditor@contoso.example (object o1, tenant t1)');
    const app = principalFromToken(token({ appid: 'a1', oid: 'o2', tid: 't1' }));
    expect(describePrincipal(app, null)).toBe('application a1 (object o2, tenant t1)');
  });

  it('an opaque token leaves the identity unknown rather than failing', () => {
    expect(principalFromToken('opaque-token')).toBeNull();
    expect(describePrincipal(null, 't9')).toBe('unknown principal (tenant t9)');
  });
});

describe('isNetworkFailure', () => {
  it('tells an unreachable authority from refused credentials', () => {
    const msal = Object.assign(new Error('endpoints_resolution_error: See https://aka.ms/msal.js.errors'), {
      errorCode: 'endpoints_resolution_error',
    });
    expect(isNetworkFailure(msal)).toBe(true);
    expect(
      isNetworkFailure(
        new Error('outer', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) }),
      ),
    ).toBe(true);
    expect(isNetworkFailure(new Error('AADSTS7000215: Invalid client secret provided.'))).toBe(false);
    expect(isNetworkFailure(new Error('Please run `az login` to set up an account.'))).toBe(false);
  });
});
