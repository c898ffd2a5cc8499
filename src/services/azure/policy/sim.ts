import { z } from 'zod';
import { isoTime, type AzureServiceSim, type ScenarioBase, type ScenarioIssue } from '../../../kit';
import demo from './demo.json' with { type: 'json' };
import { HIPAA_INITIATIVE } from './normalize';

/**
 * Policy assignments (2023-04-01), the latest policy-state summary (2019-10-01, shape of the
 * PolicyStates_SummarizeSubscriptionScope example: ids lower-cased, one summary in value[]) and
 * Defender pricings (2024-01-01: every plan listed, Free where it is off).
 */

const scenarioAssignment = z.strictObject({
  name: z.string().regex(/^[^<>*%&:\\?.+/]{1,64}$/, 'must be a policy assignment name'),
  displayName: z.string().min(1).optional(),
  /** 'hipaa' = the built-in HITRUST/HIPAA initiative; otherwise a policy (set) definition id */
  definition: z.union([z.literal('hipaa'), z.string().startsWith('/')]),
  /** Absent = the subscription */
  managementGroup: z.string().min(1).optional(),
  resourceGroup: z
    .string()
    .regex(/^[\w.()-]{1,90}$/, 'must be a resource group name')
    .optional(),
  /** Resource groups excluded */
  notScopes: z.array(z.string().regex(/^[\w.()-]{1,90}$/)).default([]),
  enforcementMode: z.enum(['Default', 'DoNotEnforce']).default('Default'),
  createdOn: isoTime.default('2024-01-15T10:00:00Z'),
  /** The latest compliance summary of this assignment; absent = not listed in the summary */
  compliance: z
    .strictObject({
      nonCompliantResources: z.number().int().min(0),
      nonCompliantPolicies: z.number().int().min(0),
      compliantResources: z.number().int().min(0).default(0),
    })
    .optional(),
});

/** Pricings_List at 2024-01-01 lists every plan of the subscription. */
const PLANS = [
  'VirtualMachines',
  'SqlServers',
  'AppServices',
  'StorageAccounts',
  'SqlServerVirtualMachines',
  'KeyVaults',
  'Arm',
  'OpenSourceRelationalDatabases',
  'CosmosDbs',
  'Containers',
  'CloudPosture',
  'Api',
] as const;

const scenarioPricing = z.strictObject({
  name: z.enum(PLANS),
  pricingTier: z.enum(['Free', 'Standard']),
  subPlan: z.string().min(1).optional(),
  inheritedFrom: z.string().min(1).optional(),
});

export type ScenarioPolicyAssignment = z.output<typeof scenarioAssignment>;

const subscription = {
  policyAssignments: z.array(scenarioAssignment).default([]),
  /** Plans not listed answer Free */
  defenderPricings: z.array(scenarioPricing).default([]),
};

function checkPolicy(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.azure.subscriptions.forEach((each, s) => {
    const names = new Set<string>();
    (each.policyAssignments as ScenarioPolicyAssignment[]).forEach((assignment, a) => {
      const path = ['azure', 'subscriptions', s, 'policyAssignments', a];
      const scope =
        `${assignment.managementGroup ?? ''}/${assignment.resourceGroup ?? ''}/${assignment.name}`.toLowerCase();
      if (names.has(scope))
        issue([...path, 'name'], `assignment ${assignment.name} is already at this scope`);
      names.add(scope);
      if (assignment.managementGroup && assignment.resourceGroup)
        issue(path, 'an assignment has one scope: a management group, the subscription or a resource group');
    });
    const plans = new Set<string>();
    (each.defenderPricings as { name: string }[]).forEach((pricing, p) => {
      if (plans.has(pricing.name))
        issue(
          ['azure', 'subscriptions', s, 'defenderPricings', p, 'name'],
          `plan ${pricing.name} is listed twice`,
        );
      plans.add(pricing.name);
    });
  });
}

function scopeOf(subscriptionId: string, assignment: ScenarioPolicyAssignment): string {
  if (assignment.managementGroup)
    return `/providers/Microsoft.Management/managementGroups/${assignment.managementGroup}`;
  const base = `/subscriptions/${subscriptionId}`;
  return assignment.resourceGroup ? `${base}/resourceGroups/${assignment.resourceGroup}` : base;
}

const definitionOf = (assignment: ScenarioPolicyAssignment): string =>
  assignment.definition === 'hipaa'
    ? `/providers/Microsoft.Authorization/policySetDefinitions/${HIPAA_INITIATIVE}`
    : assignment.definition;

