import type { Rule } from '../../../../kit';
import { fail, failurePatterns, pass, phiNote } from '../../../../kit';
import { bicepVault, KEY_VAULT, terraformVault, vaultLabel, vaultProperties } from './common';

/** 164.308(a)(4)(ii)(B), 164.312(a)(1): data-plane access is granted through Azure RBAC, not vault access policies. */
export const keyVaultRbacAuthorization: Rule = {
  id: 'azure.keyvault.rbac-authorization',
  title: 'Key vaults authorize data access with Azure RBAC',
  severity: 'low',
  severityWhenPhi: 'medium',
  exposure: 'internal',
  resourceType: KEY_VAULT,
  citations: ['164.308(a)(4)(ii)(B)', '164.312(a)(1)', '164.308(a)(4)(ii)(C)'],
  failurePattern: failurePatterns.excessiveAccess,
  rationale:
    "Access authorization (164.308(a)(4)(ii)(B)) and access establishment and modification (164.308(a)(4)(ii)(C)) need grants to keys and secrets that can be reviewed and changed through one process, and 164.312(a)(1) limits access to those granted it. With enableRbacAuthorization false the vault uses its own access policies: permissions are set per vault in the vault resource, cannot be scoped to a single key or secret, are not visible in the subscription's role-assignment reviews, do not support Privileged Identity Management or deny assignments, and anyone who may write the vault resource (Key Vault Contributor) can grant themselves data access. With Azure RBAC, data access is a role assignment like any other, reviewed and logged with the rest. ARM documents a vault that omits enableRbacAuthorization as using access policies (false).",
  remediation: {
    text: 'Recreate the access policies as role assignments (Key Vault Crypto Service Encryption User for services that wrap keys, Key Vault Secrets User for applications that read secrets, Key Vault Administrator for a small admin group, scoped to the vault or to single keys and secrets), then switch the permission model to Azure RBAC. Switching drops the access policies at once: assign the roles first.',
    bicep: bicepVault(`    enableSoftDelete: true
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    // enableRbacAuthorization: true is set in the base above`),
    terraform: terraformVault(`  enable_rbac_authorization  = true # rbac_authorization_enabled in azurerm 5.x
  soft_delete_retention_days = 90
  purge_protection_enabled   = true`),
    cli: `az role assignment create --assignee <principal-id> --role "Key Vault Secrets User" --scope "$(az keyvault show --name <vault-name> --query id -o tsv)"
az keyvault update --name <vault-name> --resource-group <resource-group> --enable-rbac-authorization true`,
  },
  evaluate(resource) {
    const { enableRbacAuthorization } = vaultProperties(resource);
    const subject = vaultLabel(resource);
    if (enableRbacAuthorization === true) return pass(`${subject} authorizes data access with Azure RBAC.`);
    const seen =
      enableRbacAuthorization === false
        ? 'enableRbacAuthorization is false'
        : 'ARM does not report enableRbacAuthorization, which it documents as false';
    return fail(
      `${subject} authorizes data access with vault access policies (${seen}): grants to its keys and secrets are outside Azure role assignments.${phiNote(resource)}`,
    );
  },
};
