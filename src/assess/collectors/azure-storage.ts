import { callAzure } from '../../cloud/azure/call';
import { azureClientsOf } from '../../cloud/azure/clients';
import type { Collector, CollectorContext, DeclaredOperation, NormalizedResource } from '../../kit/model';
import { normalizeStorageAccount, type ArmStorageAccount } from './azure-storage-normalize';

export const storageOperations = [
  {
    provider: 'azure',
    method: 'GET',
    path: '/subscriptions/{subscriptionId}/providers/Microsoft.Storage/storageAccounts',
    permission: 'Microsoft.Storage/storageAccounts/read',
  },
] as const satisfies readonly DeclaredOperation[];

/**
 * Storage accounts of one subscription, every page of the ARM list. Resources are built from the
 * raw ARM JSON the evidence stores (not the SDK's remapped models), so evidence and resource agree.
 */
export async function collectStorageAccounts(ctx: CollectorContext): Promise<NormalizedResource[]> {
  const clients = azureClientsOf(ctx.connection);
  const result = await callAzure(
    ctx,
    {
      service: 'storage',
      operation: 'StorageAccounts_List',
      region: 'global',
      timeoutMs: clients.requestTimeoutMs,
    },
    async (scope) => {
      for await (const _page of clients.storage(scope).storageAccounts.list().byPage()) {
        // Iterating only drives the pager: the call scope captures each page's raw ARM body.
      }
    },
  );
  const resources: NormalizedResource[] = [];
  for (const page of result.pages) {
    const value = (page.body as { value?: unknown } | null)?.value;
    for (const raw of Array.isArray(value) ? (value as ArmStorageAccount[]) : []) {
      const account = normalizeStorageAccount(raw);
      if (!account) continue;
      resources.push({
        provider: 'azure',
        type: 'azure.storage.account',
        nativeId: account.id,
        name: account.name,
        scopeId: ctx.connection.target.scopeId,
        region: account.location,
        tags: account.tags,
        properties: { ...account.properties },
        phi: false,
        phiReason: null,
        evidenceIds: [page.evidenceId],
      });
    }
  }
  return resources;
}

export const azureStorageCollector: Collector = {
  id: 'azure.storage',
  provider: 'azure',
  service: 'storage',
  scope: 'global',
  operations: storageOperations,
  resourceTypes: ['azure.storage.account'],
  collect: collectStorageAccounts,
};
