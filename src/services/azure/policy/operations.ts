import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the Policy and Defender collector.
 *
 * - PolicyAssignments_List, api-version 2023-04-01 (azure-rest-api-specs
 *   resources/…/Microsoft.Authorization/stable/2023-04-01/policyAssignments.json): without $filter,
 *   every assignment that applies to the subscription (management groups above it included) and
 *   every assignment inside it; properties.policyDefinitionId, scope, notScopes, enforcementMode.
 *   Paged by nextLink.
 * - PolicyStates_SummarizeForSubscription, api-version 2019-10-01 (PolicyInsights stable,
 *   PolicyStates_SummarizeSubscriptionScope example): a POST that only reads the latest compliance
 *   summary (value[0].results and value[0].policyAssignments[] with nonCompliantResources,
 *   nonCompliantPolicies and resourceDetails). The real API takes no body; the kit's query() sends
 *   a JSON body, so an empty object is sent. RBAC action …/policyStates/summarize/action, which the
 *   built-in Reader role lacks: the access kit's custom role grants it.
 * - Pricings_List, api-version 2024-01-01 (Security stable): each Defender for Cloud plan's
 *   pricingTier ('Free' | 'Standard') and subPlan.
 */
export const ops = {
  listPolicyAssignments: azureOperation({
    id: 'PolicyAssignments_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyAssignments',
    apiVersion: '2023-04-01',
    permission: 'Microsoft.Authorization/policyAssignments/read',
  }),
  summarizeCompliance: azureOperation({
    id: 'PolicyStates_SummarizeForSubscription',
    method: 'POST',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.PolicyInsights/policyStates/latest/summarize',
    apiVersion: '2019-10-01',
    permission: 'Microsoft.PolicyInsights/policyStates/summarize/action',
  }),
  listPricings: azureOperation({
    id: 'Pricings_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Security/pricings',
    apiVersion: '2024-01-01',
    permission: 'Microsoft.Security/pricings/read',
  }),
};
