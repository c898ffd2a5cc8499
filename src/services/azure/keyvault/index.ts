import { defineService } from '../../../kit';
import { collectKeyVaults } from './collect';
import { ops } from './operations';
import { keyVault, keyVaultKey, keyVaultSecret } from './resource';
import { keyVaultDiagnosticLogging } from './rules/diagnostic-logging';
import { keyVaultNetworkAccess } from './rules/network-access';
import { keyVaultRbacAuthorization } from './rules/rbac-authorization';
import { keyVaultSecretExpiry } from './rules/secret-expiry';
import { keyVaultKeyExpiry } from './rules/key-expiry';
import { keyVaultKeyRotation } from './rules/key-rotation';
import { keyVaultPurgeProtection } from './rules/purge-protection';
import { keyVaultSoftDeleteRetention } from './rules/soft-delete-retention';
import { keyVaultSim } from './sim';

/** Azure Key Vault: vaults by subscription, their keys and each key's rotation policy, their secrets' attributes (never values) and their diagnostic settings, all through ARM. */
export const keyvault = defineService({
  id: 'azure.keyvault',
  provider: 'azure',
  service: 'keyvault',
  title: 'Azure Key Vault',
  hipaaListName: 'Key Vault',
  namespace: 'Microsoft.KeyVault',
  scope: 'global',
  operations: Object.values(ops),
  resources: [keyVault, keyVaultKey, keyVaultSecret],
  rules: [
    keyVaultPurgeProtection,
    keyVaultSoftDeleteRetention,
    keyVaultKeyRotation,
    keyVaultKeyExpiry,
    keyVaultSecretExpiry,
    keyVaultRbacAuthorization,
    keyVaultNetworkAccess,
    keyVaultDiagnosticLogging,
  ],
  collect: collectKeyVaults,
  sim: keyVaultSim,
});
