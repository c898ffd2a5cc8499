import { inventorySources, type InventoryProperties, type InventorySource } from './resource';

/**
 * Pure conversion of the three sources' answers into inventory resources, merged by ARN.
 * - Tagging API GetResources: ResourceTagMappingList entries of ResourceARN and Tags ({ Key, Value });
 *   either may be absent, and a resource that once had tags and has none now comes with "Tags": [].
 * - Resource Explorer ListResources: Resources of Arn, Region, ResourceType ('sqs:queue'), Service,
 *   OwningAccountId and Properties; tags only as the property named 'tags' (Data: [{ Key, Value }]).
 * - AWS Config SelectResourceConfig: Results, each a JSON string of the selected fields
 *   ({"resourceId","resourceName","resourceType":"AWS::SQS::Queue","arn","awsRegion","tags":[{ key, value }]}).
 */

export interface ParsedArn {
  partition: string;
  service: string;
  region: string | null;
  accountId: string | null;
  /** The resource part, as written ('table/orders', 'function:ticket-router', 'nwv-support-tickets') */
  resource: string;
  /** '<service>:<type>' */
  resourceType: string;
  /** The resource part after its type */
  name: string;
}

/**
 * Services whose ARN resource part carries no type (arn:aws:sqs:us-east-1:111122223333:queue-name):
 * the type is what the service calls the resource.
 */
const untypedResources: Readonly<Record<string, string>> = {
  sqs: 'queue',
  sns: 'topic',
  s3: 'bucket',
};

/**
 * arn:partition:service:region:account-id:resource, where the resource part is 'type/id',
 * 'type:id' or a bare id; API Gateway writes '/restapis/id'. Returns null for anything else.
 */
export function parseArn(arn: string): ParsedArn | null {
  const match = /^arn:([a-z-]+):([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/.exec(arn);
  if (!match) return null;
  const [, partition, service, region, accountId, resource] = match as unknown as [
    string,
    string,
    string,
    string,
    string | undefined,
    string,
  ];
  const trimmed = resource.replace(/^\/+/, '');
  const split = /^([^/:]+)[/:](.+)$/.exec(trimmed);
  const untyped = untypedResources[service];
  let type: string;
  let name: string;
  if (untyped !== undefined || !split) {
    type = untyped ?? 'resource';
    name = trimmed;
  } else {
    type = (split[1] as string).toLowerCase();
    name = split[2] as string;
  }
  return {
    partition,
    service,
    region: region === '' ? null : region,
    accountId: accountId ?? null,
    resource,
    resourceType: `${service}:${type}`,
    name,
  };
}

/** Tagging API tags as a record; a tag without a Key is dropped, a missing Value reads as ''. */
export function tagsFromTagging(
  tags: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined | null,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const tag of tags ?? [])
    if (typeof tag.Key === 'string' && tag.Key !== '') out[tag.Key] = tag.Value ?? '';
  return out;
}

/** One source's sighting of an ARN; tags null when the source did not say. */
export interface InventoryObservation {
  arn: string;
  source: InventorySource;
  tags: Record<string, string> | null;
  evidenceId: number;
}

/** A Resource Explorer Resource; its tags come only with the 'tags' property. */
export function observeExplorerResource(
  resource: {
    Arn?: string | undefined;
    Properties?: readonly { Name?: string | undefined; Data?: unknown }[] | undefined;
  },
  evidenceId: number,
): InventoryObservation | null {
  if (typeof resource.Arn !== 'string') return null;
  const property = (resource.Properties ?? []).find((each) => each.Name === 'tags');
  const tags = Array.isArray(property?.Data)
    ? tagsFromTagging(
        (property.Data as unknown[]).filter(
          (each): each is { Key?: string; Value?: string } => typeof each === 'object' && each !== null,
        ),
      )
    : null;
  return { arn: resource.Arn, source: 'resource-explorer', tags, evidenceId };
}

/** One SelectResourceConfig result (a JSON string); null when it is not JSON or has no ARN. */
export function observeConfigResult(result: string, evidenceId: number): InventoryObservation | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(result);
  } catch {
    // Not JSON: nothing to list from it (the evidence keeps the answer as returned).
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { arn, tags } = parsed as { arn?: unknown; tags?: unknown };
  if (typeof arn !== 'string') return null;
  const out: Record<string, string> = {};
  if (Array.isArray(tags))
    for (const tag of tags as { key?: unknown; value?: unknown }[])
      if (typeof tag?.key === 'string' && tag.key !== '')
        out[tag.key] = typeof tag.value === 'string' ? tag.value : '';
  return { arn, source: 'config', tags: Array.isArray(tags) ? out : null, evidenceId };
}

/** One tagging API ResourceTagMapping. */
export function observeTagMapping(
  mapping: {
    ResourceARN?: string | undefined;
    Tags?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined;
  },
  evidenceId: number,
): InventoryObservation | null {
  if (typeof mapping.ResourceARN !== 'string') return null;
  return { arn: mapping.ResourceARN, source: 'tagging', tags: tagsFromTagging(mapping.Tags), evidenceId };
}

/** Whose tags count when several sources say: the tagging API's, then Config's, then Resource Explorer's. */
const tagPreference: readonly InventorySource[] = ['tagging', 'config', 'resource-explorer'];

/**
 * One entry per parseable ARN, with every source that listed it (in inventorySources order) and
 * the evidence of each sighting, in the order first seen.
 */
export function mergeInventory(
  observations: readonly InventoryObservation[],
  listedIn: string,
): (InventoryEntry & { evidenceIds: number[] })[] {
  const byArn = new Map<string, InventoryObservation[]>();
  for (const each of observations) byArn.set(each.arn, [...(byArn.get(each.arn) ?? []), each]);
  return [...byArn].flatMap(([arn, seen]) => {
    const sources = inventorySources.filter((source) => seen.some((each) => each.source === source));
    const tags =
      tagPreference
        .map((source) => seen.find((each) => each.source === source && each.tags !== null)?.tags)
        .find((each) => each !== undefined && each !== null) ?? {};
    const entry = inventoryEntry(
      { ResourceARN: arn, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
      listedIn,
      sources,
    );
    return entry ? [{ ...entry, evidenceIds: [...new Set(seen.map((each) => each.evidenceId))] }] : [];
  });
}

export interface InventoryEntry {
  arn: string;
  name: string;
  /** Where the resource is: the ARN's region, else the region that listed it */
  region: string;
  tags: Record<string, string>;
  properties: InventoryProperties;
}

/** One ResourceTagMapping listed by the GetResources endpoint of `listedIn`; null without a parseable ARN. */
export function inventoryEntry(
  mapping: {
    ResourceARN?: string | undefined;
    Tags?: readonly { Key?: string | undefined; Value?: string | undefined }[] | undefined;
  },
  listedIn: string,
  sources: readonly InventorySource[] = ['tagging'],
): InventoryEntry | null {
  const arn = mapping.ResourceARN;
  if (typeof arn !== 'string') return null;
  const parsed = parseArn(arn);
  if (!parsed) return null;
  const tags = tagsFromTagging(mapping.Tags);
  return {
    arn,
    name: parsed.name,
    region: parsed.region ?? listedIn,
    tags,
    properties: {
      arn,
      partition: parsed.partition,
      service: parsed.service,
      resourceType: parsed.resourceType,
      region: parsed.region,
      accountId: parsed.accountId,
      listedIn,
      tags,
      sources: [...sources],
    },
  };
}
