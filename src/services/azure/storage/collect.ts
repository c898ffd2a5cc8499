import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import {
  blobDiagnosticSettingsOf,
  normalizeBlobService,
  normalizeStorageAccount,
  publicContainersOf,
  type ArmStorageAccount,
  type NormalizedStorageAccount,
} from './normalize';
import { ops } from './operations';
import { storageAccount, type StorageAccountProperties } from './resource';

/** Accounts in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

/** FileStorage accounts (premium file shares) have no blob service to read. */
export function hasBlobService(kind: string): boolean {
  return kind !== 'FileStorage';
}

/**
 * The blob service of one account: its soft delete and versioning, its containers' public access
 * level and its diagnostic settings. A failed read leaves its properties absent (not assessed).
 */
async function collectBlobService(
  ctx: AzureCollectContext,
  account: NormalizedStorageAccount,
): Promise<{ properties: Partial<StorageAccountProperties>; evidenceIds: number[] }> {
  const params = { resourceGroupName: account.properties.resourceGroup, accountName: account.name };
  const options = { region: account.location, subject: `storage account ${account.name}` };
  const [service, containers, diagnostics] = await Promise.all([
    ctx.get(ops.getBlobService, params, options),
    ctx.list(ops.listContainers, params, options),
    ctx.list(ops.listBlobDiagnosticSettings, params, options),
  ]);
  const evidenceIds = [
    ...(service.status === 'ok' ? [service.evidenceId] : []),
    ...containers.pages.map((page) => page.evidenceId),
    ...diagnostics.pages.map((page) => page.evidenceId),
  ];
  const listed = (result: typeof containers) => result.items.map(({ item }) => item);
  return {
    evidenceIds,
    properties: {
      ...(service.status === 'ok' ? { blobService: normalizeBlobService(service.body) } : {}),
      // A partial container list cannot show that no container is public: all pages or nothing.
      ...(containers.status === 'ok'
        ? {
            publicContainers: publicContainersOf(listed(containers)),
            containerCount: containers.items.length,
          }
        : {}),
      ...(diagnostics.status === 'ok'
        ? { blobDiagnostics: { settings: blobDiagnosticSettingsOf(listed(diagnostics)) } }
        : {}),
    },
  };
}

/**
 * Storage accounts of one subscription, every page of the ARM list, then each account's blob
 * service (properties, containers, diagnostic settings). Resources are built from the raw ARM JSON
 * the evidence stores, so evidence and resource agree.
 */
export async function collectStorageAccounts(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listAccounts);
  const accounts = listed.items.flatMap(({ item, evidenceId }) => {
    const account = normalizeStorageAccount(item as ArmStorageAccount);
    return account ? [{ account, evidenceId }] : [];
  });
  return mapWithConcurrency(accounts, PARALLEL, async ({ account, evidenceId }) => {
    const blob = hasBlobService(account.properties.kind)
      ? await collectBlobService(ctx, account)
      : { properties: {}, evidenceIds: [] };
    return ctx.resource({
      type: storageAccount.type,
      nativeId: account.id,
      name: account.name,
      region: account.location,
      tags: account.tags,
      properties: { ...account.properties, ...blob.properties },
      evidenceIds: [evidenceId, ...blob.evidenceIds],
    });
  });
}
