import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  notApplicable,
  notAssessed,
  pass,
  phiNote,
} from '../../../../kit';
import { NO_APPROVED_REGIONS } from '../../../../kit';
import { serverLabel, serverProperties, SQL_SERVER } from './common';

/**
 * 164.308(a)(7)(ii)(A)/(B) and 164.308(a)(1)(ii)(A): geo-replicas (and failover-group partners,
 * which replicate through the same links) stay in regions the contingency plan covers.
 */
export const sqlGeoReplicaRegion: Rule = {
  id: 'azure.sql.geo-replica-region',
  title: 'Azure SQL geo-replicas and failover partners are in approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: SQL_SERVER,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "Active geo-replication and failover groups keep a continuously updated, readable copy of a database on a partner server, in whatever region that server was created: unlike geo-redundant storage, the region is the customer's choice and need not be Azure's pair. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must say where copies of ePHI live and how they fail over, and the risk analysis (164.308(a)(1)(ii)(A)) must cover ePHI in every location; the engagement's approved regions are the locations those documents cover. A replica elsewhere is ePHI outside them and may break a data-location commitment in a business associate agreement (164.314(a)) — check the contracts when triaging. A partner region ARM does not report is treated as unapproved until shown otherwise. Checked: ReplicationLinks_ListByServer (partnerServer, partnerLocation, role), api-version 2023-08-01; failover groups replicate through these links.",
  remediation: {
    text: 'Create the geo-replica (or failover-group partner server) in an approved region, let it seed, move the failover group or application connection strings to it, then remove the link to the unapproved partner and delete that copy, recording its disposal (164.310(d)(2)(i)). If the region should be approved, add it to the contingency plan, the risk analysis and the engagement settings first.',
    bicep: `// The partner server in an approved region, and the geo-secondary created on it.
resource partnerServer 'Microsoft.Sql/servers@2023-08-01' = {
  name: partnerServerName
  location: approvedSecondaryLocation // e.g. 'westus2'
  properties: {
    minimalTlsVersion: '1.2'
    publicNetworkAccess: 'Disabled'
  }
}

resource geoSecondary 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: partnerServer
  name: databaseName
  location: approvedSecondaryLocation
  properties: {
    createMode: 'Secondary'
    sourceDatabaseId: primaryDatabase.id
    secondaryType: 'Geo'
  }
}`,
    terraform: `resource "azurerm_mssql_server" "secondary" {
  name                          = var.partner_server_name
  resource_group_name           = azurerm_resource_group.phi.name
  location                      = "westus2" # an approved region
  version                       = "12.0"
  minimum_tls_version           = "1.2"
  public_network_access_enabled = false
}

resource "azurerm_mssql_failover_group" "phi" {
  name      = var.failover_group_name
  server_id = azurerm_mssql_server.phi.id
  databases = [azurerm_mssql_database.phi.id]

  partner_server {
    id = azurerm_mssql_server.secondary.id
  }

  read_write_endpoint_failover_policy {
    mode          = "Automatic"
    grace_minutes = 60
  }
}`,
    cli: `# Where each database replicates to:
az sql db replica list-links --server <server-name> --resource-group <resource-group> --name <database-name> --query "[].{partner:partnerServer, location:partnerLocation, role:role}"
# A new geo-secondary in an approved region, then remove the old link:
az sql db replica create --server <server-name> --resource-group <resource-group> --name <database-name> --partner-server <approved-partner-server> --partner-resource-group <partner-resource-group>
az sql db replica delete-link --server <server-name> --resource-group <resource-group> --name <database-name> --partner-server <unapproved-partner-server>`,
  },
  evaluate(resource, context) {
    const { replicationLinks } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (replicationLinks === undefined) return notAssessed('replication links', subject);
    if (replicationLinks.length === 0)
      return notApplicable(
        `${subject} has no geo-replication links; its databases stay in ${resource.region}.`,
      );
    const partners = [
      ...new Set(
        replicationLinks.map(
          (link) => `${link.partnerServer} (${link.partnerLocation ?? 'region not reported'})`,
        ),
      ),
    ];
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its replication to ${partners.join(', ')} was not judged.`,
      );
    const outside = replicationLinks.filter(
      (link) =>
        link.partnerLocation === null || !isApprovedRegion(link.partnerLocation, context.approvedRegions),
    );
    const first = outside[0];
    if (first) {
      const where = first.partnerLocation ?? 'a region ARM did not report';
      const more = outside.length > 1 ? ` (${outside.length} links outside the approved regions in all)` : '';
      return fail(
        `${subject} geo-replicates database ${first.databaseName} to server ${first.partnerServer} in ${where}, outside the approved regions (${listRegions(context.approvedRegions)})${more}.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} replicates only to approved regions: ${partners.join(', ')}.`);
  },
};
