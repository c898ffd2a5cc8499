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
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.308(a)(7)(ii)(A)/(B) and 164.308(a)(1)(ii)(A): every replica stays in a region the plan covers. */
export const cosmosReplicaRegion: Rule = {
  id: 'azure.cosmos.replica-region',
  title: 'Cosmos DB accounts replicate only to approved regions',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.308(a)(1)(ii)(A)'],
  failurePattern: failurePatterns.replicasOutsideApprovedRegions,
  rationale:
    "A Cosmos DB account keeps a full, continuously replicated copy of all its data in every region of its locations list — one click in the portal's 'Replicate data globally' map adds one, anywhere in the world. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must say where copies of ePHI live and where the account fails over to, and the risk analysis (164.308(a)(1)(ii)(A)) must cover ePHI in every location; the engagement's approved regions are the locations those documents cover. A replica elsewhere is ePHI outside them and may break a data-location commitment in a business associate agreement (164.314(a)) — check the contracts when triaging. Checked: DatabaseAccounts_List (properties.locations, each locationName and failoverPriority), api-version 2024-05-15.",
  remediation: {
    text: "Add a replica in an approved region first (so the account keeps a failover target), move the failover priorities to it, then remove the unapproved region; Cosmos DB deletes that replica's data. Record its disposal (164.310(d)(2)(i)). If the region should be approved, add it to the contingency plan, the risk analysis and the engagement settings instead.",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `# Keep only approved regions (the write region first):
az cosmosdb update --name <account-name> --resource-group <resource-group> --locations regionName=eastus failoverPriority=0 isZoneRedundant=False --locations regionName=westus2 failoverPriority=1 isZoneRedundant=False`,
  },
  evaluate(resource, context) {
    const { locations } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (locations === undefined) return notAssessed('replicated regions', subject);
    if (locations.length === 0)
      return notApplicable(
        `${subject} reports no replicated regions, so where its data lives was not judged.`,
      );
    const regions = locations.map((each) => each.location);
    if (context.approvedRegions.length === 0)
      return notApplicable(
        `${subject}: ${NO_APPROVED_REGIONS}, so its regions (${regions.join(', ')}) were not judged.`,
      );
    const outside = regions.filter((region) => !isApprovedRegion(region, context.approvedRegions));
    if (outside.length > 0)
      return fail(
        `${subject} replicates its data to ${outside.join(', ')}, outside the approved regions (${listRegions(context.approvedRegions)}); its regions are ${regions.join(', ')}.${phiNote(resource)}`,
      );
    return pass(`${subject} keeps its data only in approved regions: ${regions.join(', ')}.`);
  },
};
