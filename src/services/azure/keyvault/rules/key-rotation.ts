import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepRotatingKey, KEY_VAULT_KEY, keyLabel, keyProperties, terraformRotatingKey } from './common';

/** 164.312(a)(2)(iv) and 164.308(a)(1)(ii)(B): a key that encrypts ePHI is replaced on a schedule. */
export const keyVaultKeyRotation: Rule = {
  id: 'azure.keyvault.key-rotation',
  title: 'Key Vault keys rotate automatically (rotation policy with a Rotate action)',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: KEY_VAULT_KEY,
  citations: ['164.312(a)(2)(iv)', '164.308(a)(1)(ii)(B)'],
  failurePattern: failurePatterns.keysWithoutRotation,
  rationale:
    "Encryption only protects ePHI as long as its key is managed: 164.312(a)(2)(iv) (encryption and decryption) covers the key's life cycle, and the risk management of 164.308(a)(1)(ii)(B) calls for limiting how much ePHI one key protects and for how long (NIST SP 800-57 cryptoperiods). Key Vault rotates a key only when its rotation policy has a lifetime action of type Rotate, triggered a set time after creation or before expiry; the default policy has only a Notify action, which sends an Event Grid event and rotates nothing. Services that use versionless key URIs (Storage, SQL TDE, disk encryption sets) pick up each new version automatically. A Rotate trigger counted from expiry never fires on a key without an expiry date unless the policy gives rotated versions one (expiryTime). The policy is read from Keys_Get (properties.rotationPolicy, api-version 2022-07-01 or later), which omits it when empty.",
  remediation: {
    text: 'Give every key a rotation policy with a Rotate lifetime action (for example 90 days after creation), an expiry for rotated versions (expiryTime) and a Notify action before expiry. Reference the key without a version (versionless key URI) wherever it is used, so the services follow each new version; keep old versions enabled until the data they wrapped has been re-wrapped.',
    bicep: bicepRotatingKey,
    terraform: terraformRotatingKey,
    cli: `cat > rotation-policy.json <<'JSON'
{
  "lifetimeActions": [
    { "trigger": { "timeAfterCreate": "P90D" }, "action": { "type": "Rotate" } },
    { "trigger": { "timeBeforeExpiry": "P30D" }, "action": { "type": "Notify" } }
  ],
  "attributes": { "expiryTime": "P1Y" }
}
JSON
az keyvault key rotation-policy update --vault-name <vault-name> --name <key-name> --value rotation-policy.json`,
  },
  evaluate(resource) {
    const { rotationPolicy, expiresOn } = keyProperties(resource);
    const subject = keyLabel(resource);
    if (rotationPolicy === undefined) return notAssessed('rotation policy (Keys_Get)', subject);
    if (rotationPolicy === null)
      return fail(
        `${subject} has no rotation policy: it is never rotated automatically.${phiNote(resource)}`,
      );
    const rotate = rotationPolicy.lifetimeActions.filter((action) => action.type.toLowerCase() === 'rotate');
    if (rotate.length === 0) {
      const others = [...new Set(rotationPolicy.lifetimeActions.map((action) => action.type))];
      const has = others.length > 0 ? `only ${others.join(', ')}` : 'no lifetime actions';
      return fail(
        `${subject} has a rotation policy with ${has} and no Rotate action: it is never rotated automatically.${phiNote(resource)}`,
      );
    }
    const afterCreate = rotate.find((action) => action.timeAfterCreate);
    if (afterCreate)
      return pass(
        `${subject} rotates automatically ${afterCreate.timeAfterCreate} after each version is created.`,
      );
    const beforeExpiry = rotate.find((action) => action.timeBeforeExpiry);
    if (!beforeExpiry)
      return fail(
        `${subject} has a Rotate action without a trigger (no time after creation or before expiry), so it never fires.${phiNote(resource)}`,
      );
    if (expiresOn === undefined && !rotationPolicy.expiryTime)
      return notAssessed('expiry date the rotation trigger counts from', subject);
    if (!expiresOn && !rotationPolicy.expiryTime)
      return fail(
        `${subject} rotates only ${beforeExpiry.timeBeforeExpiry} before expiry, but the key has no expiry date and the policy sets none, so it never rotates.${phiNote(resource)}`,
      );
    return pass(`${subject} rotates automatically ${beforeExpiry.timeBeforeExpiry} before it expires.`);
  },
};
