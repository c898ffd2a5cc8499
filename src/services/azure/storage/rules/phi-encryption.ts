import type { Rule } from '../../../../kit';
import { failurePatterns } from '../../../../kit';
import { fail, notApplicable, notAssessed, pass } from '../../../../kit';
import { accountLabel, bicepAccount, STORAGE_ACCOUNT, storageProperties, terraformAccount } from './common';

/**
 * 164.312(a)(2)(iv), 164.308(a)(1)(ii)(B): a PHI account adds a second layer of encryption at rest
 * (infrastructure encryption) or keeps its keys under the organisation's control (customer-managed
 * key in Key Vault). Applies to PHI-classified accounts only.
 */
export const storagePhiEncryption: Rule = {
  id: 'azure.storage.phi-encryption',
  title: 'PHI storage accounts use infrastructure encryption or a customer-managed key',
  severity: 'medium',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: STORAGE_ACCOUNT,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    'Every storage account is encrypted at rest with 256-bit AES under Microsoft-managed keys, which meets the letter of the encryption specification (164.312(a)(2)(iv)) for ordinary data. For ePHI, the risk management of 164.308(a)(1)(ii)(B) usually calls for more: a customer-managed key in Key Vault (encryption.keySource Microsoft.Keyvault) lets the organisation rotate the key, audit its use and revoke access to the data by disabling the key; infrastructure encryption (encryption.requireInfrastructureEncryption) adds a second, independent layer of encryption with a different algorithm and key, against a compromise of either one. This rule checks PHI-classified accounts for at least one of the two and reports which it found; accounts not classified as PHI are not judged.',
  remediation: {
    text: 'For an existing account, configure a customer-managed key: give the account a managed identity with the Key Vault Crypto Service Encryption User role on a vault with purge protection, and point encryption at the key. Infrastructure encryption can only be chosen when an account is created: to add it, create a new account with requireInfrastructureEncryption true and copy the data (AzCopy or object replication).',
    bicep: bicepAccount(`    encryption: {
      requireInfrastructureEncryption: true // only at creation
      keySource: 'Microsoft.Keyvault'
      keyvaultproperties: {
        keyvaulturi: keyVaultUri
        keyname: keyName
      }
      identity: {
        userAssignedIdentity: storageIdentityId
      }
      services: {
        blob: { enabled: true, keyType: 'Account' }
        file: { enabled: true, keyType: 'Account' }
      }
    }`),
    terraform: terraformAccount(`  infrastructure_encryption_enabled = true # forces a new account

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.storage.id]
  }

  customer_managed_key {
    key_vault_key_id          = azurerm_key_vault_key.storage.versionless_id
    user_assigned_identity_id = azurerm_user_assigned_identity.storage.id
  }`),
    cli: `az storage account update --name <account-name> --resource-group <resource-group> --encryption-key-source Microsoft.Keyvault --encryption-key-vault <vault-uri> --encryption-key-name <key-name> --identity-type UserAssigned --user-identity-id <identity-id> --key-vault-user-identity-id <identity-id>
# Infrastructure encryption is set at creation only:
az storage account create --name <new-account-name> --resource-group <resource-group> --require-infrastructure-encryption true --sku Standard_ZRS --kind StorageV2`,
  },
  evaluate(resource) {
    const subject = accountLabel(resource);
    if (!resource.phi)
      return notApplicable(`${subject} is not classified as PHI; its encryption options were not judged.`);
    const { encryption } = storageProperties(resource);
    if (encryption === undefined) return notAssessed('encryption settings', subject);
    const cmk = encryption.keySource.toLowerCase() === 'microsoft.keyvault';
    const layers = encryption.requireInfrastructureEncryption;
    if (cmk && layers)
      return pass(
        `${subject} uses a customer-managed key in Key Vault and infrastructure encryption (two layers).`,
      );
    if (cmk) return pass(`${subject} encrypts with a customer-managed key in Key Vault.`);
    if (layers)
      return pass(`${subject} uses infrastructure encryption (two layers, Microsoft-managed keys).`);
    return fail(
      `${subject} holds PHI (${resource.phiReason ?? 'engagement classification'}) but is encrypted only once, with Microsoft-managed keys: no customer-managed key and no infrastructure encryption.`,
    );
  },
};
