import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import { normalizeVault, type ArmResource } from './normalize';
import { ops } from './operations';
import { recoveryVault } from './resource';

const PARALLEL = 8;

/** Recovery Services vaults of one subscription and each vault's backup storage config. */
export async function collectBackup(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listVaults);
  const vaults = await mapWithConcurrency(listed.items, PARALLEL, async ({ item, evidenceId }) => {
    const entry = item as ArmResource;
    const first = normalizeVault(entry);
    if (!first) return null;
    const config = await ctx.get(
      ops.getStorageConfig,
      { resourceGroupName: first.properties.resourceGroup, vaultName: first.name },
      { region: first.location, subject: `vault ${first.name}` },
    );
    const vault = config.status === 'ok' ? (normalizeVault(entry, config.body) ?? first) : first;
    return ctx.resource({
      type: recoveryVault.type,
      nativeId: vault.id,
      name: vault.name,
      region: vault.location,
      tags: vault.tags,
      properties: { ...vault.properties },
      evidenceIds: [evidenceId, ...(config.status === 'ok' ? [config.evidenceId] : [])],
    });
  });
  return vaults.filter((each): each is NormalizedResource => each !== null);
}
