import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import { normalizeKey, normalizeVault, type ArmKey, type ArmVault, type NormalizedVault } from './normalize';
import { ops } from './operations';
import { keyVault, keyVaultKey } from './resource';

/** Vaults and keys in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

async function collectVaultKeys(
  ctx: AzureCollectContext,
  vault: NormalizedVault,
  vaultEvidenceId: number,
): Promise<NormalizedResource[]> {
  const params = { resourceGroupName: vault.properties.resourceGroup, vaultName: vault.name };
  const subject = `vault ${vault.name}`;
  // A failed page is a coverage gap; keys of the pages before it are still assessed.
  const listed = await ctx.list(ops.listKeys, params, { region: vault.location, subject });
  const keys = await mapWithConcurrency(listed.items, PARALLEL, async ({ item, evidenceId }) => {
    const entry = item as ArmKey;
    const keyName = typeof entry.name === 'string' ? entry.name : '';
    if (!keyName) return null;
    // Keys_List carries attributes only; the rotation policy comes with Keys_Get.
    const detail = await ctx.get(
      ops.getKey,
      { ...params, keyName },
      { region: vault.location, subject: `key ${keyName} in ${subject}` },
    );
    const key = normalizeKey(
      {
        listed: entry,
        ...(detail.status === 'ok' ? { detail: detail.body as ArmKey } : {}),
        apiVersion: ops.getKey.apiVersion,
      },
      vault,
    );
    if (!key) return null;
    return ctx.resource({
      type: keyVaultKey.type,
      nativeId: key.id,
      name: key.name,
      region: key.location,
      tags: key.tags,
      properties: { ...key.properties },
      // The vault's answer is evidence too: the key's inherited tags come from it.
      evidenceIds: [vaultEvidenceId, evidenceId, ...(detail.status === 'ok' ? [detail.evidenceId] : [])],
    });
  });
  return keys.filter((key): key is NormalizedResource => key !== null);
}

/**
 * Key vaults of one subscription (every page of Vaults_ListBySubscription), then each vault's keys
 * (Keys_List) and each key's rotation policy (Keys_Get). Resources are built from the raw ARM JSON
 * the evidence stores, so evidence and resource agree.
 */
export async function collectKeyVaults(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listVaults);
  const vaults = listed.items.flatMap(({ item, evidenceId }) => {
    const vault = normalizeVault(item as ArmVault);
    return vault ? [{ vault, evidenceId }] : [];
  });
  const perVault = await mapWithConcurrency(vaults, PARALLEL, async ({ vault, evidenceId }) => [
    ctx.resource({
      type: keyVault.type,
      nativeId: vault.id,
      name: vault.name,
      region: vault.location,
      tags: vault.tags,
      properties: { ...vault.properties },
      evidenceIds: [evidenceId],
    }),
    ...(await collectVaultKeys(ctx, vault, evidenceId)),
  ]);
  return perVault.flat();
}
