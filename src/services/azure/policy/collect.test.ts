import { describe, expect, it } from 'vitest';
import {
  collectService,
  judge,
  serviceRegistry,
  serviceScenario,
} from '../../../../test/support/describe-service';
import { policy } from '.';

const subscription = '7c1e4f2a-9b3d-4e5f-8a6b-2c4d6e8f0a1b';
const sub = `/subscriptions/${subscription}`;
const pricing = (name: string) => `${sub}/providers/Microsoft.Security/pricings/${name}`;

describe('the Policy and Defender collector on the demo organisation', () => {
  it('judges the HIPAA initiative per scope and each Defender plan as the demo intends', async () => {
    const scenario = serviceScenario(policy);
    const run = await collectService(policy, scenario);
    const results = judge(policy, scenario, run.resources);
    const status = (rule: string, id: string) => results.get(`azure.policy.${rule}|${id}`)?.status;
    const table: [string, string, string][] = [
      ['hipaa-initiative-assigned', sub, 'fail'],
      ['hipaa-initiative-assigned', `${sub}/resourceGroups/rg-nwv-phi-prod`, 'pass'],
      ['defender-plan', pricing('StorageAccounts'), 'pass'],
      ['defender-plan', pricing('SqlServers'), 'fail'],
      ['defender-plan', pricing('AppServices'), 'fail'],
      ['defender-plan', pricing('KeyVaults'), 'pass'],
      ['defender-plan', pricing('Arm'), 'pass'],
      ['defender-plan', pricing('Api'), 'fail'],
    ];
    for (const [rule, id, expected] of table) expect(status(rule, id), `${rule} ${id}`).toBe(expected);
    expect(results.get(`azure.policy.hipaa-initiative-assigned|${sub}`)?.detail).toBe(
      `The subscription ${subscription} has no HITRUST/HIPAA initiative assignment at it or above (3 other policy assignments in view). It is assigned only on resource group rg-nwv-phi-prod.`,
    );
    expect(
      results.get(`azure.policy.hipaa-initiative-assigned|${sub}/resourceGroups/rg-nwv-phi-prod`)?.detail,
    ).toBe(
      "The resource group rg-nwv-phi-prod is covered by the HITRUST/HIPAA initiative: 'HITRUST/HIPAA (telehealth production)' on resource group rg-nwv-phi-prod; latest compliance: 7 non-compliant resources across 5 policies.",
    );
    // Plans that protect no PHI service (VirtualMachines, Containers, …) are not resources.
    expect(run.resources.filter((each) => each.type === 'azure.policy.defender-plan')).toHaveLength(6);
  });

  it('sends the summary as a POST with an empty body and keeps it as evidence', async () => {
    const run = await collectService(policy, serviceScenario(policy));
    const summary = run.evidence.find((each) => each.operation === 'PolicyStates_SummarizeForSubscription');
    expect(summary?.request).toEqual({
      method: 'POST',
      path: `${sub}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize?api-version=2019-10-01`,
      body: {},
    });
    const scope = run.resources.find((each) => each.nativeId === `${sub}/resourceGroups/rg-nwv-phi-prod`);
    const operations = scope!.evidenceIds.map((id) => run.evidence[id - 1]?.operation);
    expect(operations).toEqual(['PolicyAssignments_List', 'PolicyStates_SummarizeForSubscription']);
  });

  it('follows nextLink on the assignment list', async () => {
    const scenario = { ...serviceScenario(policy), simulation: { awsPageSize: 10_000, azurePageSize: 1 } };
    const paged = await collectService(policy, scenario);
    expect(paged.gaps).toEqual([]);
    expect(paged.evidence.filter((each) => each.operation === 'PolicyAssignments_List')).toHaveLength(3);
    expect(paged.resources).toHaveLength(8);
  });
});

describe('the Policy simulator', () => {
  const registry = serviceRegistry(policy);
  it('refuses a plan listed twice and an assignment with two scopes', () => {
    const load = () =>
      registry.loadScenario({
        name: 'policy',
        description: 'Policy scenario',
        azure: {
          subscriptions: [
            {
              subscriptionId: '00000000-1111-4222-8333-444455556666',
              tenantId: '99999999-8888-4777-8666-555544443333',
              label: 'prod',
              policyAssignments: [
                { name: 'x', definition: 'hipaa', managementGroup: 'mg', resourceGroup: 'rg' },
              ],
              defenderPricings: [
                { name: 'Api', pricingTier: 'Free' },
                { name: 'Api', pricingTier: 'Standard' },
              ],
            },
          ],
        },
      });
    expect(load).toThrow('azure.subscriptions[0].policyAssignments[0]: an assignment has one scope');
    expect(load).toThrow('azure.subscriptions[0].defenderPricings[1].name: plan Api is listed twice');
  });
});
