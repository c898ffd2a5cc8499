import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass } from '../../../../kit';
import { ACTIVITY_LOG_CATEGORY, categoryLabel, categoryProperties, sentence } from './common';

/** 164.308(a)(6)(ii), 164.308(a)(1)(ii)(D): security-relevant activity reaches a SIEM that raises incidents. */
export const monitorActivityLogSentinel: Rule = {
  id: 'azure.monitor.activity-log-sentinel',
  title: 'The subscription activity log reaches a workspace with Microsoft Sentinel',
  severity: 'low',
  exposure: 'internal',
  resourceType: ACTIVITY_LOG_CATEGORY,
  citations: ['164.308(a)(6)(ii)', '164.308(a)(1)(ii)(D)'],
  failurePattern: failurePatterns.missingDetection,
  rationale:
    'Security incident procedures (164.308(a)(6)(ii)) require identifying and responding to suspected or known security incidents, and information system activity review (164.308(a)(1)(ii)(D)) requires looking at the records, not only keeping them. Microsoft Sentinel, onboarded on a Log Analytics workspace, turns the activity log into analytics rules, incidents and automated playbooks: the start of a breach-response playbook. A workspace that only stores the log raises nothing. This rule reads, for each security-relevant activity-log category (Administrative, Security, Policy), the workspaces its subscription diagnostic settings send it to, and SentinelOnboardingStates_List on each: it passes when one of them has Sentinel onboarded, and the failing detail says whether any workspace of the subscription has Sentinel at all. A workspace whose onboarding state could not be read is not assessed. Logs forwarded to a non-Azure SIEM through an event hub are named in the detail but not credited, since the tool cannot see what that SIEM does.',
  remediation: {
    text: 'Onboard Microsoft Sentinel on the security Log Analytics workspace, send the activity log (Administrative, Security, Policy) to it with a subscription diagnostic setting, and enable the Azure Activity data connector and its analytics rules. Then write the incident-response playbook around the incidents Sentinel raises.',
    bicep: `param workspaceName string

resource secops 'Microsoft.OperationalInsights/workspaces@2023-09-01' existing = {
  name: workspaceName
}

resource sentinel 'Microsoft.SecurityInsights/onboardingStates@2024-03-01' = {
  scope: secops
  name: 'default'
  properties: {}
}`,
    terraform: `resource "azurerm_sentinel_log_analytics_workspace_onboarding" "secops" {
  workspace_id = azurerm_log_analytics_workspace.secops.id
}`,
    cli: `az sentinel onboarding-state create --resource-group <resource-group> --workspace-name <workspace-name> --name default
az monitor diagnostic-settings subscription create --name activity-log-to-secops --location <region> --workspace <workspace-resource-id> \\
  --logs '[{"category":"Administrative","enabled":true},{"category":"Security","enabled":true},{"category":"Policy","enabled":true}]'`,
  },
  evaluate(resource) {
    const { exports, workspaces, sentinelWorkspacesInSubscription } = categoryProperties(resource);
    const label = categoryLabel(resource);
    const subject = sentence(label);
    if (exports === undefined || workspaces === undefined) return notAssessed('diagnostic settings', label);
    const watched = workspaces.filter((each) => each.sentinel === true);
    if (watched.length > 0)
      return pass(
        `${subject} reaches Log Analytics workspace ${watched.map((each) => each.name).join(', ')}, which has Microsoft Sentinel onboarded.`,
      );
    const unknown = workspaces.filter((each) => each.sentinel === null);
    if (unknown.length > 0)
      return notAssessed(
        `Microsoft Sentinel onboarding state (workspace ${unknown.map((each) => each.name).join(', ')})`,
        label,
      );
    const elsewhere =
      sentinelWorkspacesInSubscription === undefined
        ? ''
        : sentinelWorkspacesInSubscription.length === 0
          ? ' No workspace of the subscription has Microsoft Sentinel onboarded.'
          : ` Microsoft Sentinel is onboarded on ${sentinelWorkspacesInSubscription.join(', ')}, which does not receive it.`;
    if (workspaces.length === 0) {
      const sent =
        exports.length > 0
          ? ' (it is exported, but not to a Log Analytics workspace)'
          : ' (it is not exported)';
      return fail(
        `${subject} reaches no Log Analytics workspace${sent}, so no Sentinel analytics rule sees it.${elsewhere}`,
      );
    }
    return fail(
      `${subject} reaches Log Analytics workspace ${workspaces.map((each) => each.name).join(', ')}, where Microsoft Sentinel is not onboarded: no analytics rule or incident is raised from it.${elsewhere}`,
    );
  },
};
