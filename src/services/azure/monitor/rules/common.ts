import type { NormalizedResource } from '../../../../kit';
import { activityLogCategory, logAnalyticsWorkspace } from '../resource';

export const ACTIVITY_LOG_CATEGORY = activityLogCategory.type;
export const LOG_ANALYTICS_WORKSPACE = logAnalyticsWorkspace.type;

export const categoryProperties = activityLogCategory.properties;
export const workspaceProperties = logAnalyticsWorkspace.properties;

/** "the Administrative activity log of subscription 7c1e…", the subject of every category detail. */
export function categoryLabel(resource: NormalizedResource): string {
  return `the ${resource.name} of subscription ${resource.scopeId}`;
}

/** A detail sentence starting with a label: its first letter capitalised. */
export function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Log Analytics workspace nwv-ops-logs" */
export function workspaceLabel(resource: NormalizedResource): string {
  return `Log Analytics workspace ${resource.name}`;
}

/** Activity-log export to a workspace in Bicep (subscription-scope deployment). */
export const bicepActivityLogExport = `targetScope = 'subscription'

param workspaceId string // the security team's Log Analytics workspace (with Microsoft Sentinel)
param archiveStorageAccountId string // immutable storage for long-term retention

resource activityLogExport 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'activity-log-to-secops'
  properties: {
    workspaceId: workspaceId
    storageAccountId: archiveStorageAccountId
    logs: [
      { category: 'Administrative', enabled: true }
      { category: 'Security', enabled: true }
      { category: 'Policy', enabled: true }
      { category: 'Alert', enabled: true }
      { category: 'ServiceHealth', enabled: true }
      { category: 'ResourceHealth', enabled: true }
      { category: 'Recommendation', enabled: true }
      { category: 'Autoscale', enabled: true }
    ]
  }
}`;

export const terraformActivityLogExport = `data "azurerm_subscription" "current" {}

resource "azurerm_monitor_diagnostic_setting" "activity_log" {
  name                       = "activity-log-to-secops"
  target_resource_id         = data.azurerm_subscription.current.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.secops.id
  storage_account_id         = azurerm_storage_account.log_archive.id

  enabled_log { category = "Administrative" }
  enabled_log { category = "Security" }
  enabled_log { category = "Policy" }
  enabled_log { category = "Alert" }
  enabled_log { category = "ServiceHealth" }
  enabled_log { category = "ResourceHealth" }
  enabled_log { category = "Recommendation" }
  enabled_log { category = "Autoscale" }
}`;
