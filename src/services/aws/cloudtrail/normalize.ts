import type {
  AdvancedEventSelector,
  EventSelector,
  GetTrailStatusCommandOutput,
  ResourceTag,
  Trail,
} from '@aws-sdk/client-cloudtrail';
import type { CloudTrailTrailProperties, S3DataEventSelector } from './resource';

/** Pure conversions from CloudTrail API answers, kept apart from the calls so they can be tested on plain objects. */

type S3Scope = S3DataEventSelector['resources'][number];

export function accountTrailsArn(partition: string, accountId: string): string {
  return `arn:${partition}:cloudtrail::${accountId}:account-trails`;
}

/** The region of a trail ARN (arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail), or null. */
export function regionOfTrailArn(arn: string): string | null {
  const match = /^arn:[a-z-]+:cloudtrail:([a-z0-9-]+):\d{12}:trail\/.+$/.exec(arn);
  return match?.[1] ?? null;
}

/**
 * DescribeTrails' Trail → the facts the rules read. KmsKeyId and CloudWatchLogsLogGroupArn are left
 * out of the answer when unset; the booleans are always present in practice but optional in the
 * model, so an absent one stays absent here (not assessed) rather than becoming false.
 */
export type TrailFacts = Omit<
  CloudTrailTrailProperties,
  'isLogging' | 'latestDeliveryError' | 's3DataEvents' | 'tagsCollected'
>;

export function trailFrom(trail: Trail): TrailFacts | null {
  const trailArn = trail.TrailARN;
  const homeRegion = trail.HomeRegion ?? (trailArn ? regionOfTrailArn(trailArn) : null);
  if (!trailArn || !homeRegion) return null;
  const flag = (value: boolean | undefined) => (typeof value === 'boolean' ? value : undefined);
  const properties: TrailFacts = {
    trailArn,
    homeRegion,
    kmsKeyId: trail.KmsKeyId ? trail.KmsKeyId : null,
    cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn ? trail.CloudWatchLogsLogGroupArn : null,
    s3BucketName: trail.S3BucketName ?? null,
  };
  const multiRegion = flag(trail.IsMultiRegionTrail);
  const organizationTrail = flag(trail.IsOrganizationTrail);
  const logFileValidation = flag(trail.LogFileValidationEnabled);
  if (multiRegion !== undefined) properties.multiRegion = multiRegion;
  if (organizationTrail !== undefined) properties.organizationTrail = organizationTrail;
  if (logFileValidation !== undefined) properties.logFileValidation = logFileValidation;
  return properties;
}

/** The trail name: Name, else the last part of the ARN. */
export function trailNameOf(trail: Pick<Trail, 'Name' | 'TrailARN'>): string {
  return trail.Name ?? trail.TrailARN?.split('/').pop() ?? 'unnamed trail';
}

export function statusFrom(
  output: Pick<GetTrailStatusCommandOutput, 'IsLogging' | 'LatestDeliveryError'>,
): Pick<CloudTrailTrailProperties, 'isLogging' | 'latestDeliveryError'> {
  return {
    // IsLogging is optional in the model: an answer without it is read as "not logging", as the console does.
    isLogging: output.IsLogging === true,
    latestDeliveryError: output.LatestDeliveryError ? output.LatestDeliveryError : null,
  };
}

/**
 * An S3 data resource value → all buckets, or one bucket and prefix. 'arn:aws:s3' (and the older
 * 'arn:aws:s3:::') mean every current and future bucket; 'arn:aws:s3:::bucket/' a whole bucket;
 * 'arn:aws:s3:::bucket/prefix' the objects under the prefix.
 */
export function s3ScopeOf(value: string): 'all' | S3Scope | null {
  if (/^arn:[a-z-]+:s3(:::)?$/.test(value)) return 'all';
  const match = /^arn:[a-z-]+:s3:::([^/]+)(?:\/(.*))?$/.exec(value);
  if (!match) return null;
  return { bucket: match[1] as string, prefix: match[2] ?? '' };
}

