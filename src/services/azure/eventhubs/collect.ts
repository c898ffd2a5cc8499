import { mapWithConcurrency, type AzureCollectContext, type NormalizedResource } from '../../../kit';
import { normalizeNamespace, normalizeNetworkRuleSet, type ArmResource } from './normalize';
import { ops } from './operations';
import { eventHubNamespace } from './resource';

/** Namespaces in flight at once; ctx schedules every call within the run's limits as well. */
const PARALLEL = 8;

/**
 * Event Hubs namespaces of one subscription (every page of Namespaces_List), then each
 * namespace's network rule set. A failed rule-set read is a coverage gap naming the namespace; the
 * namespace is still assessed on what the list said.
 */
export async function collectEventHubNamespaces(ctx: AzureCollectContext): Promise<NormalizedResource[]> {
  const listed = await ctx.list(ops.listNamespaces);
  const resources = await mapWithConcurrency(listed.items, PARALLEL, async ({ item, evidenceId }) => {
    const entry = item as ArmResource;
    const first = normalizeNamespace(entry);
    if (!first) return null;
    const rules = await ctx.get(
      ops.getNetworkRuleSet,
      { resourceGroupName: first.properties.resourceGroup, namespaceName: first.name },
      { region: first.location, subject: `namespace ${first.name}` },
    );
    const namespace =
      rules.status === 'ok'
        ? (normalizeNamespace(entry, normalizeNetworkRuleSet(rules.body)) ?? first)
        : first;
    return ctx.resource({
      type: eventHubNamespace.type,
      nativeId: namespace.id,
      name: namespace.name,
      region: namespace.location,
      tags: namespace.tags,
      properties: { ...namespace.properties },
      evidenceIds: [evidenceId, ...(rules.status === 'gap' ? [] : [rules.evidenceId])],
    });
  });
  return resources.filter((each): each is NormalizedResource => each !== null);
}
