import type { InventoryProperties } from './resource';

/**
 * Pure conversion of Resource Groups Tagging API answers into inventory resources. GetResources
 * answers ResourceTagMappingList entries of ResourceARN and Tags ({ Key, Value }); either may be
 * absent, and a resource that once had tags and has none now comes with "Tags": [].
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
    },
  };
}
