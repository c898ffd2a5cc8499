import { CloudTrailServiceException } from '@aws-sdk/client-cloudtrail';
import { z } from 'zod';
import {
  awsRegion,
  awsServiceError,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * CloudTrail in a scenario: each account's trails. Answers follow the CloudTrail API reference:
 * DescribeTrails lists the trails homed in the called region and, with includeShadowTrails (default
 * true), the multi-region trails homed elsewhere; KmsKeyId and CloudWatchLogsLogGroupArn are left
 * out when unset. GetTrailStatus and GetEventSelectors find a trail by name only in its home region,
 * and by ARN also in a region it replicates to (a shadow trail); otherwise TrailNotFoundException.
 * ListTags takes at most 20 ARNs of the current region. A trail has classic EventSelectors or
 * AdvancedEventSelectors, never both.
 */

const bucketName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name such as nwv-prod-patient-exports');

const scenarioTrail = z.strictObject({
  name: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/,
      'must be a trail name: 3–128 letters, digits, periods, underscores or hyphens, starting and ending with a letter or digit',
    ),
  homeRegion: awsRegion,
  multiRegion: z.boolean().default(false),
  /** GetTrailStatus IsLogging (StartLogging / StopLogging) */
  logging: z.boolean().default(true),
  logFileValidation: z.boolean().default(false),
  /** The trail's SSE-KMS key ARN; null = SSE-S3 only */
  kmsKeyId: z
    .string()
    .regex(/^arn:aws(-us-gov)?:kms:[a-z0-9-]+:\d{12}:key\/.+$/, 'must be a KMS key ARN')
    .nullable()
    .default(null),
  s3BucketName: bucketName,
  /** S3 data events: 'all' buckets, the named buckets (whole bucket each), or null = none */
  s3DataEvents: z
    .union([z.literal('all'), z.array(bucketName).min(1)])
    .nullable()
    .default(null),
  /** Which S3 data events: 'All' (read and write), 'ReadOnly' or 'WriteOnly' */
  s3DataEventsReadWrite: z.enum(['All', 'ReadOnly', 'WriteOnly']).default('All'),
  /** Selectors written as AdvancedEventSelectors instead of classic EventSelectors */
  advancedSelectors: z.boolean().default(false),
  cloudWatchLogsGroupArn: z
    .string()
    .regex(
      /^arn:aws(-us-gov)?:logs:[a-z0-9-]+:\d{12}:log-group:.+$/,
      'must be a CloudWatch Logs log group ARN',
    )
    .nullable()
    .default(null),
  tags: scenarioTags.default({}),
});

const account = { trails: z.array(scenarioTrail).default([]) };
const organisation = {};

type ScenarioTrail = z.output<typeof scenarioTrail>;
type Call = AwsSimCallFor<typeof account, typeof organisation, undefined>;

const cloudTrailError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(CloudTrailServiceException, name, httpStatusCode, message);

const trailArnOf = (call: Call, trail: ScenarioTrail) =>
  `arn:${call.account.partition}:cloudtrail:${trail.homeRegion}:${call.account.accountId}:trail/${trail.name}`;

const trailArnPattern = /^arn:[a-z-]+:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/(.+)$/;

/** A trail is visible in its home region, and (as a shadow trail) in every region when multi-region. */
const visibleIn = (trail: ScenarioTrail, region: string) => trail.homeRegion === region || trail.multiRegion;

/** Resolves a trail name or ARN as GetTrailStatus / GetEventSelectors do in the called region. */
function resolveTrail(call: Call, field: 'Name' | 'TrailName'): ScenarioTrail {
  const raw = typeof call.input[field] === 'string' ? (call.input[field] as string) : '';
  const unknown = () =>
    cloudTrailError(
      'TrailNotFoundException',
      400,
      `Unknown trail: ${raw.startsWith('arn:') ? raw : `arn:${call.account.partition}:cloudtrail:${call.region}:${call.account.accountId}:trail/${raw}`} for the user: ${call.account.accountId}`,
    );
  if (raw.startsWith('arn:')) {
    const match = trailArnPattern.exec(raw);
    if (!match)
      throw cloudTrailError(
        'CloudTrailARNInvalidException',
        400,
        `${raw} is not a valid ARN. The following is the format of a trail ARN: arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail`,
      );
    const [, region, owner, name] = match as unknown as [string, string, string, string];
    const trail = call.account.trails.find((each) => each.name === name && each.homeRegion === region);
    if (owner !== call.account.accountId || !trail || !visibleIn(trail, call.region)) throw unknown();
    return trail;
  }
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/.test(raw))
    throw cloudTrailError(
      'InvalidTrailNameException',
      400,
      `Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).`,
    );
  // A bare name finds only a trail homed in the called region.
  const trail = call.account.trails.find((each) => each.name === raw && each.homeRegion === call.region);
  if (!trail) throw unknown();
  return trail;
}

