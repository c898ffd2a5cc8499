import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { acceptsAllNetworks, isAllAzureIpRule } from '../normalize';
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.312(a)(1) and 164.312(e)(1): "public Azure datacenters" admits every Azure tenant, not just ours. */
export const cosmosAllowsAllAzure: Rule = {
  id: 'azure.cosmos.allows-all-azure',
  title: 'Cosmos DB accounts do not admit all of Azure (IP rule 0.0.0.0)',
  severity: 'medium',
  exposure: 'network',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "The IP rule 0.0.0.0 (the portal's 'Accept connections from within public Azure datacenters') admits requests from any address inside Azure — the virtual machines, functions and containers of every other Azure customer, not only the organisation's own. Anyone who rents an Azure resource, with a leaked key, can read the account. Access control (164.312(a)(1)) and transmission security (164.312(e)(1)) ask that the paths to ePHI be limited to the systems that need them. It is rated medium because credentials are still required and the internet at large is not admitted. An account with public network access disabled passes; one that accepts every network is judged by azure.cosmos.open-to-internet instead. Checked: DatabaseAccounts_List (publicNetworkAccess, ipRules), api-version 2024-05-15.",
  remediation: {
    text: "Remove the 0.0.0.0 IP rule (untick 'Accept connections from within public Azure datacenters'). Give the Azure services that need the account a private endpoint or a virtual network rule on their subnet; the Azure portal's Data Explorer needs only the portal's own addresses.",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `az cosmosdb show --name <account-name> --resource-group <resource-group> --query "ipRules[].ipAddressOrRange"
# Set the IP rules again without 0.0.0.0:
az cosmosdb update --name <account-name> --resource-group <resource-group> --ip-range-filter "<app-outbound-ip>,<office-range>"`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, ipRules, virtualNetworkFilterEnabled } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (
      publicNetworkAccess === undefined ||
      ipRules === undefined ||
      virtualNetworkFilterEnabled === undefined
    )
      return notAssessed('network settings', subject);
    if (publicNetworkAccess === 'Disabled' || publicNetworkAccess === 'SecuredByPerimeter')
      return pass(
        `${subject} has public network access ${publicNetworkAccess === 'Disabled' ? 'disabled' : 'secured by a perimeter'}: its IP rules admit no one.`,
      );
    if (acceptsAllNetworks({ ipRules, virtualNetworkFilterEnabled }))
      return notApplicable(
        `${subject} accepts connections from every network, not only Azure (judged by azure.cosmos.open-to-internet).`,
      );
    if (ipRules.some(isAllAzureIpRule))
      return fail(
        `${subject} has IP rule 0.0.0.0, which admits requests from every Azure tenant's resources.${phiNote(resource)}`,
      );
    return pass(`${subject} has no IP rule admitting all of Azure (0.0.0.0).`);
  },
};
