import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, MYSQL_SERVER, serverLabel, serverProperties, terraformServer } from './common';

/** 164.312(a)(2)(iv) and 164.308(a)(1)(ii)(B): the organisation controls the key that protects ePHI. */
export const mysqlCustomerManagedKey: Rule = {
  id: 'azure.mysql.customer-managed-key',
  title: 'MySQL flexible servers encrypt storage with a customer-managed key',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: MYSQL_SERVER,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "Every flexible server encrypts its storage and backups at rest. With dataEncryption.type SystemManaged, Microsoft holds the key: the organisation cannot revoke access to the data, cannot show when the key was rotated, and cannot make stray backups unreadable by disabling the key. With AzureKeyVault, the key (primaryKeyURI, and geoBackupKeyURI for geo-redundant backups) lives in the organisation's Key Vault or Managed HSM, every use is logged there, and revoking it cuts off the server. The encryption specification (164.312(a)(2)(iv)) is met by either; the risk management of 164.308(a)(1)(ii)(B) favours a customer-managed key for ePHI, which is why a PHI server rates higher. A MySQL flexible server can switch to a customer-managed key after creation. Checked: Servers_List (dataEncryption), api-version 2023-12-30.",
  remediation: {
    text: 'Create a user-assigned identity with Key Vault Crypto Service Encryption User on a key in a purge-protected vault, assign it to the server and set data encryption to that key (dataEncryption.type AzureKeyVault); a server with geo-redundant backup also needs a key and identity in the paired region for its geo-backups.',
    bicep: bicepServer(`    backup: {
      backupRetentionDays: 35
      geoRedundantBackup: 'Disabled'
    }
    dataEncryption: {
      type: 'AzureKeyVault'
      primaryKeyURI: cmkKeyUri // versionless key URI in a purge-protected vault
      primaryUserAssignedIdentityId: cmkIdentity.id
    }`),
    terraform: terraformServer(`

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.cmk.id]
  }

  customer_managed_key {
    key_vault_key_id                  = azurerm_key_vault_key.mysql.versionless_id
    primary_user_assigned_identity_id = azurerm_user_assigned_identity.cmk.id
  }`),
    cli: `az mysql flexible-server identity assign --resource-group <resource-group> --server-name <server-name> --identity <user-assigned-identity-id>
az mysql flexible-server update --resource-group <resource-group> --name <server-name> --key <key-vault-key-id> --identity <user-assigned-identity-id>`,
  },
  evaluate(resource) {
    const { dataEncryptionType: type, primaryKeyUri } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (type === undefined) return notAssessed('data encryption settings', subject);
    if (type === null)
      return notApplicable(
        `${subject} reports no data encryption type, so its key management was not judged.`,
      );
    if (type !== 'AzureKeyVault')
      return fail(
        `${subject} encrypts its storage with a ${type === 'SystemManaged' ? 'system-managed key' : `${type} key`}, not a customer-managed key.${phiNote(resource)}`,
      );
    return pass(
      `${subject} encrypts its storage with customer-managed key ${primaryKeyUri ?? '(key URI not reported)'}.`,
    );
  },
};
