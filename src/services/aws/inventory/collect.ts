import type { AwsCollectContext, NormalizedResource } from '../../../kit';
import { inventoryEntry } from './normalize';
import { ops } from './operations';
import { inventoryResource } from './resource';

/** GetResources takes ResourcesPerPage from 1 to 100. */
const resourcesPerPage = 100;

/**
 * Every tagged (or once-tagged) resource of one region: GetResources without filters, paged with
 * PaginationToken (the last page answers an empty token). A failed page is a coverage gap; the
 * resources of the pages before it are still listed.
 */
export async function collectInventory(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const { pages } = await ctx.pages(
    ops.getResources.command,
    { ResourcesPerPage: resourcesPerPage },
    { inputToken: 'PaginationToken', outputToken: 'PaginationToken' },
  );
  const seen = new Set<string>();
  return pages.flatMap((page) =>
    (page.output.ResourceTagMappingList ?? []).flatMap((mapping) => {
      const entry = inventoryEntry(mapping, ctx.region);
      if (!entry || seen.has(entry.arn)) return [];
      seen.add(entry.arn);
      return [
        ctx.resource({
          type: inventoryResource.type,
          nativeId: entry.arn,
          name: entry.name,
          region: entry.region,
          tags: entry.tags,
          properties: { ...entry.properties },
          evidenceIds: [page.evidenceId],
        }),
      ];
    }),
  );
}
