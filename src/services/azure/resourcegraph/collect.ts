import type { AzureCollectContext, NormalizedResource } from '../../../kit';
import { graphEntry, type GraphRow } from './normalize';
import { ops } from './operations';
import { graphResource } from './resource';

/**
 * The query: every resource of the subscription with the columns the inventory needs, ordered by
 * id (Resource Graph pages in a stable order only when id is projected).
 */
export const INVENTORY_QUERY =
  'Resources | project id, name, type, location, resourceGroup, subscriptionId, tags | order by id asc';

/** Rows per page: Resource Graph allows $top 1–1000. */
const PAGE_SIZE = 1000;

/**
 * Every resource of one subscription through Resource Graph, every page (options.$skipToken from
 * the answer's $skipToken). A failed page is a coverage gap; rows of the pages before it are kept.
 */
export async function collectGraphResources(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const result = await ctx.query(ops.query, {
    subscriptions: [ctx.subscriptionId],
    query: INVENTORY_QUERY,
    options: { resultFormat: 'objectArray', $top: PAGE_SIZE },
  });
  const seen = new Set<string>();
  return result.items.flatMap(({ item, evidenceId }) => {
    const entry = graphEntry(item as GraphRow);
    if (!entry || seen.has(entry.id.toLowerCase())) return [];
    seen.add(entry.id.toLowerCase());
    return [
      ctx.resource({
        type: graphResource.type,
        nativeId: entry.id,
        name: entry.name,
        region: entry.location ?? 'global',
        tags: entry.tags,
        properties: { ...entry.properties },
        evidenceIds: [evidenceId],
      }),
    ];
  });
}
