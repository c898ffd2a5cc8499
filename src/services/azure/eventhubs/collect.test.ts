import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { eventhubs } from '.';
import type { ScenarioNamespace } from './sim';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const nsId = (group: string, name: string) =>
  `/subscriptions/${subscription}/resourceGroups/${group}/providers/Microsoft.EventHub/namespaces/${name}`;

describe('the Event Hubs collector on the demo organisation', () => {
  it('judges each demo namespace as the demo intends', async () => {
    const scenario = serviceScenario(eventhubs);
    const run = await collectService(eventhubs, scenario);
    const results = judge(eventhubs, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.eventhubs.${rule}|${id}`)?.status;
    const telemetry = nsId('rg-nwv-devices', 'nwv-wearable-telemetry');
    const legacy = nsId('rg-nwv-devices', 'nwv-eh-device-ingest-legacy');
    const storefront = nsId('rg-nwv-web', 'nwv-eh-storefront-clicks');
    const table: [string, string, string][] = [
      ['min-tls-1-2', telemetry, 'pass'],
      ['min-tls-1-2', legacy, 'fail'],
      ['min-tls-1-2', storefront, 'not_applicable'],
      ['public-network-access', telemetry, 'pass'],
      ['public-network-access', legacy, 'fail'],
      ['public-network-access', storefront, 'fail'],
      ['local-auth-disabled', telemetry, 'pass'],
      ['local-auth-disabled', legacy, 'fail'],
      ['local-auth-disabled', storefront, 'pass'],
      ['phi-customer-managed-key', telemetry, 'pass'],
      ['phi-customer-managed-key', legacy, 'fail'],
      ['phi-customer-managed-key', storefront, 'not_applicable'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.eventhubs.public-network-access|${legacy}`)?.detail).toContain(
      'It is classified as PHI (tag phi=true)',
    );
    // A namespace that does not report minimumTlsVersion is not assessed, never passed.
    expect(results.get(`azure.eventhubs.min-tls-1-2|${storefront}`)?.detail).toMatch(
      /^Not assessed: the minimum TLS version \(ARM did not report minimumTlsVersion\)/,
    );
  });

  it('builds namespaces with normalized locations and the evidence of both reads', async () => {
    const run = await collectService(eventhubs, serviceScenario(eventhubs));
    const legacy = run.resources.find((each) => each.name === 'nwv-eh-device-ingest-legacy');
    expect(legacy).toMatchObject({
      type: 'azure.eventhubs.namespace',
      region: 'westus2',
      properties: {
        skuName: 'Standard',
        minimumTlsVersion: '1.1',
        publicNetworkAccess: 'Enabled',
        disableLocalAuth: false,
        encryptionKeySource: null,
        networkRuleSet: { defaultAction: 'Allow', ipRuleCount: 0 },
      },
    });
    const operations = legacy!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['Namespaces_List', 'Namespaces_GetNetworkRuleSet']);
  });

  it('follows nextLink on the namespace list', async () => {
    const scenario = {
      ...serviceScenario(eventhubs),
      simulation: { awsPageSize: 10_000, azurePageSize: 1 },
    };
    const paged = await collectService(eventhubs, scenario);
    expect(paged.gaps).toEqual([]);
    expect(paged.resources).toHaveLength(3);
    expect(paged.evidence.filter((each) => each.operation === 'Namespaces_List')).toHaveLength(3);
  });

  it('keeps a namespace whose rule set is denied, naming it in the gap and not assessing the network rule', async () => {
    const scenario = serviceScenario(eventhubs, [
      {
        provider: 'azure',
        service: 'eventhubs',
        operation: 'Namespaces_GetNetworkRuleSet',
        kind: 'access_denied',
      },
    ]);
    const run = await collectService(eventhubs, scenario);
    expect(run.resources).toHaveLength(3);
    expect(run.gaps.map((gap) => gap.message)).toContainEqual(
      expect.stringContaining(
        'Namespaces_GetNetworkRuleSet for namespace nwv-eh-device-ingest-legacy failed (HTTP 403)',
      ),
    );
    const results = judge(eventhubs, scenario, run.resources);
    const legacy = results.get(
      `azure.eventhubs.public-network-access|${nsId('rg-nwv-devices', 'nwv-eh-device-ingest-legacy')}`,
    );
    expect(legacy?.detail).toMatch(/^Not assessed: the network rule set default action/);
    // Deny by default is read from the rule set only: without it, the compliant twin is not assessed either.
    expect(
      results.get(`azure.eventhubs.public-network-access|${nsId('rg-nwv-devices', 'nwv-wearable-telemetry')}`)
        ?.detail,
    ).toMatch(/^Not assessed: the network rule set default action/);
  });
});

describe('the Event Hubs simulator', () => {
  const registry = serviceRegistry(eventhubs);
  const base = {
    name: 'eh',
    description: 'Event Hubs scenario',
    azure: {
      subscriptions: [
        {
          subscriptionId: '00000000-1111-4222-8333-444455556666',
          tenantId: '99999999-8888-4777-8666-555544443333',
          label: 'prod',
          eventHubNamespaces: [] as unknown[],
        },
      ],
    },
  };
  const withNamespaces = (eventHubNamespaces: unknown[]) => ({
    ...base,
    azure: { subscriptions: [{ ...base.azure.subscriptions[0], eventHubNamespaces }] },
  });

  it('names a bad field by its path and refuses CMK below Premium', () => {
    expect(() =>
      registry.loadScenario(
        withNamespaces([
          { name: 'nwv-eh-a', resourceGroup: 'rg', location: 'eastus', minimumTlsVersion: '1.3' },
        ]),
      ),
    ).toThrow('azure.subscriptions[0].eventHubNamespaces[0].minimumTlsVersion');
    expect(() =>
      registry.loadScenario(
        withNamespaces([
          {
            name: 'nwv-eh-a',
            resourceGroup: 'rg',
            location: 'eastus',
            customerManagedKey: { keyVaultUri: 'https://kv.vault.azure.net', keyName: 'k' },
          },
        ]),
      ),
    ).toThrow(
      'azure.subscriptions[0].eventHubNamespaces[0].customerManagedKey: customer-managed keys need the Premium tier',
    );
  });

  it("answers a namespace deleted after the list with ARM's 404 ResourceNotFound", () => {
    const scenario = registry.loadScenario(
      withNamespaces([{ name: 'nwv-eh-a', resourceGroup: 'rg', location: 'eastus' }]),
    );
    const owner = scenario.azure.subscriptions[0]!;
    const answer = eventhubs.sim.answers.Namespaces_GetNetworkRuleSet!({
      subscription: owner as typeof owner & { eventHubNamespaces: ScenarioNamespace[] },
      scenario,
      params: { subscriptionId: owner.subscriptionId, resourceGroupName: 'rg', namespaceName: 'nwv-eh-gone' },
      url: new URL('https://management.azure.com/'),
      state: undefined,
    });
    expect(answer).toMatchObject({ status: 404, code: 'ResourceNotFound' });
  });

  it('generates valid namespaces for the benchmark', () => {
    const scenario = registry.generateScenario({
      awsAccounts: 0,
      regions: 1,
      perRegion: 0,
      azureSubscriptions: 2,
      perSubscription: 16,
      latencyMs: 0,
      seed: 7,
    });
    for (const owner of scenario.azure.subscriptions) expect(owner.eventHubNamespaces).toHaveLength(2);
  });
});
