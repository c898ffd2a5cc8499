import { z } from 'zod';
import { defineResourceType } from '../../../kit';

/** The latest compliance of one policy assignment (PolicyStates summarize). */
export const complianceSchema = z.object({
  nonCompliantResources: z.number().int(),
  nonCompliantPolicies: z.number().int(),
  compliantResources: z.number().int().optional(),
});

export const hipaaAssignmentSchema = z.object({
  id: z.string(),
  name: z.string(),
  displayName: z.string().optional(),
  /** Where it is assigned: this scope, or a management group / the root above the subscription */
  scope: z.string(),
  notScopes: z.array(z.string()),
  /** 'Default' | 'DoNotEnforce' */
  enforcementMode: z.string().optional(),
  /** From the compliance summary; null when the summary was read but does not list this assignment */
  compliance: complianceSchema.nullable().optional(),
});

/**
 * resource.type 'azure.policy.scope': the subscription, and each resource group or resource with a
 * HITRUST/HIPAA assignment of its own. nativeId = the scope.
 */
export const policyScopeSchema = z.object({
  scope: z.string(),
  /** 'subscription' | 'resourceGroup' | 'resource' */
  scopeKind: z.string(),
  /** HITRUST/HIPAA assignments that apply here (the subscription: assigned at it or above) */
  hipaaAssignments: z.array(hipaaAssignmentSchema),
  /** Subscription only: HITRUST/HIPAA assignments on narrower scopes inside it */
  narrowerHipaaScopes: z.array(z.string()).optional(),
  /** Every policy assignment in the subscription's view */
  assignmentCount: z.number().int(),
  /** Whether PolicyStates_SummarizeForSubscription answered */
  complianceRead: z.boolean(),
});

export type PolicyScopeProperties = z.infer<typeof policyScopeSchema>;

/** resource.type 'azure.policy.defender-plan'; nativeId = the pricing's ARM id; name = the plan's product name */
export const defenderPlanSchema = z.object({
  /** The pricing's name: 'StorageAccounts', 'SqlServers', 'AppServices', 'KeyVaults', 'Arm', 'Api' */
  plan: z.string(),
  /** 'Free' | 'Standard'; null when ARM did not report it */
  pricingTier: z.string().nullable(),
  subPlan: z.string().optional(),
  /** true when the plan is deprecated (replacedBy names its successors) */
  deprecated: z.boolean().optional(),
  replacedBy: z.array(z.string()).optional(),
  /** Management group the plan is inherited from, when it is */
  inheritedFrom: z.string().optional(),
});

export type DefenderPlanProperties = z.infer<typeof defenderPlanSchema>;

export const policyScope = defineResourceType('azure.policy.scope', 'Policy scope', policyScopeSchema);
export const defenderPlan = defineResourceType(
  'azure.policy.defender-plan',
  'Defender for Cloud plan',
  defenderPlanSchema,
);
