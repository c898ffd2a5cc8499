import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { accountLabel, accountProperties, bicepAccount, COSMOS_ACCOUNT, terraformAccount } from './common';

/** 164.312(a)(2)(iv) and 164.308(a)(1)(ii)(B): the organisation controls the key that protects ePHI. */
export const cosmosCustomerManagedKey: Rule = {
  id: 'azure.cosmos.customer-managed-key',
  title: 'Cosmos DB accounts encrypt data with a customer-managed key',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: COSMOS_ACCOUNT,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "Cosmos DB always encrypts data and backups at rest with service-managed keys. With keyVaultKeyUri set, a second layer uses the organisation's own key in Key Vault or Managed HSM: every use is logged there, and revoking it makes the account's data unreadable, including stray backups. The encryption specification (164.312(a)(2)(iv)) is met by either; the risk management of 164.308(a)(1)(ii)(B) favours a customer-managed key for ePHI, which is why a PHI account rates higher. ARM reports keyVaultKeyUri only on accounts that use one. Checked: DatabaseAccounts_List (properties.keyVaultKeyUri), api-version 2024-05-15.",
  remediation: {
    text: "Give the account a user-assigned identity with Key Vault Crypto Service Encryption User on a key in a purge-protected vault, set it as the account's default identity, then set keyVaultKeyUri (existing accounts can be switched; the service re-encrypts in the background).",
    bicep: bicepAccount(),
    terraform: terraformAccount(),
    cli: `az cosmosdb identity assign --name <account-name> --resource-group <resource-group> --identities <user-assigned-identity-id>
az cosmosdb update --name <account-name> --resource-group <resource-group> --default-identity "UserAssignedIdentity=<user-assigned-identity-id>"
az cosmosdb update --name <account-name> --resource-group <resource-group> --key-uri <versionless-key-uri>`,
  },
  evaluate(resource) {
    const { keyVaultKeyUri } = accountProperties(resource);
    const subject = accountLabel(resource);
    if (keyVaultKeyUri === undefined) return notAssessed('encryption key setting', subject);
    if (keyVaultKeyUri === null)
      return fail(
        `${subject} encrypts its data with service-managed keys only, not a customer-managed key.${phiNote(resource)}`,
      );
    return pass(`${subject} encrypts its data with customer-managed key ${keyVaultKeyUri}.`);
  },
};
