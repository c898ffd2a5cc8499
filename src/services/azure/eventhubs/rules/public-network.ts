import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import {
  bicepNamespace,
  namespaceLabel,
  namespaceProperties,
  EVENT_HUB_NAMESPACE,
  terraformNamespace,
} from './common';

/** 164.312(a)(1), 164.312(e)(1): only the networks that need the event stream can reach it. */
export const eventHubPublicNetwork: Rule = {
  id: 'azure.eventhubs.public-network-access',
  title: 'Event Hubs namespaces do not accept connections from every network',
  severity: 'medium',
  severityWhenPhi: 'high',
  // Reachable from any network path, but every connection still needs a SAS token or an Entra token.
  exposure: 'network',
  resourceType: EVENT_HUB_NAMESPACE,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "A namespace with public network access Enabled and a network rule set whose default action is Allow accepts connections from any address on the internet. Every connection still needs credentials, but a leaked SAS connection string or token then works from anywhere, and nothing at the network layer limits who can try. Access control (164.312(a)(1)) and transmission security (164.312(e)(1)) are served by keeping ePHI event streams reachable only from the networks that need them: public network access Disabled with private endpoints, or default action Deny with IP and virtual-network rules (trusted Microsoft services may be allowed). This rule reads publicNetworkAccess on the namespace (ARM's documented default is Enabled) and defaultAction from Namespaces_GetNetworkRuleSet; a namespace inside a network security perimeter (SecuredByPerimeter) passes. When the rule set could not be read and public access is on, the namespace is not assessed.",
  remediation: {
    text: "Disable public network access and reach the namespace through private endpoints, or keep it public and set the network rule set to deny by default with the producers' and consumers' IP ranges or subnets allowed (IP and virtual-network rules need the Standard tier or above). Test each client before switching, since denied connections fail at once.",
    bicep: `${bicepNamespace(`    publicNetworkAccess: 'Disabled'
    minimumTlsVersion: '1.2'`)}

resource telemetryHubNetwork 'Microsoft.EventHub/namespaces/networkRuleSets@2024-01-01' = {
  parent: telemetryHub
  name: 'default'
  properties: {
    publicNetworkAccess: 'Disabled'
    defaultAction: 'Deny'
    trustedServiceAccessEnabled: true
    ipRules: []
    virtualNetworkRules: []
  }
}`,
    terraform: terraformNamespace(`  public_network_access_enabled = false

  network_rulesets {
    default_action                 = "Deny"
    public_network_access_enabled  = false
    trusted_service_access_enabled = true
  }`),
    cli: `az eventhubs namespace update --name <namespace-name> --resource-group <resource-group> --public-network-access Disabled
# or keep public access and deny by default, allowing named ranges:
az eventhubs namespace network-rule-set update --namespace-name <namespace-name> --resource-group <resource-group> --default-action Deny --public-network-access Enabled
az eventhubs namespace network-rule-set ip-rule add --namespace-name <namespace-name> --resource-group <resource-group> --ip-rule ip-address=<cidr> action=Allow`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, networkRuleSet, privateEndpointConnectionCount } =
      namespaceProperties(resource);
    const subject = namespaceLabel(resource);
    const access = publicNetworkAccess ?? networkRuleSet?.publicNetworkAccess ?? null;
    if (publicNetworkAccess === undefined && networkRuleSet === undefined)
      return notAssessed('public network access setting', subject);
    if (access?.toLowerCase() === 'disabled') {
      const endpoints = privateEndpointConnectionCount ?? 0;
      return pass(
        `${subject} has public network access disabled (${endpoints} private endpoint connection${endpoints === 1 ? '' : 's'}).`,
      );
    }
    if (access?.toLowerCase() === 'securedbyperimeter')
      return pass(
        `${subject} is reachable only as its network security perimeter allows (SecuredByPerimeter).`,
      );
    const seen = access
      ? `public network access ${access}`
      : 'public network access not reported (ARM default Enabled)';
    if (!networkRuleSet || networkRuleSet.defaultAction === null)
      return notAssessed('network rule set default action (Namespaces_GetNetworkRuleSet)', subject);
    if (networkRuleSet.defaultAction.toLowerCase() === 'deny')
      return pass(
        `${subject} has ${seen} but its network rule set denies by default (${networkRuleSet.ipRuleCount} IP rule${networkRuleSet.ipRuleCount === 1 ? '' : 's'}, ${networkRuleSet.virtualNetworkRuleCount} virtual-network rule${networkRuleSet.virtualNetworkRuleCount === 1 ? '' : 's'}).`,
      );
    return fail(
      `${subject} has ${seen} and its network rule set's default action is ${networkRuleSet.defaultAction}: it accepts connections from any network address (credentials are still required).${phiNote(resource)}`,
    );
  },
};
