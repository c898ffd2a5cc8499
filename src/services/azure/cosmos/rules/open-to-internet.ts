import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { acceptsAllNetworks, isInternetWideIpRule } from '../normalize';
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.312(a)(1) and 164.312(e)(1): the account's endpoint is not reachable from every network. */
export const cosmosOpenToInternet: Rule = {
  id: 'azure.cosmos.open-to-internet',
  title: 'Cosmos DB accounts do not accept connections from every network',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "A Cosmos DB account with public network access enabled applies its firewall only when it has IP rules or the virtual network filter on; with neither (the portal's 'All networks'), or with an IP rule wider than a /8 such as 0.0.0.0/0, its endpoint accepts requests from anywhere on the internet. Every such request still needs a credential, but an account key leaked in a repository, a log or a mobile app then opens all of its ePHI to anyone, from anywhere. Access control (164.312(a)(1)) asks that only authorised persons and software reach ePHI, transmission security (164.312(e)(1)) that ePHI is guarded on the networks it crosses, and the risk management of 164.308(a)(1)(ii)(B) that exposure be cut to what the business needs. Public access Disabled (private endpoints only) or SecuredByPerimeter passes. Checked: DatabaseAccounts_List (publicNetworkAccess, ipRules, isVirtualNetworkFilterEnabled), api-version 2024-05-15.",
  remediation: {
    text: "Disable public network access and reach the account through private endpoints; or, while public access is still needed, restrict it with IP rules for the application's outbound addresses and virtual network rules for its subnets (isVirtualNetworkFilterEnabled).",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `az cosmosdb update --name <account-name> --resource-group <resource-group> --public-network-access Disabled
# Or, while public access is needed, only named addresses:
az cosmosdb update --name <account-name> --resource-group <resource-group> --ip-range-filter "<app-outbound-ip>"`,
  },
  evaluate(resource) {
    const properties = accountProperties(resource);
    const { publicNetworkAccess, ipRules, virtualNetworkFilterEnabled } = properties;
    const subject = accountLabel(resource);
    if (
      publicNetworkAccess === undefined ||
      ipRules === undefined ||
      virtualNetworkFilterEnabled === undefined
    )
      return notAssessed('network settings', subject);
    if (publicNetworkAccess === 'Disabled')
      return pass(
        `${subject} has public network access disabled: it is reachable through private endpoints only.`,
      );
    if (publicNetworkAccess === 'SecuredByPerimeter')
      return pass(`${subject} is secured by a network security perimeter.`);
    const access = publicNetworkAccess ?? 'not reported as disabled';
    if (acceptsAllNetworks({ ipRules, virtualNetworkFilterEnabled }))
      return fail(
        `${subject} accepts connections from every network: public network access is ${access}, with no IP rule and the virtual network filter off.${phiNote(resource)}`,
      );
    const wide = ipRules.filter(isInternetWideIpRule);
    if (wide.length > 0)
      return fail(
        `${subject} accepts connections from the internet: IP rule ${wide.join(', ')} is wider than a /8, and public network access is ${access}.${phiNote(resource)}`,
      );
    const filters = [
      ...(ipRules.length > 0 ? [`${ipRules.length} IP rules`] : []),
      ...(virtualNetworkFilterEnabled ? ['the virtual network filter'] : []),
    ];
    return pass(`${subject} restricts public access with ${filters.join(' and ')}.`);
  },
};
