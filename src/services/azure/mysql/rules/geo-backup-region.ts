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
import { bicepServer, MYSQL_SERVER, serverLabel, serverProperties, terraformServer } from './common';

/** 164.308(a)(7)(ii)(A)/(B) and 164.308(a)(1)(ii)(A): backups of ePHI stay in regions the plan covers. */
export const mysqlGeoBackupRegion: Rule = {
  id: 'azure.mysql.geo-backup-region',
  title: 'MySQL flexible servers with geo-redundant backup back up to an approved paired region',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: MYSQL_SERVER,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "With backup.geoRedundantBackup Enabled, an Azure Database for MySQL flexible server copies its full backups and transaction logs to the Azure paired region of its location — a region Azure picks, not the customer — so that it can be geo-restored there. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must name where backup copies of ePHI are kept, and the risk analysis (164.308(a)(1)(ii)(A)) must cover them; a paired region outside the engagement's approved regions holds ePHI those documents do not cover. Checked: Servers_List (backup.geoRedundantBackup), api-version 2023-12-30; the paired region comes from the catalog's table of Azure region pairs (Microsoft Learn, 'Azure region pairs and nonpaired regions').",
  remediation: {
    text: 'Either approve the paired region (add it to the contingency plan, the risk analysis and the engagement settings), or move to locally or zone-redundant backups: restore the server (point-in-time restore) into a new server with geoRedundantBackup Disabled, switch the application to it and delete the old server, recording the disposal of its geo-backups (164.310(d)(2)(i)). For an off-region copy, create a read replica in an approved region instead.',
    bicep: bicepServer(),
    terraform: terraformServer(),
    cli: `az mysql flexible-server show --resource-group <resource-group> --name <server-name> --query "{location:location, geoBackup:backup.geoRedundantBackup}"
# Restore into a server without geo-redundant backup, then cut over:
az mysql flexible-server restore --resource-group <resource-group> --name <new-server-name> --source-server <server-name> --geo-redundant-backup Disabled`,
  },
  evaluate(resource, context) {
    const { geoRedundantBackup } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (geoRedundantBackup === undefined) return notAssessed('backup settings', subject);
    if (geoRedundantBackup === null)
      return notApplicable(
        `${subject} reports no geo-redundant backup setting, so where its backups are kept was not judged.`,
      );
    if (geoRedundantBackup !== 'Enabled')
      return notApplicable(
        `${subject} keeps its backups in ${resource.region} (geo-redundant backup ${geoRedundantBackup.toLowerCase()}).`,
      );
    const paired = azurePairedRegions[normalizeRegion(resource.region)];
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its geo-redundant backups to ${paired ?? 'the paired region'} were not judged.`,
      );
    if (!paired)
      return fail(
        `${subject} has geo-redundant backup enabled, and the paired region of ${resource.region} is not in the catalog's region pairs.${phiNote(resource)}`,
      );
    if (!isApprovedRegion(paired, context.approvedRegions))
      return fail(
        `${subject} has geo-redundant backup enabled: its backups are copied to ${paired}, the pair of ${resource.region}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    return pass(`${subject} has geo-redundant backup to ${paired}, an approved region.`);
  },
};
