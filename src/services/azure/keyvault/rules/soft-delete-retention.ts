import type { Rule } from '../../../../kit';
import { fail, failurePatterns, notAssessed, pass, phiNote } from '../../../../kit';
import { bicepVault, KEY_VAULT, terraformVault, vaultLabel, vaultProperties } from './common';

/** Minimum soft-delete retention for a PHI vault: Azure's maximum and default. */
export const PHI_MIN_RETENTION_DAYS = 90;
/** Minimum for any other vault: one monthly review cycle. */
export const MIN_RETENTION_DAYS = 30;

/** 164.308(a)(7)(ii)(A)/(B) and 164.312(c)(1): deleted keys stay recoverable long enough to notice. */
export const keyVaultSoftDeleteRetention: Rule = {
  id: 'azure.keyvault.soft-delete-retention',
  title: 'Key vaults keep deleted vaults and keys recoverable long enough (soft delete retention)',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: KEY_VAULT,
  citations: ['164.308(a)(7)(ii)(A)', '164.308(a)(7)(ii)(B)', '164.312(c)(1)'],
  failurePattern: failurePatterns.keysAtRiskOfDeletion,
  rationale: `Soft delete keeps a deleted vault, key, secret or certificate recoverable for softDeleteRetentionInDays (7 to 90 days; ARM's default, 90, applies when a vault does not report it). Soft delete has been on by default since 2019 and mandatory on every vault since February 2025, so a vault that reports enableSoftDelete false is a legacy exception and fails; one that does not report it is read as on. The retention period is the window in which a deletion must be noticed: a key deleted by mistake or by an intruder is found at the next review of vault activity, and after the window its ePHI is unrecoverable. The data backup plan (164.308(a)(7)(ii)(A)) and disaster recovery plan (164.308(a)(7)(ii)(B)) must be able to restore the keys that decrypt ePHI, and 164.312(c)(1) asks that ePHI be protected from improper destruction. This rule therefore asks for the full ${PHI_MIN_RETENTION_DAYS} days on vaults classified as PHI — Azure's maximum, costing nothing while nothing is deleted, and covering a quarterly review — and at least ${MIN_RETENTION_DAYS} days (one monthly review cycle) on other vaults.`,
  remediation: {
    text: `Keep soft delete on with ${PHI_MIN_RETENTION_DAYS} days of retention on every vault that holds keys for ePHI (at least ${MIN_RETENTION_DAYS} elsewhere). Azure sets the retention when the vault is created and may refuse to change it on an existing vault; if it does, create a replacement vault with ${PHI_MIN_RETENTION_DAYS} days and purge protection, move the keys (backup and restore within the same Azure geography, or new keys and re-encryption), and repoint the services that use them.`,
    bicep: bicepVault(`    enableSoftDelete: true
    softDeleteRetentionInDays: ${PHI_MIN_RETENTION_DAYS}
    enablePurgeProtection: true`),
    terraform: terraformVault(`  soft_delete_retention_days = ${PHI_MIN_RETENTION_DAYS}
  purge_protection_enabled   = true`),
    cli: `# Show the current settings:
az keyvault show --name <vault-name> --query "{softDelete:properties.enableSoftDelete, retentionDays:properties.softDeleteRetentionInDays, purgeProtection:properties.enablePurgeProtection}"
# Create the replacement vault when the retention of an existing vault cannot be changed:
az keyvault create --name <new-vault-name> --resource-group <resource-group> --location <location> --retention-days ${PHI_MIN_RETENTION_DAYS} --enable-purge-protection true --enable-rbac-authorization true`,
  },
  evaluate(resource) {
    const { enableSoftDelete, softDeleteRetentionInDays: days } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (enableSoftDelete === undefined || days === undefined)
      return notAssessed('soft delete settings', subject);
    if (enableSoftDelete === false)
      return fail(
        `${subject} has soft delete off: a deleted vault and its keys are gone at once, with everything they encrypt.${phiNote(resource)}`,
      );
    const minimum = resource.phi ? PHI_MIN_RETENTION_DAYS : MIN_RETENTION_DAYS;
    const scope = resource.phi ? 'for a PHI vault' : 'for a vault';
    const reported =
      enableSoftDelete === null
        ? ' (ARM did not report enableSoftDelete; soft delete is mandatory since February 2025)'
        : '';
    if (days < minimum)
      return fail(
        `${subject} keeps deleted vaults and keys for ${days} days, below the ${minimum} days required ${scope}.${phiNote(resource)}`,
      );
    return pass(`${subject} keeps deleted vaults and keys recoverable for ${days} days${reported}.`);
  },
};
