import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { isInternetWideRule, ruleAddressCount } from '../normalize';
import {
  bicepServer,
  publicAccessClosed,
  serverLabel,
  serverProperties,
  SQL_SERVER,
  terraformServer,
} from './common';

/** 164.312(a)(1) and 164.312(e)(1): the database endpoint is not reachable from the whole internet. */
export const sqlFirewallOpenToInternet: Rule = {
  id: 'azure.sql.firewall-open-to-internet',
  title: 'Azure SQL servers have no firewall rule open to the internet',
  severity: 'high',
  severityWhenPhi: 'critical',
  exposure: 'internet',
  resourceType: SQL_SERVER,
  citations: ['164.312(a)(1)', '164.312(e)(1)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    'A logical server with public network access enabled accepts TDS connections from every address its server-level firewall rules admit. A rule from 0.0.0.0 to 255.255.255.255 (or any range wider than a /8, more than 16,777,216 addresses) puts the login prompt of every database on the server in front of the whole internet: password spraying, credential stuffing and any pre-authentication flaw in the endpoint are one connection away. Access control (164.312(a)(1)) asks that only authorised persons and software reach ePHI, transmission security (164.312(e)(1)) that ePHI is guarded on the networks it crosses, and the risk management of 164.308(a)(1)(ii)(B) that exposure be reduced to what the business needs. Firewall rules have no effect when publicNetworkAccess is Disabled (private endpoints only) or the server is secured by a network security perimeter, so such a server passes. Checked: Servers_List and FirewallRules_ListByServer, api-version 2023-08-01; a list that could not be read completely leaves the rule not assessed.',
  remediation: {
    text: "Delete the wide rule and admit only the addresses that need the database (application outbound IPs, a bastion). Better, disable public network access and reach the server through a private endpoint in the application's virtual network; then no firewall rule applies.",
    bicep: `${bicepServer()}

// Or, while public access is still needed, one narrow rule per client instead of 0.0.0.0-255.255.255.255:
resource appOutbound 'Microsoft.Sql/servers/firewallRules@2023-08-01' = {
  parent: sqlServer
  name: 'app-outbound'
  properties: {
    startIpAddress: appOutboundIp
    endIpAddress: appOutboundIp
  }
}`,
    terraform: terraformServer(),
    cli: `az sql server firewall-rule list --server <server-name> --resource-group <resource-group> --output table
az sql server firewall-rule delete --server <server-name> --resource-group <resource-group> --name <wide-rule-name>
# Or close the public endpoint altogether (clients then need a private endpoint):
az sql server update --name <server-name> --resource-group <resource-group> --enable-public-network false`,
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