function armAssignment(subscriptionId: string, assignment: ScenarioPolicyAssignment): object {
  const scope = scopeOf(subscriptionId, assignment);
  return {
    properties: {
      ...(assignment.displayName ? { displayName: assignment.displayName } : {}),
      policyDefinitionId: definitionOf(assignment),
      definitionVersion: '1.*.*',
      scope,
      notScopes: assignment.notScopes.map(
        (group) => `/subscriptions/${subscriptionId}/resourceGroups/${group}`,
      ),
      parameters: {},
      metadata: { assignedBy: 'Northwind Vitals platform team', createdOn: assignment.createdOn },
      enforcementMode: assignment.enforcementMode,
    },
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${assignment.name}`,
    type: 'Microsoft.Authorization/policyAssignments',
    name: assignment.name,
  };
}

const results = (
  subscriptionId: string,
  counts: { nonCompliantResources: number; nonCompliantPolicies: number; compliantResources: number },
  filter: string,
) => ({
  queryResultsUri: `https://management.azure.com/subscriptions/${subscriptionId}/providers/Microsoft.PolicyInsights/policyStates/latest/queryResults?api-version=2019-10-01&$filter=${filter}`,
  nonCompliantResources: counts.nonCompliantResources,
  nonCompliantPolicies: counts.nonCompliantPolicies,
  resourceDetails: [
    { complianceState: 'compliant', count: counts.compliantResources },
    { complianceState: 'noncompliant', count: counts.nonCompliantResources },
  ],
  policyDetails: [{ complianceState: 'noncompliant', count: counts.nonCompliantPolicies }],
  policyGroupDetails: [],
});

function armSummary(subscriptionId: string, assignments: readonly ScenarioPolicyAssignment[]): object {
  const summarized = assignments.filter((each) => each.compliance);
  const total = summarized.reduce(
    (sum, each) => ({
      nonCompliantResources: sum.nonCompliantResources + each.compliance!.nonCompliantResources,
      nonCompliantPolicies: sum.nonCompliantPolicies + each.compliance!.nonCompliantPolicies,
      compliantResources: sum.compliantResources + each.compliance!.compliantResources,
    }),
    { nonCompliantResources: 0, nonCompliantPolicies: 0, compliantResources: 0 },
  );
  const context = `https://management.azure.com/subscriptions/${subscriptionId}/providers/Microsoft.PolicyInsights/policyStates/$metadata#summary`;
  return {
    '@odata.context': context,
    '@odata.count': 1,
    value: [
      {
        '@odata.id': null,
        '@odata.context': `${context}/$entity`,
        results: results(subscriptionId, total, 'IsCompliant eq false'),
        policyAssignments: summarized.map((each) => {
          const id =
            `${scopeOf(subscriptionId, each)}/providers/Microsoft.Authorization/policyAssignments/${each.name}`.toLowerCase();
          const definition = definitionOf(each).toLowerCase();
          return {
            policyAssignmentId: id,
            policySetDefinitionId: definition.includes('/policysetdefinitions/') ? definition : '',
            results: results(
              subscriptionId,
              each.compliance!,
              `IsCompliant eq false and PolicyAssignmentId eq '${id}'`,
            ),
            policyDefinitions: [],
            policyGroups: [],
          };
        }),
      },
    ],
  };
}

export const policySim: AzureServiceSim<typeof subscription, undefined> = {
  subscription,
  check: checkPolicy,
  answers: {
    PolicyAssignments_List: ({ subscription: owner }) => ({
      list: owner.policyAssignments.map((assignment) => armAssignment(owner.subscriptionId, assignment)),
    }),
    PolicyStates_SummarizeForSubscription: ({ subscription: owner }) => ({
      body: armSummary(owner.subscriptionId, owner.policyAssignments),
    }),
    Pricings_List: ({ subscription: owner }) => ({
      list: PLANS.map((name) => {
        const set = owner.defenderPricings.find((each) => each.name === name);
        const tier = set?.pricingTier ?? 'Free';
        return {
          id: `/subscriptions/${owner.subscriptionId}/providers/Microsoft.Security/pricings/${name}`,
          name,
          type: 'Microsoft.Security/pricings',
          properties: {
            pricingTier: tier,
            ...(set?.subPlan ? { subPlan: set.subPlan } : {}),
            ...(tier === 'Free'
              ? { freeTrialRemainingTime: 'PT0S' }
              : { enablementTime: '2024-03-01T10:00:00Z' }),
            ...(set?.inheritedFrom
              ? { inherited: 'True', inheritedFrom: set.inheritedFrom }
              : { inherited: 'False' }),
          },
        };
      }),
    }),
  },
  demo,
  generate({ random }) {
    const { chance } = random;
    return {
      policyAssignments: chance(0.5)
        ? [
            {
              name: 'hitrust-hipaa',
              displayName: 'HITRUST/HIPAA',
              definition: 'hipaa' as const,
              compliance: { nonCompliantResources: 12, nonCompliantPolicies: 4, compliantResources: 80 },
            },
          ]
        : [],
      defenderPricings: (
        ['StorageAccounts', 'SqlServers', 'AppServices', 'KeyVaults', 'Arm', 'Api'] as const
      ).map((name) => ({ name, pricingTier: chance(0.5) ? ('Standard' as const) : ('Free' as const) })),
    };
  },
};
