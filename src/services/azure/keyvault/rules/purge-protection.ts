import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { KEY_VAULT, terraformVault, bicepVault, vaultLabel, vaultProperties } from './common';

/**
 * 164.308(a)(7)(ii)(A)/(B) and 164.312(c)(1): a deleted vault or key stays recoverable for the
 * whole retention period, whoever deleted it.
 */
export const keyVaultPurgeProtection: Rule = {
  id: 'azure.keyvault.purge-protection',
  title: 'Key vaults have purge protection enabled',
  severity: 'medium',
  severityWhenPhi: 'high',
  exposure: 'internal',
  resourceType: KEY_VAULT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(c)(1)'],
  failurePattern: failurePatterns.keysAtRiskOfDeletion,
  rationale:
    'A key vault holds the customer-managed keys that encrypt ePHI in storage accounts, databases and disks. Purging a key (or its vault) destroys the only copy, and every byte encrypted under it becomes unreadable: the ePHI is destroyed as surely as if it were deleted. Soft delete alone keeps a deleted vault recoverable, but anyone with purge permission — an attacker with a stolen admin token, a script with the wrong name — can purge it at once. Purge protection makes the retention period binding for everyone, Microsoft included, so the data backup plan (164.308(a)(7)(ii)(A)) and the disaster recovery plan (164.308(a)(7)(ii)(B)) can count on restoring the keys that restore the data, and ePHI is protected from improper destruction (164.312(c)(1)). ARM omits enablePurgeProtection on a vault that never turned it on, which this rule reads as off.',
  remediation: {
    text: 'Turn on purge protection (enablePurgeProtection: true). It is irreversible by design: the vault and its deleted keys can then only be purged by the service at the end of the soft-delete retention period, so plan vault names accordingly (a deleted protected vault keeps its name reserved until then).',
    bicep: bicepVault(`    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true`),
    terraform: terraformVault(`  soft_delete_retention_days = 90
  purge_protection_enabled   = true`),
    cli: `az keyvault update --name <vault-name> --resource-group <resource-group> --enable-purge-protection true`,
  },
  evaluate(resource) {
    const { purgeProtection, enableSoftDelete } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (purgeProtection === undefined) return notAssessed('purge protection setting', subject);
    if (!purgeProtection)
      return fail(
        `${subject} has purge protection off: a deleted vault or key can be purged before its retention period ends, destroying whatever it encrypts.${phiNote(resource)}`,
      );
    if (enableSoftDelete === false)
      return fail(
        `${subject} has purge protection on but soft delete off, so purge protection has no effect.${phiNote(resource)}`,
      );
    return pass(`${subject} has purge protection enabled.`);
  },
};
