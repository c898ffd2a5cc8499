import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/** 164.312(a)(2)(i), 164.312(d): requests are authorized with Entra ID identities, not the account key. */
export const storageSharedKeyAccess: Rule = {
  id: 'azure.storage.shared-key-access',
  title: 'Storage accounts refuse Shared Key authorization',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'network',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(a)(2)(i)', '164.312(d)', '164.312(b)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    '164.312(a)(2)(i) requires a unique name or number for identifying and tracking each user, and 164.312(d) requires verifying that a person or entity seeking access to ePHI is the one claimed. The two account keys grant full access to every blob, file, queue and table in the account, and so does any shared access signature signed with them; a request authorized that way carries no user identity, so the storage logs (164.312(b)) cannot attribute it to a person, and a leaked key or SAS works until the key is rotated. With allowSharedKeyAccess false, every request must be authorized with Microsoft Entra ID (user delegation SAS included), tied to an identity and its role assignments. ARM omits the property on accounts that never set it, which Azure documents as equivalent to true (allowed).',
  remediation: {
    text: 'Move every client to Microsoft Entra ID authorization (managed identities, Storage Blob Data roles, user delegation SAS instead of account SAS), check the StorageBlobLogs AuthenticationType field for remaining SharedKey and SAS requests, then set allowSharedKeyAccess to false. Rotate both account keys afterwards.',
    bicep: bicepAccount(`    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    supportsHttpsTrafficOnly: true
    minimumTlsVersion: 'TLS1_2'`),
    terraform: terraformAccount(`  shared_access_key_enabled       = false
  default_to_oauth_authentication = true
  https_traffic_only_enabled      = true
  min_tls_version                 = "TLS1_2"`),
    cli: `az storage account update --name <account-name> --resource-group <resource-group> --allow-shared-key-access false`,
  },
  evaluate(resource) {
    const { allowSharedKeyAccess } = storageProperties(resource);
    const subject = accountLabel(resource);
    if (allowSharedKeyAccess === undefined) return notAssessed('Shared Key access setting', subject);
    if (allowSharedKeyAccess) {
      return fail(
        `${subject} allows Shared Key authorization: requests signed with an account key or an account SAS are accepted without a user identity.${phiNote(resource)}`,
      );
    }
    return pass(`${subject} refuses Shared Key authorization: requests must use Microsoft Entra ID.`);
  },
};
