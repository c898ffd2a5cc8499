import { ConfigServiceServiceException } from '@aws-sdk/client-config-service';
import { ResourceExplorer2ServiceException } from '@aws-sdk/client-resource-explorer-2';
import { ResourceGroupsTaggingAPIServiceException } from '@aws-sdk/client-resource-groups-tagging-api';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCall,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import { configInventoryQuery } from './collect';
import demo from './demo.json' with { type: 'json' };
import { parseArn } from './normalize';

/**
 * The inventory's three sources in a scenario. Each account lists its tagged resources (ARN and
 * tags) and its never-tagged ones (ARN only), and says where Resource Explorer has indexes (and
 * its aggregator) and where an AWS Config recorder is recording.
 * - Tagging API GetResources answers the tagged resources of the called region (a region-less ARN
 *   is listed by its `region`, else by the partition's home region, as CloudFront and Route 53 are
 *   by us-east-1), ResourceARN + Tags ({ Key, Value }), paged by PaginationToken with
 *   ResourcesPerPage 1–100; the last page carries an empty PaginationToken, as the service answers.
 *   Filters are not simulated: asked for, they are refused rather than ignored.
 * - Resource Explorer ListIndexes answers the account's indexes (Region, Type LOCAL | AGGREGATOR);
 *   ListResources, in a region with an index, answers through its default view the resources of that
 *   region (of every indexed region at the aggregator), tagged or not, with a 'tags' property for
 *   tagged ones; only 'region:' filters are simulated. Without an index there is no default view:
 *   401 UnauthorizedException, as the reference says.
 * - AWS Config DescribeConfigurationRecorderStatus answers a recording 'default' recorder where one
 *   is configured, none elsewhere; SelectResourceConfig answers the inventory query only, each
 *   result a JSON string, the recorded resources of the region (none without a recorder).
 */

const arnField = z
  .string()
  .regex(
    /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/,
    'must be an ARN (arn:partition:service:region:account:resource)',
  );

const scenarioResource = z.strictObject({
  arn: arnField,
  /** The tags GetResources answers; {} = a resource that had tags and has none now ("Tags": []) */
  tags: scenarioTags.default({}),
  /** For a region-less ARN (an S3 bucket): the region whose endpoint lists it. Default the home region. */
  region: awsRegion.optional(),
});

/** A resource that never had a tag: the tagging API never lists it; Resource Explorer and Config do. */
const untaggedResource = z.strictObject({
  arn: arnField,
  region: awsRegion.optional(),
});

const resourceExplorer = z.strictObject({
  /** Regions with an index (Resource Explorer turned on), each with a default view */
  indexRegions: z.array(awsRegion).min(1),
  /** The region whose index is the aggregator (one of indexRegions); its view answers every indexed region */
  aggregatorRegion: awsRegion.optional(),
});

const account = {
  taggedResources: z.array(scenarioResource).default([]),
  untaggedResources: z.array(untaggedResource).default([]),
  /** null: Resource Explorer is not turned on in any region of the account */
  resourceExplorer: resourceExplorer.nullable().default(null),
  /** Regions where an AWS Config recorder is recording */
  configRecorderRegions: z.array(awsRegion).default([]),
};
const organisation = {};

type ScenarioResource = z.output<typeof scenarioResource>;
/** A tagged resource, or an untagged one (tags null) */
type AnyResource = { arn: string; region?: string | undefined; tags: Record<string, string> | null };
type Call = AwsSimCall<
  z.output<z.ZodObject<typeof account>>,
  z.output<z.ZodObject<typeof organisation>>,
  undefined
>;

const homeRegions: Readonly<Record<string, string>> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1' };

const taggingError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(ResourceGroupsTaggingAPIServiceException, name, httpStatusCode, message);

const explorerOperations = new Set(['ListIndexes', 'ListResources']);
const configOperations = new Set(['DescribeConfigurationRecorderStatus', 'SelectResourceConfig']);

