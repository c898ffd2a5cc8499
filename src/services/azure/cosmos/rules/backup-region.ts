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
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.308(a)(7)(ii)(A) and 164.308(a)(1)(ii)(A): periodic backups of ePHI stay in regions the plan covers. */
export const cosmosBackupRegion: Rule = {
  id: 'azure.cosmos.backup-region',
  title: 'Cosmos DB periodic backups in geo-redundant storage go to an approved paired region',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "In periodic backup mode, Cosmos DB writes its backups to storage with the redundancy in backupPolicy.periodicModeProperties.backupStorageRedundancy; Geo (the default) replicates them to the Azure paired region of the account's region — a region Azure picks, not the customer, and one that need not be among the account's own replica regions. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must name where backup copies of ePHI are kept, and the risk analysis (164.308(a)(1)(ii)(A)) must cover them. Local and Zone keep backups in the account's region; continuous backup mode keeps them in each of the account's regions, which azure.cosmos.replica-region judges. Checked: DatabaseAccounts_List (backupPolicy), api-version 2024-05-15; the paired region comes from the catalog's table of Azure region pairs (Microsoft Learn, 'Azure region pairs and nonpaired regions').",
  remediation: {
    text: "Either approve the paired region (contingency plan, risk analysis, engagement settings), or set the periodic backup storage redundancy to Zone or Local, or move the account to continuous backup, whose backups stay in the account's own regions.",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `az cosmosdb update --name <account-name> --resource-group <resource-group> --backup-redundancy Zone
# Or continuous backup (one-way change):
az cosmosdb update --name <account-name> --resource-group <resource-group> --backup-policy-type Continuous --continuous-tier Continuous30Days`,
  },
  evaluate(resource, context) {
    const { backupPolicyType: type, backupStorageRedundancy: redundancy } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (type === undefined || redundancy === undefined) return notAssessed('backup policy', subject);
    if (type === null)
      return notApplicable(
        `${subject} reports no backup policy, so where its backups are kept was not judged.`,
      );
    if (type !== 'Periodic')
      return notApplicable(`${subject} uses ${type} backup: its backups stay in the account's own regions.`);
    if (redundancy === null)
      return notApplicable(
        `${subject} reports no backup storage redundancy, so where its backups are kept was not judged.`,
      );
    if (redundancy !== 'Geo')
      return notApplicable(
        `${subject} keeps its periodic backups in ${resource.region} (${redundancy} redundancy).`,
      );
    const paired = azurePairedRegions[normalizeRegion(resource.region)];
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its geo-redundant backups to ${paired ?? 'the paired region'} were not judged.`,
      );
    if (!paired)
      return fail(
        `${subject} keeps geo-redundant periodic backups, and the paired region of ${resource.region} is not in the catalog's region pairs.${phiNote(resource)}`,
      );
    if (!isApprovedRegion(paired, context.approvedRegions))
      return fail(
        `${subject} keeps geo-redundant periodic backups: they are copied to ${paired}, the pair of ${resource.region}, outside the approved regions (${listRegions(context.approvedRegions)}).${phiNote(resource)}`,
      );
    return pass(`${subject} keeps geo-redundant periodic backups in ${paired}, an approved region.`);
  },
};
