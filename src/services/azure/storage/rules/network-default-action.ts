import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/** 164.312(a)(1), 164.312(e)(1): the account's endpoints accept connections only from chosen networks. */
export const storageNetworkDefaultAction: Rule = {
  id: 'azure.storage.network-default-action',
  title: 'Storage accounts deny network access by default',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internet',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    "Access control (164.312(a)(1)) and transmission security (164.312(e)(1)) are layered: credentials are one layer, the network a request may come from is another. With public network access Enabled and the firewall's default action Allow, the account's endpoints accept connections from any address on the internet, so a leaked key, SAS or token works from anywhere. Setting the default action to Deny limits the public endpoint to the listed IP ranges and virtual networks (and trusted Azure services if bypass allows them); disabling public network access leaves private endpoints only. This rule reads publicNetworkAccess and networkAcls.defaultAction; it does not claim the data is readable without credentials — that is what the anonymous-access rules judge. Narrowing the networks that can reach ePHI is a risk-management measure (164.308(a)(1)(ii)(B)) that limits what a stolen credential is worth.",
  remediation: {
    text: "Set the firewall's default action to Deny and list the networks that need the account (IP ranges of offices or NAT gateways, virtual-network subnets with the Microsoft.Storage service endpoint), or disable public network access and reach the account through private endpoints. Check the StorageBlobLogs CallerIpAddress field first for clients that would lose access.",
    bicep: bicepAccount(`    publicNetworkAccess: 'Enabled' // or 'Disabled' with private endpoints
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        { value: officeEgressCidr, action: 'Allow' }
      ]
      virtualNetworkRules: [
        { id: appSubnetId, action: 'Allow' }
      ]
    }`),
    terraform: terraformAccount(`  public_network_access_enabled = true # or false with private endpoints

  network_rules {
    default_action             = "Deny"
    bypass                     = ["AzureServices"]
    ip_rules                   = [var.office_egress_cidr]
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }`),
    cli: `az storage account network-rule add --account-name <account-name> --resource-group <resource-group> --ip-address <office-egress-cidr>
az storage account update --name <account-name> --resource-group <resource-group> --default-action Deny
# Or private endpoints only:
az storage account update --name <account-name> --resource-group <resource-group> --public-network-access Disabled`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, networkDefaultAction, networkRuleCount } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (publicNetworkAccess !== undefined && publicNetworkAccess.toLowerCase() !== 'enabled')
      return pass(`${subject} has public network access ${publicNetworkAccess}.`);
    if (networkDefaultAction === undefined) return notAssessed('network rules (networkAcls)', subject);
    if (networkDefaultAction.toLowerCase() === 'deny') {
      const rules = networkRuleCount ?? 0;
      return pass(
        `${subject} denies network access by default (${rules} IP or virtual-network rule${rules === 1 ? '' : 's'} allowed).`,
      );
    }
    const access =
      publicNetworkAccess === undefined
        ? 'public network access not reported'
        : 'public network access Enabled';
    return fail(
      `${subject} accepts connections from any network: ${access} and the firewall's default action is ${networkDefaultAction}.${phiNote(resource)}`,
    );
  },
};