/** Each API's own exception class, chosen by the operation that fails. */
function inventoryError(name: string, httpStatusCode: number, message: string, operation?: string): Error {
  if (operation && explorerOperations.has(operation))
    return awsServiceError(ResourceExplorer2ServiceException, name, httpStatusCode, message);
  if (operation && configOperations.has(operation))
    return awsServiceError(ConfigServiceServiceException, name, httpStatusCode, message);
  return taggingError(name, httpStatusCode, message);
}

/** The region whose GetResources (and index, and recorder) lists the resource. */
function listingRegion(resource: { arn: string; region?: string | undefined }, partition: string): string {
  return parseArn(resource.arn)?.region ?? resource.region ?? homeRegions[partition] ?? 'us-east-1';
}

/** Where Resource Explorer and Config place it: the ARN's region, a bucket's region, else 'global'. */
function placeOf(resource: { arn: string; region?: string | undefined }): string {
  return parseArn(resource.arn)?.region ?? resource.region ?? 'global';
}

function everyResource(call: Call): AnyResource[] {
  return [
    ...call.account.taggedResources,
    ...call.account.untaggedResources.map((each) => ({ ...each, tags: null })),
  ].sort((a, b) => a.arn.localeCompare(b.arn));
}

function checkResources(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const arns = new Map<string, string>();
  scenario.aws.accounts.forEach((each, a) => {
    const lists = ['taggedResources', 'untaggedResources'] as const;
    const sourceRegions = [
      ...((each.configRecorderRegions as string[]).map((region, i) => [
        ['configRecorderRegions', i],
        region,
      ]) as [(string | number)[], string][]),
      ...(((each.resourceExplorer as z.output<typeof resourceExplorer> | null)?.indexRegions ?? []).map(
        (region, i) => [['resourceExplorer', 'indexRegions', i], region],
      ) as [(string | number)[], string][]),
    ];
    for (const [path, region] of sourceRegions)
      if (!each.regions.includes(region))
        issue(['aws', 'accounts', a, ...path], `${region} is not one of the account's regions`);
    const explorer = each.resourceExplorer as z.output<typeof resourceExplorer> | null;
    if (explorer?.aggregatorRegion && !explorer.indexRegions.includes(explorer.aggregatorRegion))
      issue(
        ['aws', 'accounts', a, 'resourceExplorer', 'aggregatorRegion'],
        'the aggregator must be one of the index regions',
      );
    for (const list of lists)
      (each[list] as ScenarioResource[]).forEach((resource, r) => {
        const path = ['aws', 'accounts', a, list, r];
        const previous = arns.get(resource.arn);
        if (previous) issue([...path, 'arn'], `ARN ${resource.arn} is already listed at ${previous}`);
        arns.set(resource.arn, `aws.accounts[${a}].${list}[${r}]`);
        const parsed = parseArn(resource.arn);
        if (!parsed)
          return issue([...path, 'arn'], 'must be an ARN (arn:partition:service:region:account:resource)');
        if (parsed.partition !== each.partition)
          issue([...path, 'arn'], `partition ${parsed.partition} is not the account's (${each.partition})`);
        if (parsed.accountId !== null && parsed.accountId !== each.accountId)
          issue([...path, 'arn'], `account ${parsed.accountId} is not this account (${each.accountId})`);
        if (parsed.region !== null && !each.regions.includes(parsed.region))
          issue(
            [...path, 'arn'],
            `region ${parsed.region} is not one of the account's regions (${each.regions.join(', ')})`,
          );
        if (parsed.region !== null && resource.region !== undefined)
          issue([...path, 'region'], 'only a region-less ARN (an S3 bucket, CloudFront) takes a region');
        const listing = listingRegion(resource, each.partition);
        if (parsed.region === null && !each.regions.includes(listing))
          issue(
            [...path, resource.region ? 'region' : 'arn'],
            `a region-less ARN is listed by ${listing}, which is not one of the account's regions (${each.regions.join(', ')})`,
          );
      });
  });
}

const invalidParameter = (message: string) => taggingError('InvalidParameterException', 400, message);

