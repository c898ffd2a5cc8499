import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { isAllowAllAzureRule } from '../normalize';
import {
  bicepServer,
  publicAccessClosed,
  serverLabel,
  serverProperties,
  SQL_SERVER,
  terraformServer,
} from './common';

/** 164.312(a)(1) and 164.312(e)(1): "Allow Azure services" admits every Azure tenant, not just ours. */
export const sqlFirewallAllowsAllAzure: Rule = {
  id: 'azure.sql.firewall-allows-all-azure',
  title: "Azure SQL servers do not admit all of Azure ('Allow Azure services' rule)",
  severity: 'medium',
  exposure: 'network',
  resourceType: SQL_SERVER,
  citations: ['164.312(a)(1)', '164.312(e)(1)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "The firewall rule from 0.0.0.0 to 0.0.0.0 (named AllowAllWindowsAzureIps when the portal's 'Allow Azure services and resources to access this server' is ticked) admits connections from any address inside Azure — including virtual machines, functions and containers of every other Azure customer, not only the organisation's own services. Anyone who can rent an Azure resource can reach the login endpoint. Access control (164.312(a)(1)) and transmission security (164.312(e)(1)) ask that the paths to ePHI be limited to the systems that need it; a server reached by the application through a private endpoint or a virtual network rule needs no such rule. It is rated medium because credentials are still required and the internet at large is not admitted. The rule has no effect when public network access is disabled, so such a server passes. Checked: Servers_List and FirewallRules_ListByServer, api-version 2023-08-01.",
  remediation: {
    text: "Remove the 0.0.0.0–0.0.0.0 rule (untick 'Allow Azure services and resources to access this server'). Give the Azure services that need the database a private endpoint or a virtual network rule on their subnet, or narrow rules for their fixed outbound addresses.",
    bicep: `${bicepServer()}

// Private access for the application instead of the all-Azure rule:
resource sqlPrivateEndpoint 'Microsoft.Network/privateEndpoints@2023-11-01' = {
  name: '\${serverName}-pe'
  location: location
  properties: {
    subnet: {
      id: appSubnetId
    }
    privateLinkServiceConnections: [
      {
        name: 'sql'
        properties: {
          privateLinkServiceId: sqlServer.id
          groupIds: [
            'sqlServer'
          ]
        }
      }
    ]
  }
}`,
    terraform: terraformServer(),
    cli: `az sql server firewall-rule delete --server <server-name> --resource-group <resource-group> --name AllowAllWindowsAzureIps`,
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
