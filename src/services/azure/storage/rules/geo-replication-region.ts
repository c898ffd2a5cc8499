import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { isApprovedRegion, listRegions, NO_APPROVED_REGIONS } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/**
 * 164.308(a)(7)(ii)(A)/(B) and 164.308(a)(1)(ii)(A): the geo-replicated copy stays in a region the
 * contingency plan and risk analysis cover. Same citations as aws.s3.replication-region.
 */
export const storageGeoReplicationRegion: Rule = {
  id: 'azure.storage.geo-replication-region',
  title: 'Geo-replicated storage accounts replicate only to an approved region',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "Geo-redundant SKUs (GRS, RA-GRS, GZRS, RA-GZRS) keep a full copy of the account in the paired secondary region Azure assigns to the primary. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must say where copies of ePHI live and how they are recovered, and the risk analysis (164.308(a)(1)(ii)(A)) must cover ePHI in every location. The engagement's approved regions are the locations those documents cover; a secondary elsewhere is ePHI outside them, and may also break a data-location commitment in a business associate agreement (164.314(a)) — check the contracts when triaging. Read-access SKUs (RA-GRS, RA-GZRS) also serve reads from the secondary through its own endpoint (<account>-secondary.blob.core.windows.net) at all times, not only after a failover: the secondary region is then a live source of ePHI, and the detail says so. A secondary region that cannot be determined is treated as unapproved until shown otherwise.",
  remediation: {
    text: "Azure chooses the secondary region from the primary region's pair, so either (1) approve the paired region after adding it to the contingency plan, the risk analysis and the engagement settings, or (2) stop geo-replication: change GRS/RA-GRS to LRS in place, or convert to ZRS for zone redundancy within the primary region (a Microsoft-run conversion: az storage account migration start), and replicate to an approved region with object replication if a second copy is required. After leaving a geo-redundant SKU, record the disposal of the secondary copy (164.310(d)(2)(i)).",
    bicep: bicepAccount(
      `    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'`,
      "'Standard_LRS' // from Standard_GRS / Standard_RAGRS: an in-place change",
    ),
    terraform: terraformAccount(
      `  https_traffic_only_enabled = true
  min_tls_version            = "TLS1_2"`,
      '"LRS" # from GRS / RAGRS: an in-place change',
    ),
    cli: `# Show the redundancy and the secondary region:
az storage account show --name <account-name> --resource-group <resource-group> --query "{sku:sku.name, primary:primaryLocation, secondary:secondaryLocation}"
# Drop geo-replication (GRS/RA-GRS to LRS is an in-place update):
az storage account update --name <account-name> --resource-group <resource-group> --sku Standard_LRS
# Or request a conversion to zone-redundant storage in the primary region:
az storage account migration start --account-name <account-name> --resource-group <resource-group> --sku Standard_ZRS --no-wait`,
  },
  evaluate(resource, context) {
    const { geoReplicated, secondaryLocation, primaryLocation, skuName } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (geoReplicated === undefined) return notAssessed('replication (SKU) settings', subject);
    const sku = skuName ? ` (${skuName})` : '';
    // RA-GRS / RA-GZRS: the secondary endpoint serves reads at all times.
    const reads = /^(standard|premium)_ra/i.test(skuName ?? '')
      ? ' and serves reads from it through its read-access secondary endpoint'
      : '';
    if (!geoReplicated) {
      return notApplicable(
        `${subject}${sku} is not geo-replicated; its data stays in ${primaryLocation ?? resource.region}.`,
      );
    }
    const secondary = secondaryLocation ?? null;
    if (context.approvedRegions.length === 0) {
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its geo-replication to ${secondary ?? 'an unknown region'} was not judged.`,
      );
    }
    if (!secondary) {
      return fail(
        `${subject}${sku} is geo-replicated but its secondary region could not be determined.${phiNote(resource)}`,
      );
    }
    if (!isApprovedRegion(secondary, context.approvedRegions)) {
      return fail(
        `${subject}${sku} geo-replicates to ${secondary}${reads}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    }
    return pass(`${subject}${sku} geo-replicates to ${secondary}${reads}, an approved region.`);
  },
};
