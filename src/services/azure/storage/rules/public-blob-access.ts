import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/** 164.312(a)(1) access control: no container in the account can be made anonymously readable. */
export const storagePublicBlobAccess: Rule = {
  id: 'azure.storage.public-blob-access',
  title: 'Storage accounts disallow anonymous (public) blob access',
  // The setting alone exposes nothing: azure.storage.public-containers is critical when a PHI
  // account actually serves a container anonymously.
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internet',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(a)(1)', '164.308(a)(4)(i)'],
  failurePattern: failurePatterns.publicStorage,
  rationale:
    "164.312(a)(1) requires that only persons or software programs granted access rights can reach ePHI, and 164.308(a)(4)(i) requires access to be authorized. While allowBlobPublicAccess is true, anyone who can set a container's access level can make its blobs readable by anyone on the internet, with no authorization and no identity in the logs. Disallowing it at account level overrides every container setting, so a single mistaken change cannot expose PHI.",
  remediation: {
    text: 'Set "Allow Blob anonymous access" to disabled (allowBlobPublicAccess = false). Containers that were public become private at once: move genuinely public content to a separate account that holds no PHI, or serve it through a CDN with authenticated origin access.',
    bicep: bicepAccount(`    allowBlobPublicAccess: false
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'`),
    terraform:
      terraformAccount(`  allow_nested_items_to_be_public = false # allow_blob_public_access before azurerm 3.0
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"`),
    cli: `az storage account update --name <account-name> --resource-group <resource-group> --allow-blob-public-access false`,
  },
  evaluate(resource) {
    const { allowBlobPublicAccess } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (allowBlobPublicAccess === undefined) return notAssessed('anonymous blob access setting', subject);
    if (allowBlobPublicAccess) {
      return fail(
        `${subject} allows anonymous blob access: any container in it can be made publicly readable.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} disallows anonymous blob access.`);
  },
};
