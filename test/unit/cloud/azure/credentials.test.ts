import {
  AzureCliCredential,
  ClientSecretCredential,
  DefaultAzureCredential,
  DeviceCodeCredential,
} from '@azure/identity';
import { describe, expect, it } from 'vitest';
import { azureCloudEndpoints } from '../../../../src/cloud/azure/clouds';
import {
  azureCredential,
  azureSignInHint,
  describeAzureAuth,
  parseAzureAuth,
} from '../../../../src/cloud/azure/credentials';
import { DeskError } from '../../../../src/errors';

const tenantId = '3f8a2b6c-1d4e-4f7a-9b2c-5e8d1a4f7b3c';
const clientId = '11111111-2222-4333-8444-555555555555';
const endpoints = azureCloudEndpoints('AzureCloud');

describe('Azure sign-in selectors', () => {
  it('defaults to the Azure CLI and validates ids', () => {
    expect(parseAzureAuth({}).method).toBe('azure-cli');
    expect(() => parseAzureAuth({ tenantId: 'contoso' })).toThrow(/tenantId: must be a tenant id/);
  });

  it('builds the credential each method names', () => {
    expect(azureCredential(parseAzureAuth({ tenantId }), { endpoints })).toBeInstanceOf(AzureCliCredential);
    expect(
      azureCredential(parseAzureAuth({ method: 'device-code', tenantId }), { endpoints }),
    ).toBeInstanceOf(DeviceCodeCredential);
    expect(azureCredential(parseAzureAuth({ method: 'default' }), { endpoints })).toBeInstanceOf(
      DefaultAzureCredential,
    );
    const env = { AZURE_CLIENT_SECRET: 'from-env' };
    expect(
      azureCredential(parseAzureAuth({ method: 'client-secret', tenantId, clientId }), { endpoints, env }),
    ).toBeInstanceOf(ClientSecretCredential);
  });

  it('a client secret comes only from the environment; without it sign-in is refused, naming what is missing', () => {
    const auth = parseAzureAuth({
      method: 'client-secret',
      tenantId,
      clientId,
      clientSecret: 'never-read-from-here',
    });
    let error: unknown;
    try {
      azureCredential(auth, { endpoints, env: {} });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).code).toBe('BAD_INPUT');
    expect((error as DeskError).message).toContain('AZURE_CLIENT_SECRET');
    expect((error as DeskError).message).not.toContain('never-read-from-here');
  });

  it('says what to run, per cloud and tenant', () => {
    expect(azureSignInHint(parseAzureAuth({ tenantId }), endpoints)).toBe(
      `run \`az login --tenant ${tenantId}\`, then retry`,
    );
    expect(azureSignInHint(parseAzureAuth({}), azureCloudEndpoints('AzureUSGovernment'))).toContain(
      'az cloud set --name AzureUSGovernment',
    );
    expect(describeAzureAuth(parseAzureAuth({ method: 'client-secret', clientId, tenantId }))).toBe(
      `service principal ${clientId} with AZURE_CLIENT_SECRET in tenant ${tenantId}`,
    );
  });

  it('the simulated method needs the simulator', () => {
    expect(() => azureCredential(parseAzureAuth({ method: 'simulated' }), { endpoints })).toThrow(
      /no simulator/,
    );
  });
});
