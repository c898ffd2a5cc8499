import { describe, expect, it } from 'vitest';
import { azureCloudEndpoints } from '../../../../src/cloud/azure/clouds';
import { describePrincipal, principalFromToken } from '../../../../src/cloud/azure/token-claims';

describe('azureCloudEndpoints', () => {
  it('knows the public and US Government clouds', () => {
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
    expect(() => azureCloudEndpoints('custom', { armEndpoint: 'http://arm.stack.example' })).toThrow(
      /must use https/,
    );
    expect(() => azureCloudEndpoints('custom')).toThrow(/armEndpoint/);
    expect(() => azureCloudEndpoints('aws')).toThrow(/not an Azure cloud/);
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