function describeTrail(call: Call, trail: ScenarioTrail): object {
  const { partition } = call.account;
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    IncludeGlobalServiceEvents: trail.multiRegion,
    IsMultiRegionTrail: trail.multiRegion,
    HomeRegion: trail.homeRegion,
    TrailARN: trailArnOf(call, trail),
    LogFileValidationEnabled: trail.logFileValidation,
    // Absent, not null, when unset: the API leaves these fields out.
    ...(trail.cloudWatchLogsGroupArn
      ? {
          CloudWatchLogsLogGroupArn: trail.cloudWatchLogsGroupArn,
          CloudWatchLogsRoleArn: `arn:${partition}:iam::${call.account.accountId}:role/CloudTrail_CloudWatchLogs_Role`,
        }
      : {}),
    ...(trail.kmsKeyId ? { KmsKeyId: trail.kmsKeyId } : {}),
    HasCustomEventSelectors: trail.s3DataEvents !== null || trail.advancedSelectors,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  };
}

function describeTrails(call: Call): object {
  const shadow = call.input.includeShadowTrails !== false;
  const names = Array.isArray(call.input.trailNameList) ? (call.input.trailNameList as unknown[]) : [];
  let trails = call.account.trails.filter((trail) =>
    shadow ? visibleIn(trail, call.region) : trail.homeRegion === call.region,
  );
  if (names.length > 0)
    trails = names.flatMap((name) => {
      const text = typeof name === 'string' ? name : '';
      const match = trailArnPattern.exec(text);
      return call.account.trails.filter((trail) =>
        match
          ? match[2] === call.account.accountId &&
            trail.name === match[3] &&
            trail.homeRegion === match[1] &&
            visibleIn(trail, call.region)
          : trail.name === text && trail.homeRegion === call.region,
      );
    });
  return { trailList: trails.map((trail) => describeTrail(call, trail)) };
}

function trailStatus(call: Call): object {
  const trail = resolveTrail(call, 'Name');
  const started = new Date('2024-02-01T09:00:00Z');
  const stopped = new Date('2026-09-14T22:17:05Z');
  return trail.logging
    ? {
        IsLogging: true,
        StartLoggingTime: started,
        TimeLoggingStarted: started.toISOString(),
        LatestDeliveryTime: new Date('2026-12-01T11:55:00Z'),
        LatestDigestDeliveryTime: trail.logFileValidation ? new Date('2026-12-01T11:00:00Z') : undefined,
        ...(trail.cloudWatchLogsGroupArn
          ? { LatestCloudWatchLogsDeliveryTime: new Date('2026-12-01T11:56:00Z') }
          : {}),
      }
    : {
        IsLogging: false,
        StartLoggingTime: started,
        StopLoggingTime: stopped,
        TimeLoggingStarted: started.toISOString(),
        TimeLoggingStopped: stopped.toISOString(),
        LatestDeliveryTime: stopped,
      };
}

function s3Values(call: Call, trail: ScenarioTrail): string[] {
  if (trail.s3DataEvents === 'all') return [`arn:${call.account.partition}:s3`];
  return (trail.s3DataEvents ?? []).map((bucket) => `arn:${call.account.partition}:s3:::${bucket}/`);
}

function eventSelectors(call: Call): object {
  const trail = resolveTrail(call, 'TrailName');
  const TrailARN = trailArnOf(call, trail);
  if (!trail.advancedSelectors)
    return {
      TrailARN,
      EventSelectors: [
        {
          ReadWriteType: 'All',
          IncludeManagementEvents: true,
          DataResources: [],
          ExcludeManagementEventSources: [],
        },
        ...(trail.s3DataEvents === null
          ? []
          : [
              {
                ReadWriteType: trail.s3DataEventsReadWrite,
                IncludeManagementEvents: false,
                DataResources: [{ Type: 'AWS::S3::Object', Values: s3Values(call, trail) }],
                ExcludeManagementEventSources: [],
              },
            ]),
      ],
    };
  const readOnly =
    trail.s3DataEventsReadWrite === 'All'
      ? []
      : [{ Field: 'readOnly', Equals: [trail.s3DataEventsReadWrite === 'ReadOnly' ? 'true' : 'false'] }];
  const arns =
    trail.s3DataEvents === 'all' || trail.s3DataEvents === null
      ? []
      : [{ Field: 'resources.ARN', StartsWith: s3Values(call, trail) }];
  return {
    TrailARN,
    AdvancedEventSelectors: [
      {
        Name: 'Management events selector',
        FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }],
      },
      ...(trail.s3DataEvents === null
        ? []
        : [
            {
              Name: 'S3 data events',
              FieldSelectors: [
                { Field: 'eventCategory', Equals: ['Data'] },
                { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
                ...readOnly,
                ...arns,
              ],
            },
          ]),
    ],
  };
}