function classicSelector(selector: EventSelector): S3DataEventSelector | null {
  const values = (selector.DataResources ?? [])
    .filter((resource) => resource.Type === 'AWS::S3::Object')
    .flatMap((resource) => resource.Values ?? []);
  if (values.length === 0) return null;
  const scopes = values.map(s3ScopeOf).filter((scope) => scope !== null);
  // ReadWriteType defaults to All when a selector leaves it out.
  const type = selector.ReadWriteType ?? 'All';
  return {
    source: 'EventSelectors',
    name: null,
    readEvents: type === 'All' || type === 'ReadOnly',
    writeEvents: type === 'All' || type === 'WriteOnly',
    allBuckets: scopes.includes('all'),
    resources: scopes.filter((scope): scope is S3Scope => scope !== 'all'),
    excluded: [],
    narrowed: false,
  };
}

const scopesOf = (values: readonly string[] | undefined): S3Scope[] =>
  (values ?? []).map(s3ScopeOf).filter((scope): scope is S3Scope => scope !== null && scope !== 'all');

function advancedSelector(selector: AdvancedEventSelector): S3DataEventSelector | null {
  const fields = selector.FieldSelectors ?? [];
  const field = (name: string) => fields.find((each) => each.Field === name);
  const category = field('eventCategory');
  const type = field('resources.type');
  if (!category?.Equals?.includes('Data') || !type?.Equals?.includes('AWS::S3::Object')) return null;
  const readOnly = field('readOnly');
  let readEvents = true;
  let writeEvents = true;
  if (readOnly?.Equals?.length === 1) {
    readEvents = readOnly.Equals[0] === 'true';
    writeEvents = !readEvents;
  } else if (readOnly?.NotEquals?.length === 1) {
    readEvents = readOnly.NotEquals[0] !== 'true';
    writeEvents = !readEvents;
  }
  const arn = field('resources.ARN');
  const included = [...scopesOf(arn?.StartsWith), ...scopesOf(arn?.Equals)];
  const excluded = [...scopesOf(arn?.NotStartsWith), ...scopesOf(arn?.NotEquals)];
  const known = new Set(['eventCategory', 'resources.type', 'readOnly', 'resources.ARN']);
  const narrowed =
    fields.some((each) => !known.has(each.Field ?? '')) ||
    (arn?.EndsWith?.length ?? 0) > 0 ||
    (arn?.NotEndsWith?.length ?? 0) > 0;
  return {
    source: 'AdvancedEventSelectors',
    name: selector.Name ?? null,
    readEvents,
    writeEvents,
    allBuckets: (arn?.StartsWith?.length ?? 0) === 0 && (arn?.Equals?.length ?? 0) === 0,
    resources: included,
    excluded,
    narrowed,
  };
}

/**
 * GetEventSelectors → the selectors that log S3 object-level events. A trail uses either classic
 * EventSelectors or AdvancedEventSelectors, never both; the answer carries one of them.
 */
export function s3DataEventsFrom(output: {
  EventSelectors?: readonly EventSelector[] | undefined;
  AdvancedEventSelectors?: readonly AdvancedEventSelector[] | undefined;
}): S3DataEventSelector[] {
  return [
    ...(output.EventSelectors ?? []).map(classicSelector),
    ...(output.AdvancedEventSelectors ?? []).map(advancedSelector),
  ].filter((selector): selector is S3DataEventSelector => selector !== null);
}

/** ListTags' ResourceTagList → the tags of one trail ARN. */
export function tagsFromResourceTags(list: readonly ResourceTag[], trailArn: string): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const entry of list) {
    if (entry.ResourceId !== trailArn) continue;
    for (const tag of entry.TagsList ?? []) if (tag.Key) tags[tag.Key] = tag.Value ?? '';
  }
  return tags;
}

/** Whether S3 data events for one bucket are logged by a set of selectors: read and write separately. */
export function bucketCoverage(
  selectors: readonly S3DataEventSelector[],
  bucket: string,
): { read: boolean; write: boolean } {
  const covers = (selector: S3DataEventSelector) =>
    !selector.narrowed &&
    !selector.excluded.some((scope) => scope.bucket === bucket) &&
    (selector.allBuckets ||
      selector.resources.some((scope) => scope.bucket === bucket && scope.prefix === ''));
  const covering = selectors.filter(covers);
  return {
    read: covering.some((selector) => selector.readEvents),
    write: covering.some((selector) => selector.writeEvents),
  };
}
