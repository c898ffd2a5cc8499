import { describe, expect, it } from 'vitest';
import { azureGuardDecision, isAzureRequestAllowed } from '../../../../src/cloud/azure/guard';

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
      const decision = azureGuardDecision('POST', `${account}/${action}?api-version=2023-05-01`);
      expect(decision.allowed, action).toBe(false);
      if (!decision.allowed) expect(decision.reason).toMatch(/keys, SAS tokens or secrets/);
      expect(isAzureRequestAllowed('GET', `${account}/${action}`), action).toBe(false);
    }
  });

  it('refuses every write', () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const decision = azureGuardDecision(method, `${account}?api-version=2023-05-01`);
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

  it('refuses what it cannot parse', () => {
    expect(isAzureRequestAllowed('GET', 'not a url')).toBe(false);
    expect(isAzureRequestAllowed('GET', `${arm}/subscriptions/%E0%A4%A`)).toBe(false);
  });
});
