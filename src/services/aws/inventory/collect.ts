import type { AwsCollectContext, NormalizedResource } from '../../../kit';
import {
  mergeInventory,
  observeConfigResult,
  observeExplorerResource,
  observeTagMapping,
  type InventoryObservation,
} from './normalize';
import { ops } from './operations';
import { inventoryResource } from './resource';

/** GetResources takes ResourcesPerPage 1–100; SelectResourceConfig Limit 0–100; ListResources MaxResults 1–1000. */
const perPage = 100;

/** What an AWS Config advanced query selects: identity, type, place and tags, never configuration. */
export const configInventoryQuery = 'SELECT resourceId, resourceName, resourceType, arn, awsRegion, tags';

/**
 * Resource Explorer: ListIndexes says whether this region has an index (and whether the account
 * has an aggregator); without one, nothing more is asked and the ListIndexes evidence records it.
 * With one, ListResources through the region's default view, filtered to this region (an
 * aggregator's view answers every region; each region task lists its own), and to region-less
 * resources ('global') in the home region, where the tagging API lists them too.
 */
async function fromResourceExplorer(ctx: AwsCollectContext): Promise<InventoryObservation[]> {
  const indexes = await ctx.pages(
    ops.listIndexes.command,
    {},
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  if (!indexes.complete) return [];
  const here = indexes.pages
    .flatMap((page) => page.output.Indexes ?? [])
    .find((index) => index.Region === ctx.region);
  if (!here) return [];
  const filter =
    ctx.region === ctx.homeRegion ? `region:${ctx.region} region:global` : `region:${ctx.region}`;
  const { pages } = await ctx.pages(
    ops.listResources.command,
    { MaxResults: perPage, Filters: { FilterString: filter } },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  return pages.flatMap((page) =>
    (page.output.Resources ?? []).flatMap((resource) => {
      const seen = observeExplorerResource(resource, page.evidenceId);
      return seen ? [seen] : [];
    }),
  );
}

/**
 * AWS Config: DescribeConfigurationRecorderStatus says whether a recorder is recording in this
 * region; without one, nothing more is asked. With one, an advanced query of the recorded resources.
 */
async function fromConfig(ctx: AwsCollectContext): Promise<InventoryObservation[]> {
  const status = await ctx.call(ops.describeConfigurationRecorderStatus.command, {});
  if (status.status !== 'ok') return [];
  const recording = (status.output.ConfigurationRecordersStatus ?? []).some(
    (each) => each.recording === true,
  );
  if (!recording) return [];
  const { pages } = await ctx.pages(
    ops.selectResourceConfig.command,
    { Expression: configInventoryQuery, Limit: perPage },
    { inputToken: 'NextToken', outputToken: 'NextToken' },
  );
  return pages.flatMap((page) =>
    (page.output.Results ?? []).flatMap((result) => {
      const seen = observeConfigResult(result, page.evidenceId);
      return seen ? [seen] : [];
    }),
  );
}

/** The tagging API: GetResources without filters, paged with PaginationToken (empty on the last page). */
async function fromTagging(ctx: AwsCollectContext): Promise<InventoryObservation[]> {
  const { pages } = await ctx.pages(
    ops.getResources.command,
    { ResourcesPerPage: perPage },
    { inputToken: 'PaginationToken', outputToken: 'PaginationToken' },
  );
  return pages.flatMap((page) =>
    (page.output.ResourceTagMappingList ?? []).flatMap((mapping) => {
      const seen = observeTagMapping(mapping, page.evidenceId);
      return seen ? [seen] : [];
    }),
  );
}

/**
 * Every resource of one region that any source lists, one record per ARN with the sources that
 * saw it. A failed call is a coverage gap of its source (the pages before it are still listed); the
 * other sources still run. A source that is not set up here (no index, no recorder) lists nothing.
 */
export async function collectInventory(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const observations = [
    ...(await fromResourceExplorer(ctx)),
    ...(await fromConfig(ctx)),
    ...(await fromTagging(ctx)),
  ];
  return mergeInventory(observations, ctx.region).map((entry) =>
    ctx.resource({
      type: inventoryResource.type,
      nativeId: entry.arn,
      name: entry.name,
      region: entry.region,
      tags: entry.tags,
      properties: { ...entry.properties },
      evidenceIds: entry.evidenceIds,
    }),
  );
}
