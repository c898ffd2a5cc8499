import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { KEY_VAULT, vaultLabel, vaultProperties } from './common';

/** 164.312(b), 164.308(a)(1)(ii)(D): every use of the vault's keys and secrets is recorded. */
export const keyVaultDiagnosticLogging: Rule = {
  id: 'azure.keyvault.diagnostic-logging',
  title: 'Key vaults export their AuditEvent log',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: KEY_VAULT,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires recording and examining activity in systems that contain or use ePHI, and 164.308(a)(1)(ii)(D) requires reviewing it. Every unwrap of a customer-managed key and every read of a secret that reaches ePHI is a data-plane operation that Key Vault records only in its AuditEvent resource log, and only when a diagnostic setting exports it; the activity log shows management changes, not who used a key. Without it, an incident response (164.308(a)(6)(ii)) cannot tell which identity read which secret or decrypted which data. This rule lists the vault's diagnostic settings and looks for an enabled AuditEvent category, or the audit or allLogs category group that contains it.",
  remediation: {
    text: 'Add a diagnostic setting on the vault that sends the audit category group (AuditEvent) to the Log Analytics workspace the security team reviews, keep the workspace retention at least as long as the audit-log retention policy requires, and alert on failed and unusual operations.',
    bicep: `resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: phiVault
  name: 'kv-audit-to-law'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}`,
    terraform: `resource "azurerm_monitor_diagnostic_setting" "vault" {
  name                       = "kv-audit-to-law"
  target_resource_id         = azurerm_key_vault.phi.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log {
    category_group = "audit"
  }
}`,
    cli: `az monitor diagnostic-settings create --name kv-audit-to-law \\
  --resource "$(az keyvault show --name <vault-name> --query id -o tsv)" \\
  --workspace <log-analytics-workspace-id> \\
  --logs '[{"categoryGroup":"audit","enabled":true}]'`,
  },
  evaluate(resource) {
    const { diagnostics } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (diagnostics === undefined) return notAssessed('diagnostic settings', subject);
    const logging = diagnostics.settings.filter((setting) => setting.auditEvent);
    if (logging.length > 0) {
      const names = logging
        .map(
          (setting) =>
            `${setting.name}${setting.destinations.length ? ` → ${setting.destinations.join(', ')}` : ''}`,
        )
        .join('; ');
      return pass(`${subject} exports its AuditEvent log through diagnostic setting ${names}.`);
    }
    if (diagnostics.settings.length === 0)
      return fail(
        `${subject} has no diagnostic setting: uses of its keys and secrets are not logged.${phiNote(resource)}`,
      );
    return fail(
      `${subject} has diagnostic settings (${diagnostics.settings.map((s) => s.name).join(', ')}) but none exports AuditEvent: uses of its keys and secrets are not logged.${phiNote(resource)}`,
    );
  },
};
