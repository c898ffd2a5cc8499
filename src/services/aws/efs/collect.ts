import type { FileSystemDescription } from '@aws-sdk/client-efs';
import { mapWithConcurrency, type AwsCollectContext, type NormalizedResource } from '../../../kit';
import { backupPolicyFrom, efsFileSystemArn, fileSystemFrom, tagsFrom } from './normalize';
import { ops } from './operations';
import { efsFileSystem } from './resource';

/** DescribeFileSystems page size asked: EFS answers at most 100 per page. */
const maxItems = 100;
/** File systems read at once; the orchestrator's limiter is the real bound. */
const fanOut = 16;

async function listFileSystems(ctx: AwsCollectContext) {
  const { pages } = await ctx.pages(
    ops.describeFileSystems.command,
    { MaxItems: maxItems },
    { inputToken: 'Marker', outputToken: 'NextMarker' },
  );
  return pages.flatMap((page) =>
    (page.output.FileSystems ?? []).map((item) => ({ item, evidenceId: page.evidenceId })),
  );
}

async function describe(
  ctx: AwsCollectContext,
  listed: { item: FileSystemDescription; evidenceId: number },
): Promise<NormalizedResource | null> {
  const { item } = listed;
  const id = item.FileSystemId;
  if (!id) return null;
  // A deleted file system keeps answering for a while with LifeCycleState 'deleted': nothing to judge.
  if (item.LifeCycleState === 'deleted' || item.LifeCycleState === 'deleting') return null;
  const tags = tagsFrom(item.Tags);
  const name = item.Name ?? tags.Name ?? id;
  const policy = await ctx.call(
    ops.describeBackupPolicy.command,
    { FileSystemId: id },
    // PolicyNotFound: no backup policy (a fact); FileSystemNotFound: deleted since it was listed.
    {
      subject: name === id ? id : `${name} (${id})`,
      notConfigured: ['PolicyNotFound', 'FileSystemNotFound'],
    },
  );
  if (policy.status === 'not_configured' && policy.errorCode === 'FileSystemNotFound') return null;
  const properties = fileSystemFrom(item);
  if (policy.status === 'ok') {
    const status = backupPolicyFrom(policy.output.BackupPolicy?.Status);
    if (status) properties.backupPolicy = status;
  } else if (policy.status === 'not_configured') properties.backupPolicy = 'NONE';
  return ctx.resource({
    type: efsFileSystem.type,
    nativeId: item.FileSystemArn ?? efsFileSystemArn(ctx.partition, ctx.region, ctx.accountId, id),
    name,
    region: ctx.region,
    tags,
    properties: { ...properties },
    evidenceIds: [listed.evidenceId, policy.evidenceId],
  });
}

/** EFS file systems of one account and region, each with its backup policy. */
export async function collectEfsFileSystems(ctx: AwsCollectContext): Promise<NormalizedResource[]> {
  const listed = await listFileSystems(ctx);
  const described = await mapWithConcurrency(listed, fanOut, (each) => describe(ctx, each));
  return described.filter((each): each is NormalizedResource => each !== null);
}
