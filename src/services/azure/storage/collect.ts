import type { AzureCollectContext, NormalizedResource } from '../../../kit';
import { normalizeStorageAccount, type ArmStorageAccount } from './normalize';
import { ops } from './operations';
import { storageAccount } from './resource';

/**
 * Storage accounts of one subscription, every page of the ARM list. Resources are built from the
 * raw ARM JSON the evidence stores, so evidence and resource agree.
 */
export async function collectStorageAccounts(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listAccounts);
  const resources: NormalizedResource[] = [];
  for (const { item, evidenceId } of listed.items) {
    const account = normalizeStorageAccount(item as ArmStorageAccount);
    if (!account) continue;
    resources.push(
      ctx.resource({
        type: storageAccount.type,
        nativeId: account.id,
        name: account.name,
        region: account.location,
        tags: account.tags,
        properties: { ...account.properties },
        evidenceIds: [evidenceId],
      }),
    );
  }
  return resources;
}
