import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import {
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
 * DynamoDB in a scenario: each account's tables, per region; a global table (version 2019.11.21) is
 * declared once with its replica regions and answers as a table in each. Answers follow the Amazon
 * DynamoDB API Reference (JSON 1.0 protocol):
 * - ListTables: TableNames in name order, Limit 1–100 (default 100), ExclusiveStartTableName /
 *   LastEvaluatedTableName (a table name, not an opaque token), the latter only while more remain.
 * - DescribeTable: SSEDescription is absent for the AWS owned key (API_SSEDescription); SSEType KMS
 *   with KMSMasterKeyArn for the AWS managed and customer managed keys; Replicas and
 *   GlobalTableVersion only on global tables. Unknown table: ResourceNotFoundException.
 * - DescribeContinuousBackups: ContinuousBackupsStatus ENABLED on every table; the PITR description's
 *   status, RecoveryPeriodInDays and restorable window when enabled. Unknown table:
 *   TableNotFoundException (API_DescribeContinuousBackups).
 * - ListTagsOfResource: Tags as Key/Value pairs and a NextToken; the reference names no page size, so
 *   10 are answered per page here to exercise it.
 */

const tableName = z
  .string()
  .regex(/^[a-zA-Z0-9_.-]{3,255}$/, 'must be 3–255 letters, digits, underscores, hyphens or dots');

const scenarioTable = z.strictObject({
  name: tableName,
  region: awsRegion,
  tags: scenarioTags.default({}),
  /** 'aws-owned' (the default, no SSEDescription), 'aws-managed' (aws/dynamodb) or 'customer' */
  sse: z
    .strictObject({
      type: z.enum(['aws-owned', 'aws-managed', 'customer']),
      /** Required for 'customer': the key ARN in the table's region */
      kmsKeyArn: z.string().min(1).optional(),
    })
    .default({ type: 'aws-owned' }),
  pointInTimeRecovery: z.boolean().default(false),
  recoveryPeriodInDays: z.number().int().min(1).max(35).default(35),
  /** Other regions holding a replica of this global table (version 2019.11.21) */
  replicaRegions: z.array(awsRegion).default([]),
  itemCount: z.number().int().min(0).default(1000),
  createdAt: isoTime.default('2023-05-10T12:00:00Z'),
});

const account = { dynamodbTables: z.array(scenarioTable).default([]) };
const organisation = {};

type ScenarioTable = z.output<typeof scenarioTable>;
type DynamoDbWorld = undefined;
type Call = AwsSimCallFor<typeof account, typeof organisation, DynamoDbWorld>;

const dynamoError = (name: string, httpStatusCode: number, message: string): Error =>
  awsServiceError(DynamoDBServiceException, name, httpStatusCode, message);

const tagPageSize = 10;

const tableArn = (call: Call, region: string, name: string) =>
  `arn:${call.account.partition}:dynamodb:${region}:${call.account.accountId}:table/${name}`;

/** The tables answering in the call's region: home tables and replicas. */
function tablesHere(call: Call): ScenarioTable[] {
  return call.account.dynamodbTables
    .filter((table) => table.region === call.region || table.replicaRegions.includes(call.region))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function listTables(call: Call): object {
  const limit = call.input.Limit ?? 100;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100)
    throw dynamoError(
      'ValidationException',
      400,
      `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`,
    );
  const start =
    typeof call.input.ExclusiveStartTableName === 'string' ? call.input.ExclusiveStartTableName : null;
  const after = tablesHere(call).filter((table) => start === null || table.name > start);
  const page = after.slice(0, Math.min(limit, call.pageSize));
  const more = after.length > page.length;
  return {
    TableNames: page.map((table) => table.name),
    ...(more && page.length > 0 ? { LastEvaluatedTableName: page[page.length - 1]!.name } : {}),
  };
}

function findTable(call: Call, reference: unknown, notFound: () => Error): ScenarioTable {
  const text = typeof reference === 'string' ? reference : '';
  // TableName may be a name or a table ARN; ResourceArn is an ARN.
  const arn = /^arn:[a-z-]+:dynamodb:([a-z0-9-]+):(\d{12}):table\/([^/]+)$/.exec(text);
  if (arn && (arn[1] !== call.region || arn[2] !== call.account.accountId)) throw notFound();
  const name = arn ? (arn[3] as string) : text;
  const table = tablesHere(call).find((each) => each.name === name);
  if (!table) throw notFound();
  return table;
}

/** The key ARN a table answers in a region: the declared customer key (its region swapped for a replica), or the region's aws/dynamodb key. */
function keyArnIn(call: Call, table: ScenarioTable, region: string): string | null {
  if (table.sse.type === 'aws-owned') return null;
  if (table.sse.type === 'customer' && table.sse.kmsKeyArn)
    return table.sse.kmsKeyArn.replace(/^(arn:[a-z-]+:kms:)[a-z0-9-]+(:)/, `$1${region}$2`);
  let hash = 0;
  for (const ch of `${call.account.accountId}/${region}`) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const id = hash.toString(16).padStart(8, '0');
  return `arn:${call.account.partition}:kms:${region}:${call.account.accountId}:key/${id}-0d0d-4d0d-8d0d-${id}d0d0`;
}

function describeTable(call: Call): object {
  const table = findTable(call, call.input.TableName, () =>
    dynamoError(
      'ResourceNotFoundException',
      400,
      `Requested resource not found: Table: ${String(call.input.TableName)} not found`,
    ),
  );
  const key = keyArnIn(call, table, call.region);
  const global = table.replicaRegions.length > 0;
  const regions = [table.region, ...table.replicaRegions].filter((region) => region !== call.region).sort();
  return {
    Table: {
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      TableName: table.name,
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      TableStatus: 'ACTIVE',
      CreationDateTime: new Date(table.createdAt),
      ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
      TableSizeBytes: table.itemCount * 512,
      ItemCount: table.itemCount,
      TableArn: tableArn(call, call.region, table.name),
      TableId: `${table.name.length.toString(16).padStart(8, '0')}-1111-4222-8333-444455556666`,
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
      ...(global
        ? {
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
            GlobalTableVersion: '2019.11.21',
            Replicas: regions.map((region) => ({
              RegionName: region,
              ReplicaStatus: 'ACTIVE',
              ...(table.sse.type !== 'aws-owned' ? { KMSMasterKeyId: keyArnIn(call, table, region) } : {}),
            })),
          }
        : {}),
      ...(key ? { SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: key } } : {}),
      TableClassSummary: { TableClass: 'STANDARD' },
      DeletionProtectionEnabled: true,
    },
  };
}