function getResources(call: Call): object {
  for (const filter of ['TagFilters', 'ResourceTypeFilters', 'ResourceARNList', 'IncludeComplianceDetails'])
    if (call.input[filter] !== undefined && call.input[filter] !== false)
      throw taggingError('NotImplemented', 501, `The simulator does not implement GetResources ${filter}.`);
  const perPage = call.input.ResourcesPerPage;
  if (
    perPage !== undefined &&
    (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 100)
  )
    throw invalidParameter('ResourcesPerPage must be between 1 and 100.');
  // The reference states no default page size; the simulator answers 100 without ResourcesPerPage.
  const limit = Math.min(typeof perPage === 'number' ? perPage : 100, call.pageSize);
  const here = call.account.taggedResources
    .filter((resource) => listingRegion(resource, call.account.partition) === call.region)
    .sort((a, b) => a.arn.localeCompare(b.arn));
  const { page, next } = awsPage(here, call.input.PaginationToken, limit, () =>
    invalidParameter('PaginationToken is invalid.'),
  );
  return {
    // The service answers an empty token on the last page.
    PaginationToken: next ?? '',
    ResourceTagMappingList: page.map((resource) => ({
      ResourceARN: resource.arn,
      Tags: Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value })),
    })),
  };
}

const explorerError = (name: string, status: number, message: string) =>
  awsServiceError(ResourceExplorer2ServiceException, name, status, message);

function pageLimit(value: unknown, max: number, fallback: number, invalid: () => Error, min = 1): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) throw invalid();
  return value;
}

function listIndexes(call: Call): object {
  const explorer = call.account.resourceExplorer;
  const regions = call.input.Regions as string[] | undefined;
  const type = call.input.Type as string | undefined;
  const limit = pageLimit(call.input.MaxResults, 100, 100, () =>
    explorerError('ValidationException', 400, 'MaxResults must be between 1 and 100.'),
  );
  const indexes = (explorer?.indexRegions ?? [])
    .map((region) => ({
      Region: region,
      Type: region === explorer?.aggregatorRegion ? 'AGGREGATOR' : 'LOCAL',
      Arn: `arn:${call.account.partition}:resource-explorer-2:${region}:${call.account.accountId}:index/${call.account.accountId.slice(-8)}-${region}`,
    }))
    .filter(
      (index) => (regions ? regions.includes(index.Region) : true) && (type ? index.Type === type : true),
    );
  const { page, next } = awsPage(indexes, call.input.NextToken, Math.min(limit, call.pageSize), () =>
    explorerError('ValidationException', 400, 'The NextToken is not valid.'),
  );
  return { Indexes: page, ...(next ? { NextToken: next } : {}) };
}

function listResources(call: Call): object {
  const explorer = call.account.resourceExplorer;
  if (call.input.ViewArn !== undefined)
    throw explorerError('NotImplemented', 501, 'The simulator answers through the default view only.');
  if (!explorer?.indexRegions.includes(call.region))
    throw explorerError(
      'UnauthorizedException',
      401,
      `There is no default view in ${call.region}: Resource Explorer has no index in this Region.`,
    );
  const filter = (call.input.Filters as { FilterString?: string } | undefined)?.FilterString ?? '';
  const wanted = filter
    .split(/\s+/)
    .filter((token) => token !== '')
    .map((token) => {
      const match = /^region:([a-z0-9-]+)$/.exec(token);
      if (!match)
        throw explorerError('NotImplemented', 501, `The simulator does not implement the filter ${token}.`);
      return match[1] as string;
    });
  const limit = pageLimit(call.input.MaxResults, 1000, 1000, () =>
    explorerError('ValidationException', 400, 'MaxResults must be between 1 and 1000.'),
  );
  // A local index holds its own region; the aggregator every indexed region's.
  const indexed = call.region === explorer.aggregatorRegion ? explorer.indexRegions : [call.region];
  const here = everyResource(call).filter(
    (resource) =>
      indexed.includes(listingRegion(resource, call.account.partition)) &&
      (wanted.length === 0 || wanted.includes(placeOf(resource))),
  );
  const { page, next } = awsPage(here, call.input.NextToken, Math.min(limit, call.pageSize), () =>
    explorerError('ValidationException', 400, 'The NextToken is not valid.'),
  );
  return {
    Resources: page.map((resource) => {
      const parsed = parseArn(resource.arn);
      return {
        Arn: resource.arn,
        Region: placeOf(resource),
        ResourceType: parsed?.resourceType,
        Service: parsed?.service,
        OwningAccountId: call.account.accountId,
        Properties: resource.tags
          ? [
              {
                Name: 'tags',
                Data: Object.entries(resource.tags).map(([Key, Value]) => ({ Key, Value })),
              },
            ]
          : [],
      };
    }),
    ViewArn: `arn:${call.account.partition}:resource-explorer-2:${call.region}:${call.account.accountId}:view/default`,
    ...(next ? { NextToken: next } : {}),
  };
}

