import type { Rule } from '../../../../kit';
import {
  fail,
  failurePatterns,
  isApprovedRegion,
  listRegions,
  NO_APPROVED_REGIONS,
  notApplicable,
  notAssessed,
  pass,
  phiNote,
} from '../../../../kit';
import { isGeoRedundant } from '../normalize';
import { bicepVault, RECOVERY_VAULT, terraformVault, vaultLabel, vaultProperties } from './common';

/** 164.308(a)(7)(ii)(A)/(B), 164.308(a)(1)(ii)(A): backup copies of ePHI stay in approved regions. */
export const backupGeoReplicaRegion: Rule = {
  id: 'azure.backup.geo-replica-region',
  title: 'Geo-redundant Recovery Services vaults replicate backups only to an approved region',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: RECOVERY_VAULT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "A Recovery Services vault with geo-redundant backup storage keeps a copy of every backup (VM disks, SQL and file-share backups that contain ePHI) in the Azure paired region of the vault's location, which the customer does not choose: East US replicates to West US, East US 2 to Central US, West US 2 to West Central US. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must say where copies of ePHI are kept, and the risk analysis (164.308(a)(1)(ii)(A)) must cover every location. This rule reads storageModelType from the vault's backup storage config (BackupResourceStorageConfigsNonCRR_Get) and the region pair of its location, and fails a geo-redundant vault whose paired region is not among the engagement's approved regions. Locally and zone-redundant vaults keep backups in their own region and are not judged here.",
  remediation: {
    text: "Either approve the paired region (add it to the contingency plan, the risk analysis and the engagement settings) or move PHI backups to a vault in a region whose pair is approved. A vault's redundancy can only change before any item is protected (storageTypeState Unlocked), so a vault already in use needs a new vault and re-protection of its items.",
    bicep: bicepVault(`    storageModelType: 'GeoRedundant'
    crossRegionRestoreFlag: true`),
    terraform: terraformVault(`  storage_mode_type            = "GeoRedundant"
  cross_region_restore_enabled = true`),
    cli: `az backup vault create --name <vault-name> --resource-group <resource-group> --location eastus2
az backup vault backup-properties set --name <vault-name> --resource-group <resource-group> --backup-storage-redundancy GeoRedundant --cross-region-restore-flag true
az backup vault backup-properties show --name <vault-name> --resource-group <resource-group>`,
  },
  evaluate(resource, context) {
    const { storageModel, secondaryLocation } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (storageModel === undefined) return notAssessed('backup storage redundancy', subject);
    if (storageModel === null)
      return notAssessed('backup storage redundancy (storageModelType not reported)', subject);
    if (!isGeoRedundant(storageModel))
      return notApplicable(`${subject} keeps backups in ${resource.region} only (${storageModel}).`);
    if (context.approvedRegions.length === 0)
      return notApplicable(`${subject}: ${NO_APPROVED_REGIONS}, so its geo-replication was not judged.`);
    if (!secondaryLocation) return notAssessed(`paired region of ${resource.region}`, subject);
    if (!isApprovedRegion(secondaryLocation, context.approvedRegions))
      return fail(
        `${subject} (GeoRedundant, ${resource.region}) replicates backups to its paired region ${secondaryLocation}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    return pass(
      `${subject} (GeoRedundant, ${resource.region}) replicates backups to ${secondaryLocation}, an approved region.`,
    );
  },
};