function describeContinuousBackups(call: Call): object {
  const table = findTable(call, call.input.TableName, () =>
    dynamoError('TableNotFoundException', 400, `Table not found: ${String(call.input.TableName)}`),
  );
  const latest = new Date(Date.parse('2026-12-08T00:00:00Z'));
  return {
    ContinuousBackupsDescription: {
      ContinuousBackupsStatus: 'ENABLED',
      PointInTimeRecoveryDescription: table.pointInTimeRecovery
        ? {
            PointInTimeRecoveryStatus: 'ENABLED',
            RecoveryPeriodInDays: table.recoveryPeriodInDays,
            EarliestRestorableDateTime: new Date(latest.getTime() - table.recoveryPeriodInDays * 86_400_000),
            LatestRestorableDateTime: latest,
          }
        : { PointInTimeRecoveryStatus: 'DISABLED' },
    },
  };
}

function listTagsOfResource(call: Call): object {
  const table = findTable(call, call.input.ResourceArn, () =>
    dynamoError(
      'ResourceNotFoundException',
      400,
      `Requested resource not found: ResourceArn: ${String(call.input.ResourceArn)} not found`,
    ),
  );
  const tags = Object.entries(table.tags).map(([Key, Value]) => ({ Key, Value }));
  const token = call.input.NextToken;
  const start = typeof token === 'string' && /^\d+$/.test(token) ? Number(token) : 0;
  if (token !== undefined && (typeof token !== 'string' || !/^\d+$/.test(token)))
    throw dynamoError('ValidationException', 400, 'Invalid NextToken');
  const size = Math.min(tagPageSize, call.pageSize);
  const page = tags.slice(start, start + size);
  return { Tags: page, ...(start + size < tags.length ? { NextToken: String(start + size) } : {}) };
}

function checkTables(scenario: ScenarioBase, issue: ScenarioIssue): void {
  scenario.aws.accounts.forEach((each, a) => {
    const tables = each.dynamodbTables as ScenarioTable[];
    const seen = new Map<string, number>();
    tables.forEach((table, t) => {
      const path = ['aws', 'accounts', a, 'dynamodbTables', t];
      for (const region of [table.region, ...table.replicaRegions]) {
        if (!each.regions.includes(region))
          issue(
            [...path, region === table.region ? 'region' : 'replicaRegions'],
            `${region} is not one of the account's regions (${each.regions.join(', ')})`,
          );
        const key = `${region}|${table.name}`;
        const previous = seen.get(key);
        if (previous !== undefined)
          issue(
            [...path, 'name'],
            `table ${table.name} already exists in ${region} at dynamodbTables[${previous}]`,
          );
        seen.set(key, t);
      }
      if (table.replicaRegions.includes(table.region))
        issue([...path, 'replicaRegions'], "a replica region differs from the table's own region");
      if (table.sse.type === 'customer' && !table.sse.kmsKeyArn)
        issue([...path, 'sse', 'kmsKeyArn'], "a customer managed key ('customer') needs its kmsKeyArn");
      if (table.sse.type !== 'customer' && table.sse.kmsKeyArn !== undefined)
        issue([...path, 'sse', 'kmsKeyArn'], "only a customer managed key ('customer') names a kmsKeyArn");
    });
  });
}

export const dynamodbSim: AwsServiceSim<typeof account, typeof organisation, DynamoDbWorld> = {
  account,
  organisation,
  check: checkTables,
  error: dynamoError,
  answers: {
    ListTables: listTables,
    DescribeTable: describeTable,
    DescribeContinuousBackups: describeContinuousBackups,
    ListTagsOfResource: listTagsOfResource,
  },
  demo,
  generate({ index, accountId, regions, perRegion, random }) {
    const { chance, pick, hex } = random;
    const apps = ['wearable-readings', 'carts', 'sessions', 'intake-answers', 'order-events'];
    const dynamodbTables = regions.flatMap((region) =>
      Array.from({ length: Math.max(1, Math.ceil(perRegion / 3)) }, (_, k) => {
        const app = pick(apps);
        const phi = chance(0.35);
        const sse = chance(0.4)
          ? { type: 'aws-owned' as const }
          : chance(0.3)
            ? { type: 'aws-managed' as const }
            : {
                type: 'customer' as const,
                kmsKeyArn: `arn:aws:kms:${region}:${accountId}:key/gen-a${index}-${hex(8)}`,
              };
        return {
          name: `gen-a${index}-${app}-${k}-${hex(4)}`,
          region,
          tags: chance(0.15) ? {} : { app, ...(phi ? { phi: 'true' } : {}) },
          sse,
          pointInTimeRecovery: chance(0.6),
        };
      }),
    );
    return { dynamodbTables };
  },
};
