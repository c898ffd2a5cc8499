import type { DBCluster, DBInstance, Parameter } from '@aws-sdk/client-rds';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { clusterFrom, instanceFrom, tagsFromTagList, tlsFrom } from './normalize';
import { ops } from './operations';
import { rdsCluster, rdsInstance, type RdsClusterProperties, type RdsInstanceProperties } from './resource';

/** Page size asked of every RDS Describe call: RDS allows 20–100 (default 100) and answers a Marker while more remain. */
const maxRecords = 100;
/** Parameter groups read at once; the orchestrator's limiter is the real bound. */
const groupFanOut = 8;
/** A parameter group deleted between DescribeDBInstances/Clusters and its read. */
const groupGone = ['DBParameterGroupNotFoundFault', 'DBParameterGroupNotFound'];
const clusterGroupGone = ['DBClusterParameterGroupNotFoundFault', 'DBClusterParameterGroupNotFound'];

interface Listed<T> {
  item: T;
  evidenceId: number;
}

async function listInstances(ctx: AwsCollectContext): Promise<Listed<DBInstance>[]> {
  const { pages } = await ctx.pages(
    ops.describeDBInstances.command,
    { MaxRecords: maxRecords },
    { inputToken: 'Marker', outputToken: 'Marker' },
  );
  // A failed page is a recorded gap; the instances answered before it are still assessed.
  return pages.flatMap((page) =>
    (page.output.DBInstances ?? []).map((item) => ({ item, evidenceId: page.evidenceId })),
  );
}

async function listClusters(ctx: AwsCollectContext): Promise<Listed<DBCluster>[]> {
  const { pages } = await ctx.pages(
    ops.describeDBClusters.command,
    { MaxRecords: maxRecords },
    { inputToken: 'Marker', outputToken: 'Marker' },
  );
  return pages.flatMap((page) =>
    (page.output.DBClusters ?? []).map((item) => ({ item, evidenceId: page.evidenceId })),
  );
}

/**
 * Replicated automated backups per source instance ARN, from this region's automated backups (the
 * entries whose Region is this region are the region's own instances). Adds to what
 * DescribeDBInstances says; a refused call leaves DescribeDBInstances' own list standing.
 */
async function backupReplications(
  ctx: AwsCollectContext,
): Promise<{ byInstance: Map<string, string[]>; evidenceIds: number[] }> {
  const { pages } = await ctx.pages(
    ops.describeDBInstanceAutomatedBackups.command,
    { MaxRecords: maxRecords },
    { inputToken: 'Marker', outputToken: 'Marker' },
  );
  const byInstance = new Map<string, string[]>();
  for (const page of pages)
    for (const backup of page.output.DBInstanceAutomatedBackups ?? []) {
      if (!backup.DBInstanceArn || (backup.Region && backup.Region !== ctx.region)) continue;
      const arns = (backup.DBInstanceAutomatedBackupsReplications ?? []).flatMap((each) =>
        each.DBInstanceAutomatedBackupsArn ? [each.DBInstanceAutomatedBackupsArn] : [],
      );
      byInstance.set(backup.DBInstanceArn, [...(byInstance.get(backup.DBInstanceArn) ?? []), ...arns]);
    }
  return { byInstance, evidenceIds: pages.map((page) => page.evidenceId) };
}

interface GroupRead {
  parameters: Parameter[] | null;
  evidenceIds: number[];
}

/** Every parameter of one group, all pages; null when a page failed or the group is gone. */
async function readGroup(
  ctx: AwsCollectContext,
  kind: 'instance' | 'cluster',
  group: string,
  users: readonly string[],
): Promise<GroupRead> {
  const subject = `${kind === 'cluster' ? 'DB cluster' : 'DB'} parameter group ${group} (${users.join(', ')})`;
  const { pages, complete } =
    kind === 'cluster'
      ? await ctx.pages(
          ops.describeDBClusterParameters.command,
          { DBClusterParameterGroupName: group, MaxRecords: maxRecords },
          { inputToken: 'Marker', outputToken: 'Marker', subject, notConfigured: clusterGroupGone },
        )
      : await ctx.pages(
          ops.describeDBParameters.command,
          { DBParameterGroupName: group, MaxRecords: maxRecords },
          { inputToken: 'Marker', outputToken: 'Marker', subject, notConfigured: groupGone },
        );
  const evidenceIds = pages.map((page) => page.evidenceId);
  // A deleted group answers "not found" on its first page: nothing was read, so nothing is claimed.
  if (!complete || pages.length === 0) return { parameters: null, evidenceIds };
  return { parameters: pages.flatMap((page) => page.output.Parameters ?? []), evidenceIds };
}

