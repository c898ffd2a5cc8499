import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { isAllowAllAzureRule } from '../normalize';
import {
  bicepServer,
  MYSQL_SERVER,
  publicAccessClosed,
  serverLabel,
  serverProperties,
  terraformServer,
} from './common';

/** 164.312(a)(1) and 164.312(e)(1): "any Azure service" admits every Azure tenant, not just ours. */
export const mysqlFirewallAllowsAllAzure: Rule = {
  id: 'azure.mysql.firewall-allows-all-azure',
  title: 'MySQL flexible servers do not admit all of Azure (0.0.0.0 firewall rule)',
  severity: 'medium',
  exposure: 'network',
  resourceType: MYSQL_SERVER,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "The firewall rule from 0.0.0.0 to 0.0.0.0 (created by the portal's 'Allow public access from any Azure service within Azure to this server', usually named AllowAllAzureServicesAndResourcesWithinAzureIps_…) admits connections from any address inside Azure — virtual machines, functions and containers of every other Azure customer, not only the organisation's own. Anyone who can rent an Azure resource can reach the login. Access control (164.312(a)(1)) and transmission security (164.312(e)(1)) ask that the paths to ePHI be limited to the systems that need them. It is rated medium because credentials are still required and the internet at large is not admitted. The rule has no effect when public network access is disabled, so such a server passes. Checked: Servers_List and FirewallRules_ListByServer, api-version 2023-12-30.",
  remediation: {
    text: 'Remove the 0.0.0.0–0.0.0.0 rule. Give the Azure services that need the database a private endpoint (or virtual network integration), or narrow rules for their fixed outbound addresses.',
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: `az mysql flexible-server firewall-rule list --resource-group <resource-group> --name <server-name> --query "[?startIpAddress=='0.0.0.0' && endIpAddress=='0.0.0.0'].name"
az mysql flexible-server firewall-rule delete --resource-group <resource-group> --name <server-name> --rule-name <rule-name> --yes`,
  },
  evaluate(resource) {
    const { publicNetworkAccess, firewallRules } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (publicNetworkAccess === undefined) return notAssessed('public network access setting', subject);
    const closed = publicAccessClosed(subject, publicNetworkAccess);
    if (closed) return pass(closed);
    if (firewallRules === undefined) return notAssessed('firewall rules', subject);
    const azure = firewallRules.find(isAllowAllAzureRule);
    if (!azure) return pass(`${subject} has no firewall rule admitting all of Azure (0.0.0.0–0.0.0.0).`);
    return fail(
      `${subject} has firewall rule ${azure.name} (0.0.0.0–0.0.0.0), which admits connections from every Azure tenant's resources.${phiNote(resource)}`,
    );
  },
};