function listTags(call: Call): object {
  const ids = Array.isArray(call.input.ResourceIdList) ? (call.input.ResourceIdList as unknown[]) : [];
  if (ids.length > 20)
    throw cloudTrailError('InvalidParameterException', 400, 'ResourceIdList has a limit of 20 ARNs.');
  return {
    ResourceTagList: ids.map((id) => {
      const text = typeof id === 'string' ? id : '';
      const match = trailArnPattern.exec(text);
      if (!match)
        throw cloudTrailError(
          'CloudTrailARNInvalidException',
          400,
          `${text} is not a valid ARN. The following is the format of a trail ARN: arn:aws:cloudtrail:us-east-2:123456789012:trail/MyTrail`,
        );
      // Tags are listed in the trail's home region only ("in the current Region").
      const trail = call.account.trails.find(
        (each) => each.name === match[3] && each.homeRegion === match[1] && match[1] === call.region,
      );
      if (!trail || match[2] !== call.account.accountId)
        throw cloudTrailError('ResourceNotFoundException', 400, `Resource not found: ${text}`);
      return {
        ResourceId: text,
        TagsList: Object.entries(trail.tags).map(([Key, Value]) => ({ Key, Value })),
      };
    }),
  };
}

function checkTrails(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const names = new Map<string, number>();
    (each.trails as ScenarioTrail[]).forEach((trail, t) => {
      const path = ['aws', 'accounts', a, 'trails', t];
      if (!each.regions.includes(trail.homeRegion))
        issue(
          [...path, 'homeRegion'],
          `${trail.homeRegion} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const previous = names.get(trail.name);
      // A multi-region trail's name is taken in every region; keep names unique per account.
      if (previous !== undefined)
        issue([...path, 'name'], `trail name ${trail.name} is already used at trails[${previous}]`);
      names.set(trail.name, t);
      if (trail.s3DataEvents === null && trail.s3DataEventsReadWrite !== 'All')
        issue(
          [...path, 's3DataEventsReadWrite'],
          'only a trail with s3DataEvents has a read/write choice for them',
        );
    });
  });
}

export const cloudTrailSim: AwsServiceSim<typeof account, typeof organisation, undefined> = {
  account,
  organisation,
  check: checkTrails,
  error: cloudTrailError,
  answers: {
    DescribeTrails: describeTrails,
    GetTrailStatus: trailStatus,
    GetEventSelectors: eventSelectors,
    ListTags: listTags,
  },
  demo,
  generate({ index, accountId, partition, regions, tag, random }) {
    const { chance, hex } = random;
    const home = regions[0] ?? 'us-east-1';
    const audit = {
      name: `gen-${tag}-a${index}-audit`,
      homeRegion: home,
      multiRegion: chance(0.8),
      logging: chance(0.9),
      logFileValidation: chance(0.7),
      kmsKeyId: chance(0.6)
        ? `arn:${partition}:kms:${home}:${accountId}:key/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`
        : null,
      s3BucketName: `gen-${tag}-a${index}-trail-logs`,
      s3DataEvents: chance(0.5) ? ('all' as const) : null,
      advancedSelectors: chance(0.5),
      cloudWatchLogsGroupArn: chance(0.5)
        ? `arn:${partition}:logs:${home}:${accountId}:log-group:gen-${tag}-a${index}-trail:*`
        : null,
      tags: { purpose: 'audit' },
    };
    const second = regions[1];
    const extra =
      second && chance(0.4)
        ? [
            {
              name: `gen-${tag}-a${index}-team`,
              homeRegion: second,
              logging: chance(0.5),
              s3BucketName: `gen-${tag}-a${index}-team-trail-logs`,
            },
          ]
        : [];
    return { trails: [audit, ...extra] };
  },
};
