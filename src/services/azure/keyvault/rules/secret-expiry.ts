import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { KEY_VAULT_SECRET, secretLabel, secretProperties } from './common';

/** 164.312(a)(2)(iv), 164.312(d), 164.308(a)(1)(ii)(B): every secret has an end date that forces its rotation. */
export const keyVaultSecretExpiry: Rule = {
  id: 'azure.keyvault.secret-expiry',
  title: 'Key Vault secrets have an expiration date',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: KEY_VAULT_SECRET,
  citations: ['164.312(d)', '164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.keysWithoutRotation,
  rationale:
    "Secrets in a vault are the passwords, connection strings and API keys that let applications reach ePHI: database passwords, storage connection strings, encryption passphrases. A secret without an expiry date (attributes.exp, which ARM omits when unset) can stay valid for years after the people and systems that knew it have changed, so a leaked copy keeps working. Person or entity authentication (164.312(d)) relies on credentials that are still under control, the encryption specification (164.312(a)(2)(iv)) covers the lifetime of passphrases and keys, and the risk management of 164.308(a)(1)(ii)(B) is served by a defined lifetime that Key Vault turns into a SecretNearExpiry event. The secret list is read through Azure Resource Manager (Secrets_List), which returns attributes only — the REST reference states that the value is never returned — so this assessment never sees a secret's value. It checks that an expiry is set, not whether it has passed.",
  remediation: {
    text: 'Set an expiration date on each secret (for example 90 days to one year, matching the rotation policy for that credential), subscribe to the SecretNearExpiry Event Grid event, and rotate the underlying credential before the date — then store the new value as a new version with a new expiry.',
    bicep: `resource phiSecret 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: phiVault
  name: secretName
  properties: {
    value: secretValue // a @secure() parameter
    contentType: 'text/plain'
    attributes: {
      enabled: true
      exp: secretExpiresUnixSeconds // e.g. dateTimeToEpoch(dateTimeAdd(utcNow(), 'P90D')) as a param default
    }
  }
}`,
    terraform: `resource "azurerm_key_vault_secret" "phi" {
  name            = var.secret_name
  value           = var.secret_value
  key_vault_id    = azurerm_key_vault.phi.id
  content_type    = "text/plain"
  expiration_date = timeadd(timestamp(), "2160h") # 90 days; pin it (lifecycle ignore_changes) once set
}`,
    cli: `az keyvault secret set-attributes --vault-name <vault-name> --name <secret-name> --expires "$(date -u -d '+90 days' +%Y-%m-%dT%H:%M:%SZ)"`,
  },
  evaluate(resource) {
    const { expiresOn } = secretProperties(resource);
    const subject = secretLabel(resource);
    if (expiresOn === undefined) return notAssessed('expiration date', subject);
    if (expiresOn === null)
      return fail(
        `${subject} has no expiration date: it stays valid until someone replaces it.${phiNote(resource)}`,
      );
    return pass(`${subject} has an expiration date (${expiresOn}).`);
  },
};
