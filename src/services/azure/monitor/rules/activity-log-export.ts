import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import {
  ACTIVITY_LOG_CATEGORY,
  bicepActivityLogExport,
  categoryLabel,
  categoryProperties,
  sentence,
  terraformActivityLogExport,
} from './common';

/** 164.312(b), 164.308(a)(1)(ii)(D): control-plane activity is kept and reviewable beyond 90 days. */
export const monitorActivityLogExport: Rule = {
  id: 'azure.monitor.activity-log-export',
  title:
    'The subscription activity log (Administrative, Security, Policy) is exported by a diagnostic setting',
  severity: 'medium',
  exposure: 'internal',
  resourceType: ACTIVITY_LOG_CATEGORY,
  citations: ['164.312(b)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingAccessLogs,
  rationale:
    'The activity log records every change made through Azure Resource Manager (Administrative: who deleted a database, opened a firewall, granted a role), Microsoft Defender for Cloud alerts (Security) and Azure Policy evaluations (Policy). Azure keeps it for 90 days and only in the portal; without a subscription diagnostic setting it is never sent to a Log Analytics workspace, storage account or event hub, so it cannot be queried with other logs, alerted on, or kept for an investigation that starts later. Audit controls (164.312(b)) ask for mechanisms that record and examine activity in systems holding ePHI, and information system activity review (164.308(a)(1)(ii)(D)) asks that those records be reviewed regularly. This rule reads SubscriptionDiagnosticSettings_List and judges each of the three security-relevant categories: it passes when a setting enables the category (or the allLogs group) and sends it to at least one destination.',
  remediation: {
    text: "Create a subscription diagnostic setting that sends every activity-log category (at least Administrative, Security and Policy) to the security team's Log Analytics workspace, and to immutable storage when logs must be kept for years. One setting per subscription is enough; a subscription can hold up to five.",
    bicep: bicepActivityLogExport,
    terraform: terraformActivityLogExport,
    cli: `az monitor diagnostic-settings subscription create --name activity-log-to-secops --location <region> \\
  --workspace <workspace-resource-id> --storage-account <storage-account-resource-id> \\
  --logs '[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true},{"category":"Alert","enabled":true},{"category":"ServiceHealth","enabled":true},{"category":"ResourceHealth","enabled":true},{"category":"Recommendation","enabled":true},{"category":"Autoscale","enabled":true}]'`,
  },
  evaluate(resource) {
    const { exports } = categoryProperties(resource);
    const label = categoryLabel(resource);
    const subject = sentence(label);
    if (exports === undefined) return notAssessed('diagnostic settings', label);
    if (exports.length === 0)
      return fail(
        `${subject} is not exported by any subscription diagnostic setting: Azure keeps it for 90 days only, outside any log workspace.`,
      );
    const where = exports.map((each) => `${each.setting} (to ${each.destinations.join(', ')})`).join('; ');
    return pass(`${subject} is exported by ${where}.`);
  },
};
