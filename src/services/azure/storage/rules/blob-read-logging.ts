import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, hasBlobService, STORAGE_ACCOUNT, storageProperties } from './common';

/** 164.312(b), 164.308(a)(1)(ii)(D): reads of blobs are recorded in a log someone can review. */
export const storageBlobReadLogging: Rule = {
  id: 'azure.storage.blob-read-logging',
  title: 'Blob reads are logged through a diagnostic setting',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    "164.312(b) requires mechanisms that record and examine activity in systems that contain ePHI, and the information system activity review of 164.308(a)(1)(ii)(D) needs those records to review. Azure Storage keeps no resource log of blob reads by default: only a diagnostic setting on the blob service that exports the StorageRead category (or the allLogs category group) to a Log Analytics workspace, a storage account or an event hub records who read which blob, from where and how authorized. Without it, a breach assessment cannot tell which PHI was read. This rule lists the blob service's diagnostic settings and looks for an enabled StorageRead or allLogs entry; the audit category group is not counted, since the blob-service log reference does not list which categories it holds.",
  remediation: {
    text: 'Add a diagnostic setting on the blob service (not only the account, whose settings carry metrics only) that sends StorageRead, StorageWrite and StorageDelete to the Log Analytics workspace the security team reviews, and keep the workspace retention at least as long as the audit-log retention policy requires.',
    bicep: `resource blobService 'Microsoft.Storage/storageAccounts/blobServices@2023-05-01' existing = {
  parent: phiStorage
  name: 'default'
}

resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: blobService
  name: 'blob-audit-to-law'
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      { category: 'StorageRead', enabled: true }
      { category: 'StorageWrite', enabled: true }
      { category: 'StorageDelete', enabled: true }
    ]
  }
}`,
    terraform: `resource "azurerm_monitor_diagnostic_setting" "blob" {
  name                       = "blob-audit-to-law"
  target_resource_id         = "\${azurerm_storage_account.phi.id}/blobServices/default"
  log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id

  enabled_log { category = "StorageRead" }
  enabled_log { category = "StorageWrite" }
  enabled_log { category = "StorageDelete" }
}`,
    cli: `az monitor diagnostic-settings create --name blob-audit-to-law \\
  --resource "$(az storage account show --name <account-name> --resource-group <resource-group> --query id -o tsv)/blobServices/default" \\
  --workspace <log-analytics-workspace-id> \\
  --logs '[{"category":"StorageRead","enabled":true},{"category":"StorageWrite","enabled":true},{"category":"StorageDelete","enabled":true}]'`,
  },
  evaluate(resource) {
    const subject = accountLabel(resource);
    if (!hasBlobService(resource))
      return notApplicable(`${subject} is a FileStorage account: it has no blob service.`);
    const { blobDiagnostics } = storageProperties(resource);
    if (blobDiagnostics === undefined) return notAssessed('blob service diagnostic settings', subject);
    const logging = blobDiagnostics.settings.filter((setting) => setting.storageRead);
    if (logging.length > 0) {
      const names = logging
        .map(
          (setting) =>
            `${setting.name}${setting.destinations.length ? ` → ${setting.destinations.join(', ')}` : ''}`,
        )
        .join('; ');
      return pass(`${subject} logs blob reads (StorageRead) through diagnostic setting ${names}.`);
    }
    if (blobDiagnostics.settings.length === 0)
      return fail(
        `${subject} has no diagnostic setting on its blob service: blob reads are not logged.${phiNote(resource)}`,
      );
    return fail(
      `${subject} has blob-service diagnostic settings (${blobDiagnostics.settings.map((s) => s.name).join(', ')}) but none exports StorageRead: blob reads are not logged.${phiNote(resource)}`,
    );
  },
};
