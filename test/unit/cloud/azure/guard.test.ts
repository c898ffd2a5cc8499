import { describe, expect, it } from 'vitest';
import {
  azureAllowList,
  azureGuardDecision,
  isAzureRequestAllowed as allowedWith,
  type AzureGuardOptions,
} from '../../../../src/cloud/azure/guard';
import type { DeclaredOperation } from '../../../../src/kit/model';

const declared: DeclaredOperation[] = [
  {
    provider: 'azure',
    service: 'storage',
    operationId: 'StorageAccounts_GetProperties',
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}',
    apiVersion: '2023-05-01',
    permission: 'Microsoft.Storage/storageAccounts/read',
  },
  {
    provider: 'azure',
    service: 'graph',
    operationId: 'Resources',
    method: 'POST',
    path: '/providers/Microsoft.ResourceGraph/resources',
    apiVersion: '2022-10-01',
    permission: 'Microsoft.ResourceGraph/resources/read',
  },
  {
    provider: 'azure',
    service: 'policy',
    operationId: 'PolicyStates_SummarizeForSubscription',
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize',
    apiVersion: '2019-10-01',
    permission: 'Microsoft.PolicyInsights/policyStates/summarize/action',
  },
  {
    provider: 'azure',
    service: 'policy',
    operationId: 'PolicyStates_SummarizeForResourceGroup',
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize',
    apiVersion: '2019-10-01',
    permission: 'Microsoft.PolicyInsights/policyStates/summarize/action',
  },
  {
    provider: 'azure',
    service: 'compute',
    operationId: 'VirtualMachines_Start',
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/virtualMachines/{vmName}/start',
    apiVersion: '2024-03-01',
    permission: 'Microsoft.Compute/virtualMachines/start/action',
  },
];
const allowed = azureAllowList(declared);
const isAzureRequestAllowed = (method: string, url: string, options: Partial<AzureGuardOptions> = {}) =>
  allowedWith(method, url, { allowed, ...options });

const arm = 'https://management.azure.com';
const account = `${arm}/subscriptions/00000000-1111-4222-8333-444455556666/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/phi`;

describe('isAzureRequestAllowed', () => {
  it('lets GET through', () => {
    expect(isAzureRequestAllowed('GET', `${account}?api-version=2023-05-01`)).toBe(true);
    expect(
      isAzureRequestAllowed(
        'get',
        `${arm}/subscriptions/00000000-1111-4222-8333-444455556666?api-version=2022-12-01`,
      ),
    ).toBe(true);
  });

  it('allows POST only to the read-only query endpoints', () => {
    expect(
      isAzureRequestAllowed(
        'POST',
        `${arm}/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01`,
      ),
    ).toBe(true);
    expect(
      isAzureRequestAllowed(
        'POST',
        `${arm}/subscriptions/s1/providers/Microsoft.PolicyInsights/policyStates/latest/summarize?api-version=2019-10-01`,
      ),
    ).toBe(true);
    expect(
      isAzureRequestAllowed(
        'POST',
        `${arm}/subscriptions/s1/resourceGroups/rg/providers/Microsoft.PolicyInsights/policyStates/latest/summarize`,
      ),
    ).toBe(true);
    // Declared or not, a POST outside the read-only query endpoints is refused.
    expect(
      isAzureRequestAllowed(
        'POST',
        `${arm}/subscriptions/s1/providers/Microsoft.Compute/virtualMachines/vm/start`,
      ),
    ).toBe(false);
    expect(
      isAzureRequestAllowed(
        'POST',
        `${arm}/subscriptions/s1/providers/Microsoft.PolicyInsights/policyStates/latest/triggerEvaluation`,
      ),
    ).toBe(false);
  });

  it('refuses keys, SAS and secrets whatever the method', () => {
    for (const action of ['listKeys', 'listAccountSas', 'regenerateKey', 'listServiceSas', 'ListKeys']) {
      const decision = azureGuardDecision('POST', `${account}/${action}?api-version=2023-05-01`, { allowed });
      expect(decision.allowed, action).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/keys, SAS tokens or secrets/);
      expect(isAzureRequestAllowed('GET', `${account}/${action}`), action).toBe(false);
    }
  });

  it('refuses every write', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const decision = azureGuardDecision(method, `${account}?api-version=2023-05-01`, { allowed });
      expect(decision).toEqual({
        allowed: false,
        reason: `${method} changes the subscription, which this read-only tool never does`,
      });
    }
  });

  it('refuses other hosts when the ARM endpoint is known (no data-plane reads)', () => {
    expect(
      isAzureRequestAllowed('GET', 'https://phi.blob.core.windows.net/container/record.json', {
        armEndpoint: arm,
      }),
    ).toBe(false);
    expect(isAzureRequestAllowed('GET', `${account}`, { armEndpoint: arm })).toBe(true);
  });

  it('allows only declared paths: an undeclared ARM GET is refused, data-plane reads proxied by ARM included', () => {
    const query = `${arm}/subscriptions/00000000-1111-4222-8333-444455556666/resourceGroups/rg/providers/Microsoft.OperationalInsights/workspaces/ws/api/query?api-version=2020-08-01`;
    const decision = azureGuardDecision('GET', query, { allowed });
    expect(decision.allowed).toBe(false);
    if (!decision.allowed) expect(decision.reason).toMatch(/is not one of the declared operations/);
    // A declared pattern matches one path segment per placeholder, case-insensitively.
    expect(isAzureRequestAllowed('GET', `${account.toLowerCase()}?api-version=2023-05-01`)).toBe(true);
    expect(isAzureRequestAllowed('GET', `${account}/blobServices/default?api-version=2023-05-01`)).toBe(
      false,
    );
    expect(
      isAzureRequestAllowed(
        'GET',
        `${arm}/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts`,
      ),
    ).toBe(false);
  });

  it('refuses what it cannot parse', () => {
    expect(isAzureRequestAllowed('GET', 'not a url')).toBe(false);
    expect(isAzureRequestAllowed('GET', `${arm}/subscriptions/%E0%A4%A`)).toBe(false);
  });
});
