import { describe, expect, it } from 'vitest';
import { checkedTargetInputSchema } from '../../../src/api/contract/assess';

const azure = {
  provider: 'azure' as const,
  label: 'Stack Hub tenant',
  scopeId: '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b',
  regions: [],
};

function issues(input: unknown): string[] {
  const parsed = checkedTargetInputSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('target input: clouds and custom endpoints', () => {
  it('accepts a custom Azure cloud with its ARM endpoint, authority host and audience', () => {
    expect(
      issues({
        ...azure,
        cloud: 'custom',
        auth: {
          method: 'client-secret',
          clientId: '11111111-2222-3333-4444-555555555555',
          tenantId: 'adfs',
          armEndpoint: 'https://management.local.azurestack.external',
          authorityHost: 'https://adfs.local.azurestack.external',
          audience: 'https://management.adfs.azurestack.local/4de154de-f8a8-4017-af41-df619da68155',
        },
      }),
    ).toEqual([]);
    expect(issues({ ...azure, cloud: 'AzureChinaCloud', auth: { method: 'azure-cli' } })).toEqual([]);
  });

  it('refuses a custom cloud without endpoints, plain-HTTP endpoints, and endpoints on a national cloud', () => {
    expect(issues({ ...azure, cloud: 'custom', auth: { method: 'azure-cli' } })).toEqual([
      'auth.armEndpoint: a custom Azure cloud needs its ARM endpoint',
      'auth.authorityHost: a custom Azure cloud needs its authority host',
    ]);
    expect(
      issues({
        ...azure,
        cloud: 'custom',
        auth: {
          method: 'azure-cli',
          armEndpoint: 'http://arm.example',
          authorityHost: 'https://login.example',
        },
      }),
    ).toEqual(['auth.armEndpoint: an https URL, e.g. https://management.local.azurestack.external']);
    expect(
      issues({
        ...azure,
        cloud: 'AzureCloud',
        auth: { method: 'azure-cli', armEndpoint: 'https://arm.example' },
      }),
    ).toEqual([
      "auth.armEndpoint: only a custom Azure cloud takes armEndpoint: AzureCloud's endpoints are known",
    ]);
  });

  it('refuses an unknown cloud and a cloud of the other provider', () => {
    expect(issues({ ...azure, cloud: 'AzurCloud', auth: { method: 'azure-cli' } })[0]).toMatch(/^cloud: /);
    expect(issues({ ...azure, cloud: 'aws', auth: { method: 'azure-cli' } })).toEqual([
      'cloud: an Azure target is in AzureCloud, AzureUSGovernment, AzureChinaCloud or a custom cloud',
    ]);
  });
});
