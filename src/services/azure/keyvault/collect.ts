import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  normalizeKey,
  normalizeSecret,
  normalizeVault,
  vaultDiagnosticSettingsOf,
  type ArmKey,
  type ArmVault,
  type NormalizedVault,
} from './normalize';
import { ops } from './operations';
import { keyVault, keyVaultKey, keyVaultSecret } from './resource';

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

/** Each secret of a vault, as Secrets_List lists it through ARM: attributes only, never a value. */
async function collectVaultSecrets(
  ctx: AzureCollectContext,
  vault: NormalizedVault,
  vaultEvidenceId: number,
): Promise<NormalizedResource[]> {
  const params = { resourceGroupName: vault.properties.resourceGroup, vaultName: vault.name };
  // A failed page is a coverage gap; secrets of the pages before it are still assessed.
  const listed = await ctx.list(ops.listSecrets, params, {
    region: vault.location,
    subject: `vault ${vault.name}`,
  });
  return listed.items.flatMap(({ item, evidenceId }) => {
    const secret = normalizeSecret(item as ArmKey, vault);
    if (!secret) return [];
    return [
      ctx.resource({
        type: keyVaultSecret.type,
        nativeId: secret.id,
        name: secret.name,
        region: secret.location,
        tags: secret.tags,
        properties: { ...secret.properties },
        evidenceIds: [vaultEvidenceId, evidenceId],
      }),
    ];
  });
}

/** The vault's diagnostic settings; absent (not assessed) when the read failed. */
async function collectVaultDiagnostics(
  ctx: AzureCollectContext,
  vault: NormalizedVault,
): Promise<{
  diagnostics?: NonNullable<NormalizedVault['properties']['diagnostics']>;
  evidenceIds: number[];
}> {
  const params = { resourceGroupName: vault.properties.resourceGroup, vaultName: vault.name };
  const listed = await ctx.list(ops.listDiagnosticSettings, params, {
    region: vault.location,
    subject: `vault ${vault.name}`,
  });
  const evidenceIds = listed.pages.map((page) => page.evidenceId);
  if (listed.status !== 'ok') return { evidenceIds };
  return {
    diagnostics: { settings: vaultDiagnosticSettingsOf(listed.items.map(({ item }) => item)) },
    evidenceIds,
  };
}

/**
 * Key vaults of one subscription (every page of Vaults_ListBySubscription), then each vault's keys
 * (Keys_List) and each key's rotation policy (Keys_Get), its secrets' attributes (Secrets_List, no
 * value) and its diagnostic settings. Resources are built from the raw ARM JSON
 * the evidence stores, so evidence and resource agree.
 */
export async function collectKeyVaults(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listVaults);
  const vaults = listed.items.flatMap(({ item, evidenceId }) => {
    const vault = normalizeVault(item as ArmVault);
    return vault ? [{ vault, evidenceId }] : [];
  });
  const perVault = await mapWithConcurrency(vaults, PARALLEL, async ({ vault, evidenceId }) => {
    const [logging, keys, secrets] = await Promise.all([
      collectVaultDiagnostics(ctx, vault),
      collectVaultKeys(ctx, vault, evidenceId),
      collectVaultSecrets(ctx, vault, evidenceId),
    ]);
    return [
      ctx.resource({
        type: keyVault.type,
        nativeId: vault.id,
        name: vault.name,
        region: vault.location,
        tags: vault.tags,
        properties: {
          ...vault.properties,
          ...(logging.diagnostics ? { diagnostics: logging.diagnostics } : {}),
        },
        evidenceIds: [evidenceId, ...logging.evidenceIds],
      }),
      ...keys,
      ...secrets,
    ];
  });
  return perVault.flat();
}