const configError = (name: string, status: number, message: string) =>
  awsServiceError(ConfigServiceServiceException, name, status, message);

function describeConfigurationRecorderStatus(call: Call): object {
  const names = call.input.ConfigurationRecorderNames as string[] | undefined;
  const recording = call.account.configRecorderRegions.includes(call.region);
  if (names && names.some((name) => name !== 'default' || !recording))
    throw configError(
      'NoSuchConfigurationRecorderException',
      400,
      'Cannot find configuration recorder with the specified name.',
    );
  return {
    ConfigurationRecordersStatus: recording
      ? [{ name: 'default', recording: true, lastStatus: 'Success' }]
      : [],
  };
}

/** AWS Config's names of the demo's types; anything else reads AWS::<Service>::<Type>. */
const configTypes: Readonly<Record<string, string>> = {
  'sqs:queue': 'AWS::SQS::Queue',
  'sns:topic': 'AWS::SNS::Topic',
  'lambda:function': 'AWS::Lambda::Function',
  'dynamodb:table': 'AWS::DynamoDB::Table',
  's3:bucket': 'AWS::S3::Bucket',
  'kms:key': 'AWS::KMS::Key',
  'rds:db': 'AWS::RDS::DBInstance',
  'logs:log-group': 'AWS::Logs::LogGroup',
};

function configType(resourceType: string): string {
  const [service = '', type = ''] = resourceType.split(':');
  const pascal = (word: string) =>
    word
      .split('-')
      .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
      .join('');
  return configTypes[resourceType] ?? `AWS::${pascal(service)}::${pascal(type)}`;
}

function selectResourceConfig(call: Call): object {
  if (call.input.Expression !== configInventoryQuery)
    throw configError('NotImplemented', 501, 'The simulator answers only the inventory query.');
  const limit = pageLimit(
    call.input.Limit,
    100,
    100,
    () => configError('InvalidLimitException', 400, 'The specified limit is outside the allowable range.'),
    0,
  );
  const recorded = call.account.configRecorderRegions.includes(call.region)
    ? everyResource(call).filter(
        (resource) => listingRegion(resource, call.account.partition) === call.region,
      )
    : [];
  const { page, next } = awsPage(recorded, call.input.NextToken, Math.min(limit || 100, call.pageSize), () =>
    configError('InvalidNextTokenException', 400, 'The specified next token is invalid.'),
  );
  return {
    Results: page.map((resource) => {
      const parsed = parseArn(resource.arn);
      return JSON.stringify({
        resourceId: parsed?.name,
        resourceName: parsed?.name,
        resourceType: configType(parsed?.resourceType ?? 'unknown:resource'),
        arn: resource.arn,
        awsRegion: placeOf(resource),
        tags: Object.entries(resource.tags ?? {}).map(([key, value]) => ({ key, value })),
      });
    }),
    QueryInfo: {
      SelectFields: ['resourceId', 'resourceName', 'resourceType', 'arn', 'awsRegion', 'tags'].map(
        (Name) => ({
          Name,
        }),
      ),
    },
    ...(next ? { NextToken: next } : {}),
  };
}

export const inventorySim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkResources,
  error: inventoryError,
  // The tagging API words throttling its own way; Resource Explorer and Config use the common code.
  faults: (operation) =>
    explorerOperations.has(operation) || configOperations.has(operation)
      ? undefined
      : { throttle: { name: 'ThrottledException', status: 400, message: 'Rate exceeded' } },
  answers: {
    ListIndexes: listIndexes,
    ListResources: listResources,
    DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
    SelectResourceConfig: selectResourceConfig,
    GetResources: getResources,
  },
  demo,
};
