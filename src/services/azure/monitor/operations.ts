import { azureOperation } from '../../../kit';

/**
 * Every ARM read of the Monitor collector. None reads log data: no Log Analytics query (the
 * workspace's /query and /api/query paths are data-plane reads the guard refuses), no shared keys.
 *
 * - SubscriptionDiagnosticSettings_List, api-version 2021-05-01-preview (azure-rest-api-specs
 *   monitor/…/preview/2021-05-01-preview/subscriptionDiagnosticsSettings_API.json): where the
 *   subscription's activity log is exported; logs[] by category or categoryGroup ('allLogs'),
 *   destinations workspaceId / storageAccountId / eventHubAuthorizationRuleId /
 *   marketplacePartnerId. Not paged (x-ms-pageable nextLinkName null).
 * - Workspaces_List, api-version 2023-09-01 (OperationalInsights stable): properties.retentionInDays
 *   and sku.name of each Log Analytics workspace. Not paged.
 * - SentinelOnboardingStates_List, api-version 2024-03-01 (SecurityInsights stable,
 *   OnboardingStates.json): one 'default' state when Microsoft Sentinel is onboarded on the
 *   workspace, an empty list when it is not.
 */
export const ops = {
  listActivityLogSettings: azureOperation({
    id: 'SubscriptionDiagnosticSettings_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Insights/diagnosticSettings',
    apiVersion: '2021-05-01-preview',
    permission: 'Microsoft.Insights/DiagnosticSettings/Read',
  }),
  listWorkspaces: azureOperation({
    id: 'Workspaces_List',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.OperationalInsights/workspaces',
    apiVersion: '2023-09-01',
    permission: 'Microsoft.OperationalInsights/workspaces/read',
  }),
  listSentinelOnboarding: azureOperation({
    id: 'SentinelOnboardingStates_List',
    path: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.OperationalInsights/workspaces/{workspaceName}/providers/Microsoft.SecurityInsights/onboardingStates',
    apiVersion: '2024-03-01',
    permission: 'Microsoft.SecurityInsights/onboardingStates/read',
  }),
};
