import { azurePairedRegions } from '../../../../catalog/azure-regions';
import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  NO_APPROVED_REGIONS,
  normalizeRegion,
  notApplicable,
  notAssessed,
  pass,
  phiNote,
} from '../../../../kit';
import { databaseLabel, databaseProperties, SQL_DATABASE } from './common';

/** Backup storage redundancies that copy backups to the paired region. */
const GEO_REDUNDANT = new Set(['geo', 'geozone']);

/** 164.308(a)(7)(ii)(A) and 164.308(a)(1)(ii)(A): backups of ePHI stay in regions the plan covers. */
export const sqlGeoBackupRegion: Rule = {
  id: 'azure.sql.geo-backup-region',
  title: 'Azure SQL databases with geo-redundant backups back up to an approved paired region',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: SQL_DATABASE,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "An Azure SQL database's automated backups (full, differential and log backups, and long-term retention copies) are stored with the backup storage redundancy the database chose: Geo (the default for new databases) and GeoZone copy every backup to the Azure paired region of the server's location, which Azure picks, not the customer. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must name where backup copies of ePHI are kept, and the risk analysis (164.308(a)(1)(ii)(A)) must cover them; a paired region outside the engagement's approved regions holds ePHI those documents do not cover. Local and Zone redundancy keep backups in the primary region. Checked: Databases_ListByServer (currentBackupStorageRedundancy), api-version 2023-08-01; the paired region comes from the catalog's table of Azure region pairs (Microsoft Learn, 'Azure region pairs and nonpaired regions').",
  remediation: {
    text: "Either approve the paired region (add it to the contingency plan, the risk analysis and the engagement settings), or change the database's backup storage redundancy to Zone or Local and, if an off-region copy is required, geo-replicate to a server in an approved region instead. Backups already written keep their old redundancy until they expire.",
    bicep: `resource database 'Microsoft.Sql/servers/databases@2023-08-01' = {
  parent: sqlServer
  name: databaseName
  location: location
  properties: {
    requestedBackupStorageRedundancy: 'Zone' // not Geo / GeoZone when the paired region is unapproved
  }
}`,
    terraform: `resource "azurerm_mssql_database" "phi" {
  name                 = var.database_name
  server_id            = azurerm_mssql_server.phi.id
  storage_account_type = "Zone" # not Geo / GeoZone when the paired region is unapproved
}`,
    cli: 'az sql db update --server <server-name> --resource-group <resource-group> --name <database-name> --backup-storage-redundancy Zone',
  },
  evaluate(resource, context) {
    const { backupStorageRedundancy: redundancy } = databaseProperties(resource);
    const subject = databaseLabel(resource);
    if (redundancy === undefined) return notAssessed('backup storage redundancy', subject);
    if (redundancy === null)
      return notApplicable(
        `${subject} reports no backup storage redundancy, so where its backups are kept was not judged.`,
      );
    if (!GEO_REDUNDANT.has(redundancy.toLowerCase()))
      return notApplicable(`${subject} keeps its backups in ${resource.region} (${redundancy} redundancy).`);
    const paired = azurePairedRegions[normalizeRegion(resource.region)];
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its geo-redundant backups to ${paired ?? 'the paired region'} were not judged.`,
      );
    if (!paired)
      return fail(
        `${subject} has ${redundancy} backup redundancy, and the paired region of ${resource.region} is not in the catalog's region pairs.${phiNote(resource)}`,
      );
    if (!isApprovedRegion(paired, context.approvedRegions))
      return fail(
        `${subject} has ${redundancy} backup redundancy: its backups are copied to ${paired}, the pair of ${resource.region}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    return pass(`${subject} has ${redundancy} backup redundancy to ${paired}, an approved region.`);
  },
};
