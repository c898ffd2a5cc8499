import type { Tag } from '@aws-sdk/client-dynamodb';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import {
  dynamoDbTableArn,
  encryptionFrom,
  pointInTimeRecoveryFrom,
  replicasFrom,
  tagsFrom,
} from './normalize';
import { ops } from './operations';
import { dynamodbTable, type DynamoDbTableProperties } from './resource';

/** ListTables page size asked (DynamoDB allows 1–100, its default). */
const listTablesLimit = 100;
/** Tables read at once (three calls each); the orchestrator's limiter is the real bound. */
const tableFanOut = 16;
/** A table deleted between ListTables and the read: DescribeTable says ResourceNotFoundException, DescribeContinuousBackups TableNotFoundException. */
const tableGone = ['ResourceNotFoundException', 'TableNotFoundException'];

interface ListedTable {
  name: string;
  evidenceId: number;
}

async function listTables(ctx: AwsCollectContext): Promise<ListedTable[]> {
  const { pages } = await ctx.pages(
    ops.listTables.command,
    { Limit: listTablesLimit },
    { inputToken: 'ExclusiveStartTableName', outputToken: 'LastEvaluatedTableName' },
  );
  return pages.flatMap((page) =>
    (page.output.TableNames ?? []).map((name) => ({ name, evidenceId: page.evidenceId })),
  );
}

/** Every page of a table's tags; null when a page failed (tags unknown, not empty). */
async function tagsOf(
  ctx: AwsCollectContext,
  arn: string,
  subject: string,
): Promise<{ tags: Tag[] | null; gone: boolean; evidenceIds: number[] }> {
  const tags: Tag[] = [];
  const evidenceIds: number[] = [];
  let token: string | undefined;
  for (;;) {
    const answer = await ctx.call(
      ops.listTagsOfResource.command,
      { ResourceArn: arn, ...(token ? { NextToken: token } : {}) },
      { subject, notConfigured: tableGone },
    );
    evidenceIds.push(answer.evidenceId);
    if (answer.status === 'not_configured') return { tags: null, gone: true, evidenceIds };
    if (answer.status !== 'ok') return { tags: null, gone: false, evidenceIds };
    tags.push(...(answer.output.Tags ?? []));
    token = answer.output.NextToken;
    if (!token) return { tags, gone: false, evidenceIds };
  }
}

async function describe(ctx: AwsCollectContext, listed: ListedTable): Promise<NormalizedResource | null> {
  const subject = listed.name;
  const fallbackArn = dynamoDbTableArn(ctx.partition, ctx.region, ctx.accountId, listed.name);
  const [table, backups, tagging] = await Promise.all([
    ctx.call(ops.describeTable.command, { TableName: listed.name }, { subject, notConfigured: tableGone }),
    ctx.call(
      ops.describeContinuousBackups.command,
      { TableName: listed.name },
      { subject, notConfigured: tableGone },
    ),
    tagsOf(ctx, fallbackArn, subject),
  ]);
  // Deleted since it was listed: nothing left to judge.
  if (table.status === 'not_configured' || backups.status === 'not_configured' || tagging.gone) return null;
  const description = table.status === 'ok' ? table.output.Table : undefined;
  const arn = description?.TableArn ?? fallbackArn;
  const properties: DynamoDbTableProperties = {
    tableArn: arn,
    status: description?.TableStatus ?? null,
    tagsCollected: tagging.tags !== null,
  };
  if (description) {
    properties.encryption = encryptionFrom(description.SSEDescription);
    properties.replicas = replicasFrom(description.Replicas, ctx.region);
    properties.globalTableVersion = description.GlobalTableVersion ?? null;
  }
  if (backups.status === 'ok')
    properties.pointInTimeRecovery = pointInTimeRecoveryFrom(backups.output.ContinuousBackupsDescription);
  return ctx.resource({
    type: dynamodbTable.type,
    nativeId: arn,
    name: listed.name,
    region: ctx.region,
    tags: tagging.tags ? tagsFrom(tagging.tags) : {},
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, table.evidenceId, backups.evidenceId, ...tagging.evidenceIds],
  });
}

/** DynamoDB tables of one account and region: listed, then each one described, with PITR and tags. */
export async function collectDynamoDbTables(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listTables(ctx);
  const described = await mapWithConcurrency(listed, tableFanOut, (each) => describe(ctx, each));
  return described.filter((each): each is NormalizedResource => each !== null);
}
