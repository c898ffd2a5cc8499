import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { isInternetWideRule, ruleAddressCount } from '../normalize';
import {
  bicepServer,
  MYSQL_SERVER,
  publicAccessClosed,
  serverLabel,
  serverProperties,
  terraformServer,
} from './common';

/** 164.312(a)(1) and 164.312(e)(1): the database endpoint is not reachable from the whole internet. */
export const mysqlFirewallOpenToInternet: Rule = {
  id: 'azure.mysql.firewall-open-to-internet',
  title: 'MySQL flexible servers have no firewall rule open to the internet',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: MYSQL_SERVER,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "A flexible server with public network access enabled accepts connections from every address its firewall rules admit. A rule from 0.0.0.0 to 255.255.255.255 (or any range wider than a /8, more than 16,777,216 addresses) puts the server's login in front of the whole internet: password spraying against the admin login, credential stuffing and any pre-authentication flaw in MySQL are one connection away. Access control (164.312(a)(1)) asks that only authorised persons and software reach ePHI, transmission security (164.312(e)(1)) that ePHI is guarded on the networks it crosses, and the risk management of 164.308(a)(1)(ii)(B) that exposure be cut to what the business needs. Firewall rules have no effect when public network access is Disabled (private endpoint or virtual network integration), so such a server passes. Checked: Servers_List (network.publicNetworkAccess) and FirewallRules_ListByServer, api-version 2023-12-30; a list that could not be read completely leaves the rule not assessed.",
  remediation: {
    text: "Delete the wide rule and admit only the addresses that need the database. Better, disable public network access and connect through a private endpoint in the application's virtual network; then no firewall rule applies.",
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: `az mysql flexible-server firewall-rule list --resource-group <resource-group> --name <server-name> --output table
az mysql flexible-server firewall-rule delete --resource-group <resource-group> --name <server-name> --rule-name <wide-rule-name> --yes
# Or close the public endpoint altogether (clients then need a private endpoint):
az resource update --ids <server-resource-id> --set properties.network.publicNetworkAccess=Disabled`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, firewallRules } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (publicNetworkAccess === undefined) return notAssessed('public network access setting', subject);
    const closed = publicAccessClosed(subject, publicNetworkAccess);
    if (closed) return pass(closed);
    if (firewallRules === undefined) return notAssessed('firewall rules', subject);
    const open = firewallRules.filter(isInternetWideRule);
    const first = open[0];
    if (!first)
      return pass(
        `${subject} has public network access ${publicNetworkAccess ?? 'not reported'} and no firewall rule wider than a /8 (${firewallRules.length} rules).`,
      );
    const count = ruleAddressCount(first).toLocaleString('en-US');
    const others = open.length > 1 ? ` and ${open.length - 1} more such rules` : '';
    return fail(
      `${subject} accepts connections from the internet: firewall rule ${first.name} allows ${first.startIpAddress}–${first.endIpAddress} (${count} addresses)${others}, and public network access is ${publicNetworkAccess ?? 'not reported as disabled'}.${phiNote(resource)}`,
    );
  },
};
