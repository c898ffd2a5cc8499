import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepServer, serverLabel, serverProperties, SQL_SERVER, terraformServer } from './common';

/** 164.312(a)(2)(iv) and 164.308(a)(1)(ii)(B): the organisation controls the key that protects ePHI. */
export const sqlTdeCustomerManagedKey: Rule = {
  id: 'azure.sql.tde-customer-managed-key',
  title: 'Azure SQL servers protect TDE with a customer-managed key',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: SQL_SERVER,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "The encryption protector (encryptionProtector/current) is the key that wraps every database encryption key on the server. With serverKeyType ServiceManaged, Microsoft holds and rotates that key: the data is encrypted, but the organisation cannot revoke access to it, cannot show when the key was rotated, and cannot make backups unreadable by deleting the key. With AzureKeyVault (bring your own key), the protector lives in the organisation's Key Vault or Managed HSM, access to it is logged there, and revoking it makes the databases inaccessible within minutes. The encryption specification (164.312(a)(2)(iv)) is addressable and met by either; the risk management of 164.308(a)(1)(ii)(B) favours a customer-managed key where the data is ePHI, which is why this rule rates a PHI server higher. Pair it with the Key Vault rules (purge protection, rotation). Checked: EncryptionProtectors_Get, api-version 2023-08-01.",
  remediation: {
    text: 'Give the server an identity with Get, Wrap Key and Unwrap Key on a key in a Key Vault with purge protection (Key Vault Crypto Service Encryption User role), add the key to the server, then set it as the TDE protector with auto-rotation on so new key versions are picked up.',
    bicep: `${bicepServer(`
    keyId: tdeKeyUri // versionless key URI in a purge-protected vault`)}

resource protector 'Microsoft.Sql/servers/encryptionProtector@2023-08-01' = {
  parent: sqlServer
  name: 'current'
  properties: {
    serverKeyType: 'AzureKeyVault'
    serverKeyName: tdeServerKeyName // '<vault>_<key>_<version>'
    autoRotationEnabled: true
  }
}`,
    terraform: `${terraformServer()}

resource "azurerm_mssql_server_transparent_data_encryption" "phi" {
  server_id             = azurerm_mssql_server.phi.id
  key_vault_key_id      = azurerm_key_vault_key.tde.id
  auto_rotation_enabled = true
}`,
    cli: `az sql server key create --server <server-name> --resource-group <resource-group> --kid <key-vault-key-id>
az sql server tde-key set --server <server-name> --resource-group <resource-group> --server-key-type AzureKeyVault --kid <key-vault-key-id> --auto-rotation-enabled true`,
  },
  evaluate(resource) {
    const { encryptionProtector } = serverProperties(resource);
    const subject = serverLabel(resource);
    if (encryptionProtector === undefined) return notAssessed('TDE protector', subject);
    if (encryptionProtector.serverKeyType !== 'AzureKeyVault')
      return fail(
        `${subject} protects TDE with a ${encryptionProtector.serverKeyType === 'ServiceManaged' ? 'service-managed key' : `${encryptionProtector.serverKeyType} key`}, not a customer-managed key.${phiNote(resource)}`,
      );
    const key = encryptionProtector.uri ?? encryptionProtector.serverKeyName ?? 'a Key Vault key';
    return pass(`${subject} protects TDE with customer-managed key ${key}.`);
  },
};
