import type { NormalizedResource, ServiceFixtures } from '../../../kit';
import type { DefenderPlanProperties, PolicyScopeProperties } from './resource';

const subscription = '00000000-0000-0000-0000-000000000001';
const sub = `/subscriptions/${subscription}`;

interface Options<P> {
  properties?: Partial<Record<keyof P, unknown>>;
  missing?: (keyof P)[];
}

function build<P extends object>(
  type: string,
  nativeId: string,
  name: string,
  base: P,
  options: Options<P>,
): NormalizedResource {
  const properties: Record<string, unknown> = { ...(base as Record<string, unknown>), ...options.properties };
  for (const key of options.missing ?? []) delete properties[key as string];
  return {
    provider: 'azure',
    type,
    nativeId,
    name,
    scopeId: subscription,
    region: 'global',
    tags: {},
    properties,
    phi: false,
    phiReason: null,
    evidenceIds: [9],
  };
}

const hipaa = {
  id: `${sub}/providers/Microsoft.Authorization/policyAssignments/hitrust-hipaa`,
  name: 'hitrust-hipaa',
  displayName: 'HITRUST/HIPAA',
  scope: sub,
  notScopes: [],
  enforcementMode: 'Default',
  compliance: { nonCompliantResources: 12, nonCompliantPolicies: 4, compliantResources: 80 },
};

export function subscriptionScope(options: Options<PolicyScopeProperties> = {}): NormalizedResource {
  const base: PolicyScopeProperties = {
    scope: sub,
    scopeKind: 'subscription',
    hipaaAssignments: [hipaa],
    narrowerHipaaScopes: [],
    assignmentCount: 3,
    complianceRead: true,
  };
  return build('azure.policy.scope', sub, `subscription ${subscription}`, base, options);
}

export function plan(
  name = 'Defender for Storage',
  options: Options<DefenderPlanProperties> = {},
): NormalizedResource {
  const base: DefenderPlanProperties = {
    plan: 'StorageAccounts',
    pricingTier: 'Standard',
    subPlan: 'DefenderForStorageV2',
  };
  const planName = String(options.properties?.plan ?? base.plan);
  return build(
    'azure.policy.defender-plan',
    `${sub}/providers/Microsoft.Security/pricings/${planName}`,
    name,
    base,
    options,
  );
}

const phiAccount: NormalizedResource = {
  provider: 'azure',
  type: 'azure.storage.account',
  nativeId: `${sub}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/nwvclinicalnotes`,
  name: 'nwvclinicalnotes',
  scopeId: subscription,
  region: 'eastus',
  tags: { phi: 'true' },
  properties: {},
  phi: true,
  phiReason: 'tag phi=true',
  evidenceIds: [1],
};

export const policyFixtures: ServiceFixtures = {
  'azure.policy.hipaa-initiative-assigned': {
    pass: [
      {
        name: 'assigned at the subscription, compliance quoted',
        resource: subscriptionScope(),
        detail: `The subscription ${subscription} is covered by the HITRUST/HIPAA initiative: 'HITRUST/HIPAA' on the subscription; latest compliance: 12 non-compliant resources across 4 policies.`,
      },
      {
        name: 'inherited from a management group, with an exclusion',
        resource: subscriptionScope({
          properties: {
            hipaaAssignments: [
              {
                ...hipaa,
                scope: '/providers/Microsoft.Management/managementGroups/nwv-root',
                notScopes: [`${sub}/resourceGroups/rg-sandbox`],
              },
            ],
          },
        }),
        detail:
          "'HITRUST/HIPAA' on management group nwv-root, excluding resource group rg-sandbox; latest compliance: 12 non-compliant resources across 4 policies.",
      },
      {
        name: 'assigned, but not in the summary',
        resource: subscriptionScope({ properties: { hipaaAssignments: [{ ...hipaa, compliance: null }] } }),
        detail: "'HITRUST/HIPAA' on the subscription; not in the compliance summary.",
      },
    ],
    fail: [
      {
        name: 'not assigned anywhere',
        resource: subscriptionScope({ properties: { hipaaAssignments: [] } }),
        detail: `The subscription ${subscription} has no HITRUST/HIPAA initiative assignment at it or above (3 other policy assignments in view).`,
      },
      {
        name: 'assigned only on a resource group',
        resource: subscriptionScope({
          properties: {
            hipaaAssignments: [],
            narrowerHipaaScopes: [`${sub}/resourceGroups/rg-nwv-phi-prod`],
          },
        }),
        detail: 'It is assigned only on resource group rg-nwv-phi-prod.',
      },
    ],
    notApplicable: [
      {
        name: 'assignments not collected',
        resource: subscriptionScope({ missing: ['hipaaAssignments'] }),
        detail: /^Not assessed: the policy assignments of the subscription/,
      },
      {
        name: 'assigned, compliance summary not read',
        resource: subscriptionScope({
          properties: { hipaaAssignments: [{ ...hipaa, compliance: undefined }], complianceRead: false },
        }),
        detail:
          /^Not assessed: the HITRUST\/HIPAA compliance summary \(PolicyStates_SummarizeForSubscription\) of the subscription/,
      },
    ],
  },
  'azure.policy.defender-plan': {
    pass: [
      {
        name: 'Defender for Storage on',
        resource: plan(),
        detail: `Defender for Storage (StorageAccounts) on subscription ${subscription} is on (Standard, sub-plan DefenderForStorageV2).`,
      },
    ],
    fail: [
      {
        name: 'Defender for Storage Free, PHI accounts in the run',
        resource: plan('Defender for Storage', { properties: { pricingTier: 'Free', subPlan: undefined } }),
        context: { resources: [phiAccount] },
        detail: `Defender for Storage (StorageAccounts) on subscription ${subscription} is at the Free tier: no threat detection alerts are raised for it. It would protect 1 PHI storage accounts found in this run.`,
      },
      {
        name: 'Defender for APIs Free',
        resource: plan('Defender for APIs', { properties: { plan: 'Api', pricingTier: 'Free' } }),
        detail:
          /Defender for APIs \(Api\) on subscription .* is at the Free tier: no threat detection alerts are raised for it\.$/,
      },
    ],
    notApplicable: [
      {
        name: 'tier not reported',
        resource: plan('Defender for Storage', { properties: { pricingTier: null } }),
        detail: /^Not assessed: the pricing tier of Defender for Storage/,
      },
    ],
  },
};
