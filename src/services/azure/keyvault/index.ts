import { defineService } from '../../../kit';
import { collectKeyVaults } from './collect';
import { ops } from './operations';
import { keyVault, keyVaultKey } from './resource';
import { keyVaultKeyExpiry } from './rules/key-expiry';
import { keyVaultKeyRotation } from './rules/key-rotation';
import { keyVaultPurgeProtection } from './rules/purge-protection';
import { keyVaultSoftDeleteRetention } from './rules/soft-delete-retention';
import { keyVaultSim } from './sim';

/** Azure Key Vault: vaults by subscription, their keys and each key's rotation policy, all through ARM. */
export const keyvault = defineService({
  id: 'azure.keyvault',
  provider: 'azure',
  service: 'keyvault',
  title: 'Azure Key Vault',
  hipaaListName: 'Key Vault',
  namespace: 'Microsoft.KeyVault',
  scope: 'global',
  operations: Object.values(ops),
  resources: [keyVault, keyVaultKey],
  rules: [keyVaultPurgeProtection, keyVaultSoftDeleteRetention, keyVaultKeyRotation, keyVaultKeyExpiry],
  collect: collectKeyVaults,
  sim: keyVaultSim,
});
