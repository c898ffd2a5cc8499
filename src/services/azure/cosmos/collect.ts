import type { AzureCollectContext, NormalizedResource } from '../../../kit';
import { normalizeAccount, type ArmAccount } from './normalize';
import { ops } from './operations';
import { cosmosAccount } from './resource';

/**
 * Cosmos DB accounts of one subscription (every page of DatabaseAccounts_List): the list carries
 * network, TLS, local authentication, key, replication and backup settings, so one read per page
 * is all. Resources are built from the raw ARM JSON the evidence stores.
 */
export async function collectCosmosAccounts(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listAccounts);
  return listed.items.flatMap(({ item, evidenceId }) => {
    const account = normalizeAccount(item as ArmAccount);
    if (!account) return [];
    return [
      ctx.resource({
        type: cosmosAccount.type,
        nativeId: account.id,
        name: account.name,
        region: account.location,
        tags: account.tags,
        properties: { ...account.properties },
        evidenceIds: [evidenceId],
      }),
    ];
  });
}
