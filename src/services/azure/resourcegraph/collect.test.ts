import { describe, expect, it } from 'vitest';
import { collectService, serviceRegistry, serviceScenario } from '../../../../test/support/describe-service';
import type { ScenarioBase } from '../../../kit';
import { INVENTORY_QUERY } from './collect';
import { resourcegraph } from '.';

const subscriptionId = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';

describe('the Resource Graph collector against the simulated ARM', () => {
  it('queries the subscription with one POST and records the body as evidence', async () => {
    const run = await collectService(resourcegraph, serviceScenario(resourcegraph));
    expect(run.gaps).toEqual([]);
    expect(run.evidence).toHaveLength(1);
    expect(run.evidence[0]).toMatchObject({
      service: 'resourcegraph',
      operation: 'Resources',
      region: 'global',
      outcome: 'ok',
      request: {
        method: 'POST',
        path: '/providers/Microsoft.ResourceGraph/resources?api-version=2022-10-01',
        body: {
          subscriptions: [subscriptionId],
          query: INVENTORY_QUERY,
          options: { resultFormat: 'objectArray', $top: 1000 },
        },
      },
      response: { totalRecords: 21, count: 21, resultTruncated: 'false' },
    });
    const bus = run.resources.find((each) => each.name === 'nwv-support-bus');
    expect(bus).toMatchObject({
      type: 'azure.resourcegraph.resource',
      nativeId: `/subscriptions/${subscriptionId}/resourceGroups/rg-nwv-support/providers/Microsoft.ServiceBus/namespaces/nwv-support-bus`,
      region: 'eastus',
      scopeId: subscriptionId,
      properties: { type: 'microsoft.servicebus/namespaces', namespace: 'Microsoft.ServiceBus' },
    });
    // The storage accounts and key vaults of the other fragments, with the same ids.
    expect(run.resources.map((each) => each.nativeId)).toContain(
      `/subscriptions/${subscriptionId}/resourceGroups/rg-nwv-phi-prod/providers/Microsoft.Storage/storageAccounts/nwvclinicalnotes`,
    );
    expect(run.resources.find((each) => each.name === 'nwv-ops-logs')?.tags).toEqual({});
  });

  it('pages with the answer $skipToken sent back as options.$skipToken, with the same query', async () => {
    const scenario: ScenarioBase = {
      ...serviceScenario(resourcegraph),
      simulation: { awsPageSize: 1000, azurePageSize: 4 },
    };
    const paged = await collectService(resourcegraph, scenario);
    const whole = await collectService(resourcegraph, serviceScenario(resourcegraph));
    expect(paged.gaps).toEqual([]);
    expect(paged.resources.map((each) => each.nativeId)).toEqual(
      whole.resources.map((each) => each.nativeId),
    );
    expect(paged.evidence).toHaveLength(6);
    const bodies = paged.evidence.map(
      (each) => (each.request as { body: { query: string; options: Record<string, unknown> } }).body,
    );
    expect(bodies[0]!.options.$skipToken).toBeUndefined();
    for (const [index, body] of bodies.entries()) {
      expect(body.query).toBe(INVENTORY_QUERY);
      if (index > 0)
        expect(body.options.$skipToken).toBe(
          (paged.evidence[index - 1]!.response as { $skipToken?: string }).$skipToken,
        );
    }
    expect(paged.evidence[5]!.response).not.toHaveProperty('$skipToken');
  });

  it('records a refused query with its method and body, as a gap that lists nothing', async () => {
    const run = await collectService(
      resourcegraph,
      serviceScenario(resourcegraph, [
        { provider: 'azure', service: 'resourcegraph', operation: 'Resources', kind: 'access_denied' },
      ]),
    );
    expect(run.gaps).toMatchObject([{ operation: 'Resources', reason: 'access_denied' }]);
    expect(run.gaps[0]!.message).toContain("'Microsoft.ResourceGraph/resources/read'");
    expect(run.resources).toEqual([]);
    expect(run.evidence).toMatchObject([
      {
        outcome: 'error',
        errorCode: 'AuthorizationFailed',
        request: { method: 'POST', body: { subscriptions: [subscriptionId], query: INVENTORY_QUERY } },
      },
    ]);
  });
});

describe('the simulated Resource Graph scenario', () => {
  it('names a resource of another subscription by its path', () => {
    const registry = serviceRegistry(resourcegraph);
    const scenario = structuredClone(registry.demoScenario()) as unknown as {
      azure: { subscriptions: { graphResources: Record<string, unknown>[] }[] };
    };
    scenario.azure.subscriptions[0]!.graphResources[3] = {
      id: '/subscriptions/00000000-0000-4000-8000-000000000001/resourceGroups/g/providers/Microsoft.Web/sites/x',
      location: 'eastus',
    };
    expect(() => registry.loadScenario(scenario)).toThrow(
      /azure\.subscriptions\[0\]\.graphResources\[3\]\.id: subscription 00000000-0000-4000-8000-000000000001 is not this subscription/,
    );
  });
});
