import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { LOG_ANALYTICS_WORKSPACE, workspaceLabel, workspaceProperties } from './common';

/** Interactive retention every workspace should have: one quarter of logs to review and investigate. */
export const MIN_RETENTION_DAYS = 90;

/** 164.312(b), 164.308(a)(1)(ii)(D): logs live long enough to be reviewed and to investigate from. */
export const monitorWorkspaceRetention: Rule = {
  id: 'azure.monitor.workspace-retention',
  title: `Log Analytics workspaces keep logs for at least ${MIN_RETENTION_DAYS} days`,
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: LOG_ANALYTICS_WORKSPACE,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale: `HIPAA sets no log retention period, but audit controls (164.312(b)) are only useful while the records exist, and information system activity review (164.308(a)(1)(ii)(D)) needs the period under review to still be in the workspace. A workspace's retentionInDays is how long its tables stay queryable (PerGB2018 defaults to 30 days; the Free tier keeps 7). Intrusions are commonly found weeks or months after they began, and a breach investigation has to reconstruct who read which ePHI before the discovery date; ${MIN_RETENTION_DAYS} days covers a quarterly access review and the first months of an investigation (Microsoft Sentinel includes the first 90 days at no retention charge). Longer retention — HIPAA's six-year documentation rule (164.316(b)(2)(i)) is often applied to audit logs by policy — belongs in the archive tier or immutable storage. This rule reads retentionInDays from Workspaces_List; individual tables may keep data longer, which this workspace-level check does not see. A workspace classified as PHI (it receives the logs of PHI resources) fails at medium severity.`,
  remediation: {
    text: `Set the workspace's retention to at least ${MIN_RETENTION_DAYS} days (more where the organisation's log retention policy says so), and use table-level archive or a storage export for multi-year retention. A Free-tier workspace must move to the PerGB2018 tier first.`,
    bicep: `resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: ${MIN_RETENTION_DAYS}
  }
}`,
    terraform: `resource "azurerm_log_analytics_workspace" "logs" {
  name                = var.workspace_name
  location            = azurerm_resource_group.ops.location
  resource_group_name = azurerm_resource_group.ops.name
  sku                 = "PerGB2018"
  retention_in_days   = ${MIN_RETENTION_DAYS}
}`,
    cli: `az monitor log-analytics workspace update --resource-group <resource-group> --workspace-name <workspace-name> --retention-time ${MIN_RETENTION_DAYS}`,
  },
  evaluate(resource) {
    const { retentionInDays, skuName } = workspaceProperties(resource);
    const subject = workspaceLabel(resource);
    if (retentionInDays === undefined) return notAssessed('retention period', subject);
    if (retentionInDays === null)
      return notAssessed('retention period (ARM did not report retentionInDays)', subject);
    if (retentionInDays < MIN_RETENTION_DAYS) {
      const tier = skuName?.toLowerCase() === 'free' ? ' (Free tier)' : '';
      return fail(
        `${subject} keeps logs for ${retentionInDays} days${tier}, less than ${MIN_RETENTION_DAYS}.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} keeps logs for ${retentionInDays} days.`);
  },
};