/** Reads each distinct group once, whichever number of databases use it. */
async function readGroups(
  ctx: AwsCollectContext,
  kind: 'instance' | 'cluster',
  usersByGroup: ReadonlyMap<string, string[]>,
): Promise<Map<string, GroupRead>> {
  const names = [...usersByGroup.keys()].sort();
  const reads = await mapWithConcurrency(names, groupFanOut, (group) =>
    readGroup(ctx, kind, group, usersByGroup.get(group) ?? []),
  );
  return new Map(names.map((name, i) => [name, reads[i] as GroupRead]));
}

function usersOf<T>(listed: readonly T[], groupOf: (item: T) => string | null, nameOf: (item: T) => string) {
  const users = new Map<string, string[]>();
  for (const item of listed) {
    const group = groupOf(item);
    if (group) users.set(group, [...(users.get(group) ?? []), nameOf(item)]);
  }
  return users;
}

const instanceGroup = (instance: DBInstance): string | null =>
  // Cluster members take the TLS parameter from the cluster's group.
  instance.DBClusterIdentifier ? null : (instance.DBParameterGroups?.[0]?.DBParameterGroupName ?? null);

/** RDS DB instances and clusters of one account and region, with the TLS parameter of their groups. */
export async function collectRds(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const [instances, clusters, replications] = await Promise.all([
    listInstances(ctx),
    listClusters(ctx),
    backupReplications(ctx),
  ]);
  const [instanceGroups, clusterGroups] = await Promise.all([
    readGroups(
      ctx,
      'instance',
      usersOf(
        instances,
        (each) => instanceGroup(each.item),
        (each) => each.item.DBInstanceIdentifier ?? '?',
      ),
    ),
    readGroups(
      ctx,
      'cluster',
      usersOf(
        clusters,
        (each) => each.item.DBClusterParameterGroup ?? null,
        (each) => each.item.DBClusterIdentifier ?? '?',
      ),
    ),
  ]);
  const resources: NormalizedResource[] = [];
  for (const { item, evidenceId } of instances) {
    if (!item.DBInstanceIdentifier || !item.DBInstanceArn) continue;
    const extra = replications.byInstance.get(item.DBInstanceArn) ?? [];
    const properties: RdsInstanceProperties = instanceFrom(item, extra);
    const group = instanceGroup(item);
    const read = group ? instanceGroups.get(group) : undefined;
    if (group && read?.parameters)
      properties.tls = tlsFrom(properties.engine, properties.engineVersion, group, read.parameters);
    resources.push(
      ctx.resource({
        type: rdsInstance.type,
        nativeId: item.DBInstanceArn,
        name: item.DBInstanceIdentifier,
        region: ctx.region,
        tags: tagsFromTagList(item.TagList),
        properties: { ...properties },
        evidenceIds: [
          evidenceId,
          ...(read?.evidenceIds ?? []),
          ...(extra.length > 0 ? replications.evidenceIds : []),
        ],
      }),
    );
  }
  for (const { item, evidenceId } of clusters) {
    if (!item.DBClusterIdentifier || !item.DBClusterArn) continue;
    const properties: RdsClusterProperties = clusterFrom(item);
    const group = item.DBClusterParameterGroup ?? null;
    const read = group ? clusterGroups.get(group) : undefined;
    if (group && read?.parameters)
      properties.tls = tlsFrom(properties.engine, properties.engineVersion, group, read.parameters);
    resources.push(
      ctx.resource({
        type: rdsCluster.type,
        nativeId: item.DBClusterArn,
        name: item.DBClusterIdentifier,
        region: ctx.region,
        tags: tagsFromTagList(item.TagList),
        properties: { ...properties },
        evidenceIds: [evidenceId, ...(read?.evidenceIds ?? [])],
      }),
    );
  }
  return resources;
}
