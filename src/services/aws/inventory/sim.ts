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
import demo from './demo.json' with { type: 'json' };
import { parseArn } from './normalize';

/**
 * The Resource Groups Tagging API in a scenario: each account's tagged resources by ARN. GetResources
 * answers the resources of the called region (a region-less ARN is listed by its `region`, else by
 * the partition's home region, as CloudFront and Route 53 are by us-east-1), ResourceARN + Tags
 * ({ Key, Value }), paged by PaginationToken with ResourcesPerPage 1–100; the last page carries an
 * empty PaginationToken, as the service answers. Filters are not simulated: asked for, they are
 * refused rather than ignored.
 */

const scenarioResource = z.strictObject({
  arn: z
    .string()
    .regex(
      /^arn:[a-z-]+:[a-z0-9-]+:[a-z0-9-]*:(\d{12})?:.+$/,
      'must be an ARN (arn:partition:service:region:account:resource)',
    ),
  /** The tags GetResources answers; {} = a resource that had tags and has none now ("Tags": []) */
  tags: scenarioTags.default({}),
  /** For a region-less ARN (an S3 bucket): the region whose endpoint lists it. Default the home region. */
  region: awsRegion.optional(),
});

const account = { taggedResources: z.array(scenarioResource).default([]) };
const organisation = {};

type ScenarioResource = z.output<typeof scenarioResource>;
type Call = AwsSimCall<
  z.output<z.ZodObject<typeof account>>,
  z.output<z.ZodObject<typeof organisation>>,
  undefined
>;

const homeRegions: Readonly<Record<string, string>> = { aws: 'us-east-1', 'aws-us-gov': 'us-gov-west-1' };

const taggingError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(ResourceGroupsTaggingAPIServiceException, name, httpStatusCode, message);

/** The region whose GetResources lists the resource. */
function listingRegion(resource: ScenarioResource, partition: string): string {
  return parseArn(resource.arn)?.region ?? resource.region ?? homeRegions[partition] ?? 'us-east-1';
}

function checkResources(scenario: ScenarioBase, issue: ScenarioIssue): void {
  const arns = new Map<string, string>();
  scenario.aws.accounts.forEach((each, a) => {
    (each.taggedResources as ScenarioResource[]).forEach((resource, r) => {
      const path = ['aws', 'accounts', a, 'taggedResources', r];
      const previous = arns.get(resource.arn);
      if (previous) issue([...path, 'arn'], `ARN ${resource.arn} is already listed at ${previous}`);
      arns.set(resource.arn, `aws.accounts[${a}].taggedResources[${r}]`);
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

export const inventorySim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkResources,
  error: taggingError,
  faults: {
    throttle: { name: 'ThrottledException', status: 400, message: 'Rate exceeded' },
  },
  answers: { GetResources: getResources },
  demo,
};
