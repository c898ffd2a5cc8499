import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepVault, KEY_VAULT, terraformVault, vaultLabel, vaultProperties } from './common';

/** 164.312(a)(1), 164.312(e)(1): the vault's endpoint accepts connections only from chosen networks. */
export const keyVaultNetworkAccess: Rule = {
  id: 'azure.keyvault.network-access',
  title: 'Key vaults accept connections only from chosen networks',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internet',
  resourceType: KEY_VAULT,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.openNetworkPaths,
  rationale:
    "A vault holding the keys that decrypt ePHI, or the secrets that reach it, is a high-value target: access control (164.312(a)(1)) and transmission security (164.312(e)(1)) are stronger when a stolen token is not enough and the request must also come from an expected network. With public network access Enabled and no firewall (no networkAcls, or defaultAction Allow), <vault>.vault.azure.net accepts connections from any address on the internet. Disabling public network access (private endpoints only) or setting the firewall's default action to Deny with the needed IP ranges and subnets narrows that, a risk-management measure under 164.308(a)(1)(ii)(B). This rule reads publicNetworkAccess and networkAcls; it does not claim the vault's content is readable without credentials.",
  remediation: {
    text: 'Reach the vault through a private endpoint and set public network access to Disabled, or keep it enabled with the firewall default action Deny, the IP ranges and subnets that need the vault, and bypass AzureServices only if a trusted Azure service (for example storage or SQL using a customer-managed key) must reach it.',
    bicep:
      bicepVault(`    publicNetworkAccess: 'Disabled' // private endpoints only; or 'Enabled' with the rules below
    networkAcls: {
      defaultAction: 'Deny'
      bypass: 'AzureServices'
      ipRules: [
        { value: officeEgressCidr }
      ]
      virtualNetworkRules: [
        { id: appSubnetId }
      ]
    }`),
    terraform: terraformVault(`  public_network_access_enabled = false

  network_acls {
    default_action             = "Deny"
    bypass                     = "AzureServices"
    ip_rules                   = [var.office_egress_cidr]
    virtual_network_subnet_ids = [azurerm_subnet.app.id]
  }`),
    cli: `az keyvault network-rule add --name <vault-name> --resource-group <resource-group> --ip-address <office-egress-cidr>
az keyvault update --name <vault-name> --resource-group <resource-group> --default-action Deny --bypass AzureServices
# Or private endpoints only:
az keyvault update --name <vault-name> --resource-group <resource-group> --public-network-access Disabled`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, networkDefaultAction, networkRuleCount } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (publicNetworkAccess !== undefined && publicNetworkAccess.toLowerCase() !== 'enabled')
      return pass(`${subject} has public network access ${publicNetworkAccess}.`);
    if (networkDefaultAction === undefined) return notAssessed('network rules (networkAcls)', subject);
    if (networkDefaultAction !== null && networkDefaultAction.toLowerCase() === 'deny') {
      const rules = networkRuleCount ?? 0;
      return pass(
        `${subject} denies network access by default (${rules} IP or virtual-network rule${rules === 1 ? '' : 's'} allowed).`,
      );
    }
    const access =
      publicNetworkAccess === undefined
        ? 'public network access not reported'
        : 'public network access Enabled';
    const firewall =
      networkDefaultAction === null
        ? 'no network rules (networkAcls)'
        : `the firewall's default action is ${networkDefaultAction}`;
    return fail(
      `${subject} accepts connections from any network: ${access} and ${firewall}.${phiNote(resource)}`,
    );
  },
};
