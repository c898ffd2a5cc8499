import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { isGeoRedundant } from '../normalize';
import { bicepVault, RECOVERY_VAULT, terraformVault, vaultLabel, vaultProperties } from './common';

/** 164.308(a)(7)(ii)(B), 164.308(a)(7)(i): backups can be restored when the primary region is down. */
export const backupCrossRegionRestore: Rule = {
  id: 'azure.backup.cross-region-restore',
  title: 'Recovery Services vaults can restore in a second region (geo-redundant with Cross Region Restore)',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: RECOVERY_VAULT,
  citations: ['164.308(a)(7)(ii)(B)', '164.308(a)(7)(i)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "The contingency plan (164.308(a)(7)(i)) and its disaster recovery plan (164.308(a)(7)(ii)(B)) must restore ePHI after the loss of a whole region, not only of a server. A locally or zone-redundant vault keeps its backups in the primary region, so a regional outage takes them with it; a geo-redundant vault without Cross Region Restore replicates them, but they can be restored in the secondary region only after Microsoft declares a disaster in the primary. Cross Region Restore lets the organisation restore in the paired region at any time, and test it — which a disaster recovery plan has to do. This rule reads storageModelType and crossRegionRestoreFlag from the vault's backup storage config: geo-redundant with Cross Region Restore passes. Choose a vault region whose pair is approved (see the geo-replica rule) before turning it on.",
  remediation: {
    text: "Use geo-redundant backup storage with Cross Region Restore for vaults that hold ePHI backups, in a region whose pair is approved; enable Cross Region Restore on an existing geo-redundant vault (it cannot be turned off again). A locally redundant vault that already protects items needs a new vault. Test a cross-region restore as part of the disaster recovery plan's testing.",
    bicep: bicepVault(`    storageModelType: 'GeoRedundant'
    crossRegionRestoreFlag: true`),
    terraform: terraformVault(`  storage_mode_type            = "GeoRedundant"
  cross_region_restore_enabled = true`),
    cli: `az backup vault backup-properties set --name <vault-name> --resource-group <resource-group> --cross-region-restore-flag true`,
  },
  evaluate(resource) {
    const { storageModel, crossRegionRestore, secondaryLocation } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (storageModel === undefined || crossRegionRestore === undefined)
      return notAssessed('backup storage settings', subject);
    if (storageModel === null)
      return notAssessed('backup storage redundancy (storageModelType not reported)', subject);
    if (!isGeoRedundant(storageModel))
      return fail(
        `${subject} keeps backups in ${resource.region} only (${storageModel}): a regional outage leaves no copy to restore from.${phiNote(resource)}`,
      );
    const to = secondaryLocation ? ` to ${secondaryLocation}` : '';
    if (!crossRegionRestore)
      return fail(
        `${subject} replicates backups${to} but Cross Region Restore is off: they can be restored there only after Microsoft declares an outage of ${resource.region}.${phiNote(resource)}`,
      );
    return pass(`${subject} replicates backups${to} with Cross Region Restore on.`);
  },
};
