import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, serverLabel, serverProperties, SQL_SERVER, terraformServer } from './common';

/** Retention this rule asks of audit logs written to a storage account (0 means forever). */
export const MIN_AUDIT_RETENTION_DAYS = 90;

/** 164.312(b) audit controls and 164.308(a)(1)(ii)(D) information system activity review. */
export const sqlAuditing: Rule = {
  id: 'azure.sql.auditing',
  title: `Azure SQL servers audit database activity and keep the records at least ${MIN_AUDIT_RETENTION_DAYS} days`,
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: SQL_SERVER,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)', '164.308(a)(6)(ii)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale: `Audit controls (164.312(b)) require recording and examining activity in systems that hold ePHI; for a database that means logins and the queries that read patient records. Server-level auditing (auditingSettings/default) applies to every database on the server, current and future, and writes to a storage account, a Log Analytics workspace or an Event Hub. Without it, the information system activity review of 164.308(a)(1)(ii)(D) has nothing to review and an incident (164.308(a)(6)(ii)) cannot be scoped: who read which records, and when. retentionDays governs only the storage-account destination (0 keeps the records forever); this rule asks for at least ${MIN_AUDIT_RETENTION_DAYS} days there, so the records outlive the time it usually takes to notice a breach. Retention in Log Analytics or downstream of an Event Hub is set on that destination and is not judged here. Checked: ServerBlobAuditingPolicies_Get, api-version 2023-08-01.`,
  remediation: {
    text: `Turn on server-level auditing to a Log Analytics workspace (with at least ${MIN_AUDIT_RETENTION_DAYS} days of retention there) and/or a storage account with retentionDays of ${MIN_AUDIT_RETENTION_DAYS} or more (0 keeps the records forever). Keep the default action groups (BATCH_COMPLETED_GROUP, SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP, FAILED_DATABASE_AUTHENTICATION_GROUP). For Log Analytics, also create a diagnostic setting with the SQLSecurityAuditEvents category on the master database.`,
    bicep: `${bicepServer()}

resource auditing 'Microsoft.Sql/servers/auditingSettings@2023-08-01' = {
  parent: sqlServer
  name: 'default'
  properties: {
    state: 'Enabled'
    isAzureMonitorTargetEnabled: true
    storageEndpoint: auditStorageAccount.properties.primaryEndpoints.blob
    isManagedIdentityInUse: true
    retentionDays: ${MIN_AUDIT_RETENTION_DAYS}
    auditActionsAndGroups: [
      'BATCH_COMPLETED_GROUP'
      'SUCCESSFUL_DATABASE_AUTHENTICATION_GROUP'
      'FAILED_DATABASE_AUTHENTICATION_GROUP'
    ]
  }
}`,
    terraform: `${terraformServer()}

resource "azurerm_mssql_server_extended_auditing_policy" "phi" {
  server_id              = azurerm_mssql_server.phi.id
  storage_endpoint       = azurerm_storage_account.audit.primary_blob_endpoint
  retention_in_days      = ${MIN_AUDIT_RETENTION_DAYS}
  log_monitoring_enabled = true
}`,
    cli: `az sql server audit-policy update --name <server-name> --resource-group <resource-group> --state Enabled \\
  --blob-storage-target-state Enabled --storage-account <audit-storage-account> --retention-days ${MIN_AUDIT_RETENTION_DAYS} \\
  --log-analytics-target-state Enabled --log-analytics-workspace-resource-id <workspace-resource-id>`,
  },
  evaluate(resource) {
    const { auditing } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (auditing === undefined) return notAssessed('auditing settings', subject);
    if (auditing.state !== 'Enabled')
      return fail(
        `${subject} has server auditing ${auditing.state.toLowerCase()}: database activity is not recorded.${phiNote(resource)}`,
      );
    const destinations = [
      ...(auditing.storageEndpoint ? ['a storage account'] : []),
      ...(auditing.azureMonitorTarget ? ['Azure Monitor'] : []),
    ];
    if (destinations.length === 0)
      return fail(
        `${subject} has auditing enabled but no destination (no storage account, no Azure Monitor target).${phiNote(resource)}`,
      );
    const days = auditing.retentionDays;
    if (auditing.storageEndpoint && days !== null && days > 0 && days < MIN_AUDIT_RETENTION_DAYS)
      return fail(
        `${subject} keeps audit records in its storage account for ${days} days, below the ${MIN_AUDIT_RETENTION_DAYS} days required.${phiNote(resource)}`,
      );
    const kept = !auditing.storageEndpoint
      ? ' (retention is set on the Azure Monitor destination)'
      : days === null || days === 0
        ? ', kept without a time limit in storage'
        : `, kept ${days} days in storage`;
    return pass(`${subject} audits database activity to ${destinations.join(' and ')}${kept}.`);
  },
};
