import { defineService } from '../../../kit';
import { collectCosmosAccounts } from './collect';
import { ops } from './operations';
import { cosmosAccount } from './resource';
import { cosmosAllowsAllAzure } from './rules/allows-all-azure';
import { cosmosBackupRegion } from './rules/backup-region';
import { cosmosCustomerManagedKey } from './rules/customer-managed-key';
import { cosmosLocalAuth } from './rules/local-auth';
import { cosmosMinTls } from './rules/min-tls';
import { cosmosOpenToInternet } from './rules/open-to-internet';
import { cosmosReplicaRegion } from './rules/replica-region';
import { cosmosSim } from './sim';

/** Azure Cosmos DB: database accounts by subscription, one ARM list (no keys, no data plane). */
export const cosmos = defineService({
  id: 'azure.cosmos',
  provider: 'azure',
  service: 'cosmos',
  title: 'Azure Cosmos DB',
  hipaaListName: 'Azure Cosmos DB',
  namespace: 'Microsoft.DocumentDB',
  scope: 'global',
  operations: Object.values(ops),
  resources: [cosmosAccount],
  rules: [
    cosmosMinTls,
    cosmosOpenToInternet,
    cosmosAllowsAllAzure,
    cosmosLocalAuth,
    cosmosCustomerManagedKey,
    cosmosReplicaRegion,
    cosmosBackupRegion,
  ],
  collect: collectCosmosAccounts,
  sim: cosmosSim,
});
