import { describe, expect, it } from 'vitest';
import {
  complianceByAssignment,
  isHipaaInitiative,
  normalizeAssignment,
  normalizePricing,
} from './normalize';

describe('policy assignments', () => {
  it('recognises the HITRUST/HIPAA initiative by its set definition id, whatever the case', () => {
    expect(
      isHipaaInitiative(
        '/providers/Microsoft.Authorization/policySetDefinitions/A169A624-5599-4385-A696-C8D643089FAB',
      ),
    ).toBe(true);
    expect(
      isHipaaInitiative(
        '/providers/Microsoft.Authorization/policyDefinitions/e56962a6-4747-49cd-b67b-bf8b01975c4c',
      ),
    ).toBe(false);
  });

  it('reads scope, notScopes and enforcement mode', () => {
    expect(
      normalizeAssignment({
        id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a',
        name: 'a',
        properties: {
          displayName: 'A',
          policyDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/x',
          scope: '/subscriptions/s',
          notScopes: ['/subscriptions/s/resourceGroups/sandbox'],
          enforcementMode: 'DoNotEnforce',
        },
      }),
    ).toEqual({
      id: '/subscriptions/s/providers/Microsoft.Authorization/policyAssignments/a',
      name: 'a',
      displayName: 'A',
      policyDefinitionId: '/providers/Microsoft.Authorization/policySetDefinitions/x',
      scope: '/subscriptions/s',
      notScopes: ['/subscriptions/s/resourceGroups/sandbox'],
      enforcementMode: 'DoNotEnforce',
    });
  });
});

describe('complianceByAssignment', () => {
  it('reads the reference example shape (lower-cased ids, results per assignment)', () => {
    const map = complianceByAssignment({
      '@odata.count': 1,
      value: [
        {
          results: { nonCompliantResources: 619, nonCompliantPolicies: 40 },
          policyAssignments: [
            {
              policyAssignmentId:
                '/subscriptions/fffedd8f/providers/microsoft.authorization/policyassignments/e46af646ebdb461dba708e01',
              results: {
                nonCompliantResources: 557,
                nonCompliantPolicies: 1,
                resourceDetails: [
                  { complianceState: 'compliant', count: 140 },
                  { complianceState: 'noncompliant', count: 557 },
                ],
              },
            },
          ],
        },
      ],
    });
    expect(
      map.get(
        '/subscriptions/fffedd8f/providers/microsoft.authorization/policyassignments/e46af646ebdb461dba708e01',
      ),
    ).toEqual({ nonCompliantResources: 557, nonCompliantPolicies: 1, compliantResources: 140 });
    expect(complianceByAssignment(null).size).toBe(0);
  });
});

describe('normalizePricing', () => {
  it('keeps the tier, sub-plan and inheritance', () => {
    expect(
      normalizePricing({
        id: '/subscriptions/s/providers/Microsoft.Security/pricings/StorageAccounts',
        name: 'StorageAccounts',
        properties: {
          pricingTier: 'Standard',
          subPlan: 'DefenderForStorageV2',
          inherited: 'True',
          inheritedFrom: '/providers/Microsoft.Management/managementGroups/root',
        },
      }),
    ).toEqual({
      id: '/subscriptions/s/providers/Microsoft.Security/pricings/StorageAccounts',
      properties: {
        plan: 'StorageAccounts',
        pricingTier: 'Standard',
        subPlan: 'DefenderForStorageV2',
        inheritedFrom: '/providers/Microsoft.Management/managementGroups/root',
      },
    });
  });
});
