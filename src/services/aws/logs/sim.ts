import { CloudWatchLogsServiceException } from '@aws-sdk/client-cloudwatch-logs';
import { z } from 'zod';
import {
  awsPage,
  awsRegion,
  awsServiceError,
  isoTime,
  scenarioTags,
  type AwsServiceSim,
  type AwsSimCallFor,
  type ScenarioBase,
  type ScenarioIssue,
} from '../../../kit';
import demo from './demo.json' with { type: 'json' };

/**
 * CloudWatch Logs in a scenario: each account's log groups, per region. Answers follow the CloudWatch
 * Logs API reference (JSON protocol): DescribeLogGroups answers log groups ASCII-sorted by name, at
 * most 50 a page (limit 1–50, a larger one is InvalidParameterException) and a nextToken while more
 * remain; each group has arn (ending ':*') and logGroupArn (without), and leaves out kmsKeyId without
 * a customer managed key and retentionInDays when events never expire; ListTagsForResource takes the
 * logGroupArn and answers a tags map; an unknown group is ResourceNotFoundException.
 * Reference: docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference (API_DescribeLogGroups,
 * API_LogGroup, API_ListTagsForResource, API_PutRetentionPolicy for the retention values).
 */

/** PutRetentionPolicy's allowed values */
const retentionDays = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const scenarioLogGroup = z.strictObject({
  name: z.string().regex(/^[.\-_/#A-Za-z0-9]{1,512}$/, 'must be 1–512 of a-z, A-Z, 0-9, _ - / . #'),
  region: awsRegion,
  /** The customer managed key's ARN; null = CloudWatch Logs' own keys */
  kmsKeyId: z.string().startsWith('arn:').nullable().default(null),
  /** null = never expire (the default of a new group) */
  retentionInDays: z
    .number()
    .int()
    .refine((days) => (retentionDays as readonly number[]).includes(days), {
      message: `must be one of ${retentionDays.join(', ')}`,
    })
    .nullable()
    .default(null),
  logGroupClass: z.enum(['STANDARD', 'INFREQUENT_ACCESS']).default('STANDARD'),
  storedBytes: z.number().int().min(0).default(1_048_576),
  tags: scenarioTags.default({}),
  createdAt: isoTime.default('2023-05-01T12:00:00Z'),
});

const account = { logGroups: z.array(scenarioLogGroup).default([]) };
const organisation = {};

type ScenarioLogGroup = z.output<typeof scenarioLogGroup>;
type LogsWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, LogsWorld>;

const logsError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(CloudWatchLogsServiceException, name, httpStatusCode, message);

const groupArn = (partition: string, region: string, accountId: string, name: string) =>
  `arn:${partition}:logs:${region}:${accountId}:log-group:${name}`;

function groupsHere(call: Call): ScenarioLogGroup[] {
  // ASCII order, as DescribeLogGroups answers.
  return call.account.logGroups
    .filter((group) => group.region === call.region)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function describeLogGroups(call: Call): object {
  const { accountId, partition } = call.account;
  const limit = call.input.limit;
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 50)
  )
    throw logsError(
      'InvalidParameterException',
      400,
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50`,
    );
  const prefix = typeof call.input.logGroupNamePrefix === 'string' ? call.input.logGroupNamePrefix : '';
  const groups = groupsHere(call).filter((group) => group.name.startsWith(prefix));
  const { page, next } = awsPage(groups, call.input.nextToken, Math.min(limit ?? 50, call.pageSize), () =>
    logsError('InvalidParameterException', 400, 'The specified nextToken is invalid.'),
  );
  return {
    logGroups: page.map((group) => {
      const arn = groupArn(partition, call.region, accountId, group.name);
      return {
        logGroupName: group.name,
        creationTime: Date.parse(group.createdAt),
        ...(group.retentionInDays !== null ? { retentionInDays: group.retentionInDays } : {}),
        metricFilterCount: 0,
        arn: `${arn}:*`,
        storedBytes: group.storedBytes,
        ...(group.kmsKeyId ? { kmsKeyId: group.kmsKeyId } : {}),
        logGroupClass: group.logGroupClass,
        logGroupArn: arn,
      };
    }),
    ...(next ? { nextToken: next } : {}),
  };
}

function listTagsForResource(call: Call): object {
  const raw = typeof call.input.resourceArn === 'string' ? call.input.resourceArn : '';
  const match = /^arn:[a-z-]+:logs:([a-z0-9-]+):(\d{12}):log-group:([^:]+)$/.exec(raw);
  if (!match) throw logsError('InvalidParameterException', 400, `Invalid resourceArn: ${raw}`);
  const [, region, owner, name] = match as unknown as [string, string, string, string];
  const group =
    region === call.region && owner === call.account.accountId
      ? groupsHere(call).find((each) => each.name === name)
      : undefined;
  if (!group) throw logsError('ResourceNotFoundException', 400, 'The specified log group does not exist.');
  return { tags: { ...group.tags } };
}

function checkLogGroups(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const groups = each.logGroups as ScenarioLogGroup[];
    const seen = new Map<string, number>();
    groups.forEach((group, g) => {
      const path = ['aws', 'accounts', a, 'logGroups', g];
      if (!each.regions.includes(group.region))
        issue(
          [...path, 'region'],
          `${group.region} is not one of the account's regions (${each.regions.join(', ')})`,
        );
      const key = `${group.region}|${group.name}`;
      const previous = seen.get(key);
      if (previous !== undefined)
        issue(
          [...path, 'name'],
          `log group ${group.name} already exists in ${group.region} at logGroups[${previous}]`,
        );
      seen.set(key, g);
    });
  });
}

export const logsSim: AwsServiceSim<typeof account, typeof organisation, LogsWorld> = {
  account,
  organisation,
  check: checkLogGroups,
  error: logsError,
  answers: {
    DescribeLogGroups: describeLogGroups,
    ListTagsForResource: listTagsForResource,
  },
  demo,
  generate({ index, accountId, partition, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['checkout', 'orders', 'support-tickets', 'telemetry', 'intake'];
    const logGroups = regions.flatMap((region) => [
      {
        name: `/gen/a${index}/vpc/flow-logs`,
        region,
        retentionInDays: pick([30, 90, 365, 731, null]),
      },
      ...Array.from({ length: Math.max(1, Math.ceil(perRegion / 3)) }, (_, k) => {
        const app = pick(apps);
        const phi = chance(0.35);
        return {
          name: `${pick(['/aws/lambda/', '/ecs/', '/gen/'])}gen-a${index}-${app}-${k}-${hex(4)}`,
          region,
          kmsKeyId: chance(0.5)
            ? `arn:${partition}:kms:${region}:${accountId}:key/${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`
            : null,
          retentionInDays: pick([14, 90, 365, null]),
          tags: chance(0.2) ? {} : { app, ...(phi ? { phi: 'true' } : {}) },
        };
      }),
    ]);
    return { logGroups };
  },
};
