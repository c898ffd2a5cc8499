import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepRotatingKey, KEY_VAULT_KEY, keyLabel, keyProperties, terraformRotatingKey } from './common';

/** 164.312(a)(2)(iv) and 164.308(a)(1)(ii)(B): every key has an end date (a cryptoperiod). */
export const keyVaultKeyExpiry: Rule = {
  id: 'azure.keyvault.key-expiry',
  title: 'Key Vault keys have an expiration date',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: KEY_VAULT_KEY,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.keysWithoutRotation,
  rationale:
    "A key without an expiry date (attributes.exp, which ARM omits when unset) can be used for encryption forever, so nothing forces the organisation to review or replace it. The encryption and decryption specification (164.312(a)(2)(iv)) covers managing keys over their life, and the risk management of 164.308(a)(1)(ii)(B) is served by a defined cryptoperiod: an expiry date makes the end of a key's life explicit, drives Key Vault's Notify-before-expiry event, and lets a Rotate-before-expiry policy fire. Key Vault still allows decrypt and unwrap with an expired key, but some services refuse an expired customer-managed key, so the expiry belongs with a rotation that replaces the key before it. This rule checks the current version's expiry as ARM reports it; it does not judge whether that date has passed.",
  remediation: {
    text: 'Set an expiration date on each key (for example one year after creation) and give its rotation policy an expiryTime so every rotated version gets one too. Rotate before expiry (a Rotate action, or at least a Notify action 30 days before) so applications never meet an expired key.',
    bicep: bicepRotatingKey,
    terraform: terraformRotatingKey,
    cli: `az keyvault key set-attributes --vault-name <vault-name> --name <key-name> --expires "$(date -u -d '+1 year' +%Y-%m-%dT%H:%M:%SZ)"`,
  },
  evaluate(resource) {
    const { expiresOn } = keyProperties(resource);
    const subject = keyLabel(resource);
    if (expiresOn === undefined) return notAssessed('expiration date', subject);
    if (expiresOn === null)
      return fail(`${subject} has no expiration date: it can be used indefinitely.${phiNote(resource)}`);
    return pass(`${subject} has an expiration date (${expiresOn}).`);
  },
};
