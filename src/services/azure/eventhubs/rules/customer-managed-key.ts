import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notApplicable, notAssessed, pass } from '../../../../kit';
import {
  bicepNamespace,
  namespaceLabel,
  namespaceProperties,
  EVENT_HUB_NAMESPACE,
  terraformNamespace,
} from './common';

/** 164.312(a)(2)(iv): the organisation holds the key that encrypts retained ePHI events. */
export const eventHubCustomerManagedKey: Rule = {
  id: 'azure.eventhubs.phi-customer-managed-key',
  title: 'Event Hubs namespaces holding PHI encrypt with a customer-managed key',
  severity: 'low',
  exposure: 'internal',
  resourceType: EVENT_HUB_NAMESPACE,
  citations: ['164.312(a)(2)(iv)'],
  failurePattern: failurePatterns.unencryptedStorage,
  rationale:
    "Event Hubs always encrypts events at rest, with Microsoft-managed keys by default. The encryption and decryption specification (164.312(a)(2)(iv)) is addressable, and for a namespace that streams ePHI a customer-managed key in Key Vault adds what Microsoft-managed keys cannot: the organisation decides who may use the key, every use is logged, and revoking or disabling the key makes the retained ePHI events unreadable (a crypto-shredding step of an incident response). Customer-managed keys need the Premium tier (or a Dedicated cluster). This rule looks only at namespaces classified as PHI and reads properties.encryption.keySource: 'Microsoft.KeyVault' passes; no encryption block (Microsoft-managed keys) fails at low severity, since the data is encrypted either way.",
  remediation: {
    text: 'On a Premium namespace, give the namespace a managed identity with the Key Vault Crypto Service Encryption User role on a key in a vault with purge protection, then set encryption to that key (keySource Microsoft.KeyVault), with infrastructure encryption for a second layer. A Standard namespace must be moved to a new Premium namespace first.',
    bicep: bicepNamespace(
      `    minimumTlsVersion: '1.2'
    encryption: {
      keySource: 'Microsoft.KeyVault'
      requireInfrastructureEncryption: true
      keyVaultProperties: [
        {
          keyVaultUri: phiVault.properties.vaultUri
          keyName: 'telemetry-stream-cmk'
          identity: {
            userAssignedIdentity: hubIdentity.id
          }
        }
      ]
    }`,
      `  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '\${hubIdentity.id}': {}
    }
  }
`,
    ),
    terraform: `${terraformNamespace(`  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.hub.id]
  }`)}

resource "azurerm_eventhub_namespace_customer_managed_key" "telemetry" {
  eventhub_namespace_id             = azurerm_eventhub_namespace.telemetry.id
  key_vault_key_ids                 = [azurerm_key_vault_key.telemetry_stream.id]
  user_assigned_identity_id         = azurerm_user_assigned_identity.hub.id
  infrastructure_encryption_enabled = true
}`,
    cli: `az eventhubs namespace identity assign --namespace-name <namespace-name> --resource-group <resource-group> --user-assigned <identity-resource-id>
az eventhubs namespace encryption add --namespace-name <namespace-name> --resource-group <resource-group> \\
  --encryption-config key-name=<key-name> key-vault-uri=https://<vault-name>.vault.azure.net user-assigned-identity=<identity-resource-id>`,
  },
  evaluate(resource) {
    const subject = namespaceLabel(resource);
    if (!resource.phi) return notApplicable(`${subject} is not classified as PHI.`);
    const { encryptionKeySource, customerManagedKey, skuName } = namespaceProperties(resource);
    if (encryptionKeySource === undefined) return notAssessed('encryption settings', subject);
    if (encryptionKeySource?.toLowerCase() === 'microsoft.keyvault') {
      const key = customerManagedKey?.keyName ? ` (key ${customerManagedKey.keyName})` : '';
      return pass(`${subject} encrypts events at rest with a customer-managed key in Key Vault${key}.`);
    }
    const tier =
      skuName && skuName.toLowerCase() !== 'premium'
        ? ` Customer-managed keys need the Premium tier; this namespace is ${skuName}.`
        : '';
    return fail(
      `${subject} is classified as PHI (${resource.phiReason ?? 'engagement classification'}) and encrypts events with Microsoft-managed keys only (no customer-managed key).${tier}`,
    );
  },
};
